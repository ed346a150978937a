import { describe, expect, it } from 'vitest';
import { webcrypto } from 'node:crypto';
import { JITSI_TOKEN_MARGIN_SECONDS, jitsiMeetingUrl, jitsiToken, signHs256 } from './video-jitsi.js';

const settings = { domain: 'Meet.Example.it', appId: 'agilepa', appSecret: 'a-shared-secret-of-thirty-two-ch' };
const start = Date.parse('2027-03-10T09:00:00Z');
const end = Date.parse('2027-03-10T11:30:00Z');

/** Verifies with WebCrypto (a different HMAC implementation from the one that signs) and decodes. */
async function verify(token: string, secret: string) {
  const [h, p, s] = token.split('.');
  const key = await webcrypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  const ok = await webcrypto.subtle.verify('HMAC', key, Buffer.from(s, 'base64url'), new TextEncoder().encode(`${h}.${p}`));
  const decode = (x: string) => JSON.parse(Buffer.from(x, 'base64url').toString('utf8'));
  return { ok, header: decode(h), payload: decode(p) };
}

describe('Jitsi tokens', () => {
  it('signs HS256 so that an independent HMAC check accepts it, and a wrong secret or a changed claim does not', async () => {
    const token = jitsiToken(settings, { room: 'apa0123abcd', start, end, moderator: true, user: { name: 'Maria Rossi', email: 'maria@example.it' } });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const v = await verify(token, settings.appSecret);
    expect(v.ok).toBe(true);
    expect(v.header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect((await verify(token, 'another secret')).ok).toBe(false);
    const [h, p, s] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...v.payload, room: '*' })).toString('base64url');
    expect((await verify(`${h}.${forged}.${s}`, settings.appSecret)).ok).toBe(false);
    expect(p).not.toContain('=');
  });

  it('carries the claims Jitsi checks: iss = app id, aud, sub = domain, room, nbf/exp around the booking, user and moderator flag', async () => {
    const now = Date.parse('2027-03-01T08:00:00Z');
    const { payload } = await verify(
      jitsiToken(settings, { room: 'apa0123abcd', start, end: end + 400, moderator: true, user: { id: 'u1', name: 'Maria Rossi', email: 'maria@example.it' }, now }),
      settings.appSecret,
    );
    expect(payload).toEqual({
      iss: 'agilepa',
      aud: 'jitsi',
      sub: 'meet.example.it',
      room: 'apa0123abcd',
      iat: now / 1000,
      nbf: start / 1000 - JITSI_TOKEN_MARGIN_SECONDS,
      exp: Math.ceil((end + 400) / 1000) + JITSI_TOKEN_MARGIN_SECONDS,
      moderator: true,
      context: { user: { id: 'u1', name: 'Maria Rossi', email: 'maria@example.it', moderator: 'true' } },
    });
    // the token covers the whole booking, with a small margin only
    expect(payload.nbf * 1000).toBeLessThan(start);
    expect(payload.exp * 1000).toBeGreaterThan(end);
    expect(start - payload.nbf * 1000).toBeLessThanOrEqual(15 * 60_000);
    expect(payload.exp * 1000 - end).toBeLessThanOrEqual(15 * 60_000);
  });

  it('gives attendees no moderator flag and no identity, with strings only in context.user', async () => {
    const { payload } = await verify(jitsiToken(settings, { room: 'r', start, end, moderator: false }), settings.appSecret);
    expect(payload.moderator).toBe(false);
    expect(payload.context.user).toEqual({ moderator: 'false' });
    for (const v of Object.values(payload.context.user)) expect(typeof v).toBe('string');
  });

  it('builds https://domain/room?jwt=…', async () => {
    const url = new URL(jitsiMeetingUrl(settings, { room: 'apa0123abcd', start, end, moderator: false }));
    expect(url.origin).toBe('https://meet.example.it');
    expect(url.pathname).toBe('/apa0123abcd');
    expect((await verify(url.searchParams.get('jwt')!, settings.appSecret)).ok).toBe(true);
  });

  it('matches a signature computed by hand for a fixed payload', () => {
    // header {"alg":"HS256","typ":"JWT"} and payload {"a":1}, HMAC-SHA256 with key "k": RFC 7515 form
    const token = signHs256({ a: 1 }, 'k');
    expect(token.split('.').slice(0, 2).join('.')).toBe('eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJhIjoxfQ');
  });
});
