/**
 * BigBlueButton API URLs (pure, no I/O). Every call carries `checksum` = hash(call name + query
 * string + shared secret), hex, as the BigBlueButton API security model specifies (SHA-1
 * historically; SHA-256/384/512 since 2.5). The checksum is the last parameter of the URL.
 */
import { createHash, createHmac } from 'node:crypto';

export const BBB_CHECKSUMS = ['sha1', 'sha256', 'sha384', 'sha512'] as const;
export type BbbChecksum = (typeof BBB_CHECKSUMS)[number];

export interface BbbSettings {
  /** The API base URL, e.g. `https://bbb.example.it/bigbluebutton/api`. */
  apiUrl: string;
  /** The server's shared secret (`bbb-conf --secret`). Never leaves the server. */
  secret: string;
  checksum: BbbChecksum;
}

/** Minutes a meeting may be created (and joined) before its booking starts. */
export const BBB_EARLY_MINUTES = 10;

export function bbbChecksum(call: string, query: string, secret: string, algorithm: BbbChecksum = 'sha1'): string {
  return createHash(algorithm).update(call + query + secret).digest('hex');
}

/** The API base without a trailing slash; `…/bigbluebutton` (as `bbb-conf --secret` prints it) gets `/api`. */
export function normaliseBbbApiUrl(url: string): string {
  const u = url.trim().replace(/\/+$/, '');
  return /\/bigbluebutton$/.test(u) ? `${u}/api` : u;
}

/** A signed API URL: parameters in the given order, then the checksum. */
export function bbbUrl(settings: BbbSettings, call: string, params: [string, string][]): string {
  const query = new URLSearchParams(params).toString();
  const sum = bbbChecksum(call, query, settings.secret, settings.checksum);
  return `${normaliseBbbApiUrl(settings.apiUrl)}/${call}?${query}${query ? '&' : ''}checksum=${sum}`;
}

/**
 * The meeting's passwords (BigBlueButton before 2.4 tells moderators from attendees only by them),
 * derived from the secret so that every link of a booking agrees without storing them.
 */
export function bbbPasswords(secret: string, meetingId: string): { attendee: string; moderator: string } {
  const derive = (role: string) => createHmac('sha256', secret).update(`${role}:${meetingId}`).digest('hex').slice(0, 24);
  return { attendee: derive('attendee'), moderator: derive('moderator') };
}

export interface BbbMeeting {
  meetingId: string;
  name: string;
  /** The booking's range, epoch ms. */
  start: number;
  end: number;
  maxParticipants: number;
}

/** BigBlueButton strings may not contain control characters (0x00-0x1F). */
const withoutControls = (s: string) => Array.from(s, (c) => (c.charCodeAt(0) < 0x20 ? ' ' : c)).join('');

/** BigBlueButton wants a name of 2 to 64 characters. */
function meetingName(name: string): string {
  let n = withoutControls(name).trim().slice(0, 64);
  if (/[\uD800-\uDBFF]$/.test(n)) n = n.slice(0, -1); // never half an emoji
  return n.length >= 2 ? n : 'Riunione';
}

/** `create`: the meeting of a booking, at most its booked connections, ending with its booking (plus the early minutes). */
export function bbbCreateUrl(settings: BbbSettings, m: BbbMeeting): string {
  const pw = bbbPasswords(settings.secret, m.meetingId);
  const minutes = Math.ceil((m.end - m.start) / 60_000) + BBB_EARLY_MINUTES;
  return bbbUrl(settings, 'create', [
    ['name', meetingName(m.name)],
    ['meetingID', m.meetingId],
    ['attendeePW', pw.attendee],
    ['moderatorPW', pw.moderator],
    ['maxParticipants', String(m.maxParticipants)],
    ['duration', String(minutes)],
    ['record', 'false'],
  ]);
}

export interface BbbJoin {
  meetingId: string;
  fullName: string;
  moderator: boolean;
  userId?: string;
}

/** `join`: the role (2.4 and later) and the matching password (earlier versions) agree. */
export function bbbJoinUrl(settings: BbbSettings, j: BbbJoin): string {
  const pw = bbbPasswords(settings.secret, j.meetingId);
  const params: [string, string][] = [
    ['fullName', withoutControls(j.fullName).trim().slice(0, 200) || 'Partecipante'],
    ['meetingID', j.meetingId],
    ['password', j.moderator ? pw.moderator : pw.attendee],
    ['role', j.moderator ? 'MODERATOR' : 'VIEWER'],
  ];
  if (j.userId) params.push(['userID', j.userId]);
  params.push(['redirect', 'true']);
  return bbbUrl(settings, 'join', params);
}
