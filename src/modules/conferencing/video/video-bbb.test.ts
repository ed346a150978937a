import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { BBB_EARLY_MINUTES, bbbChecksum, bbbCreateUrl, bbbJoinUrl, bbbPasswords, bbbUrl, normaliseBbbApiUrl } from './video-bbb.js';

// The example of the BigBlueButton API documentation ("API Security Model", "Usage").
const DOC_SECRET = '639259d4-9dd8-4b25-bf01-95f9567eaf4b';
const DOC_QUERY = 'name=Test+Meeting&meetingID=abc123&attendeePW=111222&moderatorPW=333444';
const DOC_SHA1 = '1fcbb0c4fc1f039f73aa6d697d2db9ba7f803f17';

const settings = { apiUrl: 'https://bbb.example.it/bigbluebutton/api', secret: DOC_SECRET, checksum: 'sha256' as const };

/** Checks a URL the way the BigBlueButton server does: the query without the checksum, hashed with the call name and the secret. */
function serverAccepts(url: string, secret: string, algorithm: string): boolean {
  const u = new URL(url);
  const call = u.pathname.split('/').pop()!;
  const query = u.search.slice(1);
  const m = /^(.*)&checksum=([0-9a-f]+)$/.exec(query);
  if (!m) return false;
  return createHash(algorithm).update(`${call}${m[1]}${secret}`).digest('hex') === m[2];
}

describe('BigBlueButton checksums', () => {
  it('matches the documentation’s example', () => {
    expect(bbbChecksum('create', DOC_QUERY, DOC_SECRET, 'sha1')).toBe(DOC_SHA1);
    const url = bbbUrl({ ...settings, checksum: 'sha1' }, 'create', [
      ['name', 'Test Meeting'],
      ['meetingID', 'abc123'],
      ['attendeePW', '111222'],
      ['moderatorPW', '333444'],
    ]);
    expect(url).toBe(`https://bbb.example.it/bigbluebutton/api/create?${DOC_QUERY}&checksum=${DOC_SHA1}`);
  });

  it('supports SHA-256 and the stronger hashes, each accepted by an independent check', () => {
    for (const checksum of ['sha1', 'sha256', 'sha384', 'sha512'] as const) {
      const url = bbbUrl({ ...settings, checksum }, 'create', [['name', 'Giunta è «qui» & là'], ['meetingID', 'x1']]);
      expect(serverAccepts(url, DOC_SECRET, checksum)).toBe(true);
      expect(serverAccepts(url, 'wrong', checksum)).toBe(false);
    }
  });

  it('normalises the API base as bbb-conf prints it', () => {
    expect(normaliseBbbApiUrl('https://bbb.example.it/bigbluebutton/')).toBe('https://bbb.example.it/bigbluebutton/api');
    expect(normaliseBbbApiUrl('https://bbb.example.it/bigbluebutton/api/')).toBe('https://bbb.example.it/bigbluebutton/api');
  });
});

describe('BigBlueButton meetings of a booking', () => {
  const start = Date.parse('2027-03-10T09:00:00Z');
  const end = Date.parse('2027-03-10T10:30:00Z');
  const meeting = { meetingId: 'apa0123abcd', name: 'Consiglio comunale di Agliè', start, end, maxParticipants: 42 };

  it('creates the meeting with maxParticipants = booked connections, its meetingID and its duration', () => {
    const url = bbbCreateUrl(settings, meeting);
    expect(serverAccepts(url, DOC_SECRET, 'sha256')).toBe(true);
    const q = new URL(url).searchParams;
    expect(q.get('meetingID')).toBe('apa0123abcd');
    expect(q.get('maxParticipants')).toBe('42');
    expect(q.get('duration')).toBe(String(90 + BBB_EARLY_MINUTES));
    expect(q.get('name')).toBe('Consiglio comunale di Agliè');
    expect(q.get('record')).toBe('false');
    expect(q.get('attendeePW')).not.toBe(q.get('moderatorPW'));
  });

  it('keeps the name within the 2 to 64 characters BigBlueButton accepts', () => {
    expect(new URL(bbbCreateUrl(settings, { ...meeting, name: 'x'.repeat(300) })).searchParams.get('name')).toHaveLength(64);
    expect(new URL(bbbCreateUrl(settings, { ...meeting, name: 'x' })).searchParams.get('name')).toBe('Riunione');
  });

  it('joins moderators and attendees with the role and the password that agree', () => {
    const pw = bbbPasswords(DOC_SECRET, 'apa0123abcd');
    const create = new URL(bbbCreateUrl(settings, meeting)).searchParams;
    const mod = new URL(bbbJoinUrl(settings, { meetingId: 'apa0123abcd', fullName: 'Maria Rossi', moderator: true, userId: 'u1' }));
    const att = new URL(bbbJoinUrl(settings, { meetingId: 'apa0123abcd', fullName: '', moderator: false }));
    expect(serverAccepts(mod.toString(), DOC_SECRET, 'sha256')).toBe(true);
    expect(serverAccepts(att.toString(), DOC_SECRET, 'sha256')).toBe(true);
    expect(mod.searchParams.get('role')).toBe('MODERATOR');
    expect(mod.searchParams.get('password')).toBe(create.get('moderatorPW'));
    expect(mod.searchParams.get('password')).toBe(pw.moderator);
    expect(att.searchParams.get('role')).toBe('VIEWER');
    expect(att.searchParams.get('password')).toBe(create.get('attendeePW'));
    expect(att.searchParams.get('fullName')).toBe('Partecipante');
    // the secret itself never appears in a URL
    expect(mod.toString()).not.toContain(DOC_SECRET);
    expect(bbbCreateUrl(settings, meeting)).not.toContain(DOC_SECRET);
  });
});
