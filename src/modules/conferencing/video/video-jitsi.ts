/**
 * Jitsi Meet links with a signed token (pure, no I/O). Jitsi's token authentication (Prosody's
 * `authentication = "token"` with `app_id`/`app_secret`) accepts an HS256 JWT whose claims name
 * the application (`iss` = app id), the audience (`aud`), the domain (`sub`), the room (`room`)
 * and the validity (`nbf`, `exp`); `context.user` carries the display data and the moderator flag.
 * The token is signed here with node:crypto: no JWT library.
 */
import { createHmac } from 'node:crypto';
import { clock } from '../../../platform/clock.js';

export interface JitsiSettings {
  /** The Jitsi Meet host (also the token's `sub`), e.g. `meet.example.it`. */
  domain: string;
  /** Prosody's `app_id`: the token's issuer. */
  appId: string;
  /** Prosody's `app_secret`: the HMAC key. Never leaves the server. */
  appSecret: string;
}

/** The audience Jitsi deployments accept by convention (`asap_accepted_audiences`). */
export const JITSI_AUDIENCE = 'jitsi';
/** How long before the start and after the end of a booking its tokens are valid, in seconds. */
export const JITSI_TOKEN_MARGIN_SECONDS = 10 * 60;

export interface JitsiUser {
  id?: string;
  name?: string;
  email?: string;
}

export interface JitsiTokenInput {
  room: string;
  /** The booking's range, in epoch milliseconds. */
  start: number;
  end: number;
  moderator: boolean;
  /** Who the link is for; none for a link to share with the attendees (Jitsi asks their name). */
  user?: JitsiUser;
  /** Issued at (epoch ms); defaults to now. */
  now?: number;
}

export interface JitsiClaims {
  iss: string;
  aud: string;
  sub: string;
  room: string;
  iat: number;
  nbf: number;
  exp: number;
  /** Read by the token moderation plugins of Prosody. */
  moderator: boolean;
  context: { user: Record<string, string> };
}

export function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

/** A compact JWS (RFC 7515) signed with HMAC-SHA256. */
export function signHs256(payload: object, secret: string): string {
  const head = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = base64url(JSON.stringify(payload));
  const signature = createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${signature}`;
}

/** The claims of a token for one booking's room: valid from a margin before its start to a margin after its end. */
export function jitsiClaims(settings: JitsiSettings, input: JitsiTokenInput): JitsiClaims {
  const seconds = (ms: number) => Math.floor(ms / 1000);
  // Jitsi requires every field of context.user to be a string (lib-jitsi-meet throws on other types).
  const user: Record<string, string> = { moderator: input.moderator ? 'true' : 'false' };
  if (input.user?.id) user.id = input.user.id;
  if (input.user?.name) user.name = input.user.name;
  if (input.user?.email) user.email = input.user.email;
  return {
    iss: settings.appId,
    aud: JITSI_AUDIENCE,
    sub: settings.domain.toLowerCase(),
    room: input.room,
    iat: seconds(input.now ?? clock.now()),
    nbf: seconds(input.start) - JITSI_TOKEN_MARGIN_SECONDS,
    exp: Math.ceil(input.end / 1000) + JITSI_TOKEN_MARGIN_SECONDS,
    moderator: input.moderator,
    context: { user },
  };
}

export function jitsiToken(settings: JitsiSettings, input: JitsiTokenInput): string {
  return signHs256(jitsiClaims(settings, input), settings.appSecret);
}

/** `https://domain/room?jwt=…`: the meeting link with its token. */
export function jitsiMeetingUrl(settings: JitsiSettings, input: JitsiTokenInput): string {
  return `https://${settings.domain.toLowerCase()}/${encodeURIComponent(input.room)}?jwt=${jitsiToken(settings, input)}`;
}
