/**
 * Video systems over HTTP, on PGlite and PostgreSQL: per-platform settings with write-only
 * secrets, meeting links per caller, and Jitsi's room reservation API as Prosody calls it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId, tokenFor } from '../../../../test/auth-helpers.js';
import type { AuthContext, Role } from '../../../platform/auth/context.js';
import { addDays, romeParts } from '../../../platform/calendar/rome.js';
import { createBooking } from '../bookings/create-booking.js';
import { cancelBooking } from '../bookings/cancel-booking.js';
import { rome } from '../conferencing.test-support.js';
import { JITSI_EARLY_MINUTES, conferenceAt } from './jitsi-reservation.js';
import type { RoomBookingRow } from './video.repo.js';

const JITSI_SECRET = 'jitsi-app-secret-0123456789abcdef';
const BBB_SECRET = 'bbb-shared-secret-0123456789abcdef';
const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let t: TestApp;
interface Actor {
  headers: Record<string, string>;
  token: string;
  auth: AuthContext;
}
let operator: Actor;
let otherOperator: Actor;
let operatorEmployee: Actor;
let member: Actor;
let otherMember: Actor;
let jitsiId: string;
let bbbId: string;
let plainId: string;
let unconfiguredId: string;

async function actor(org: string, roles: Role[]): Promise<Actor> {
  const orgId = /^[0-9a-f]{8}-/.test(org) ? org : await organizationId(t.db, org);
  const u = await createUser(t.db, { organizationId: orgId, roles, email: `v-${randomUUID().slice(0, 8)}@test.agilepa.example`, displayName: 'Maria Rossi' });
  return {
    headers: (await login(t.app, u.email, u.password)).headers,
    token: await tokenFor(t.db, u.id),
    auth: { userId: u.id, email: u.email, displayName: 'Maria Rossi', organizationId: orgId, roles, via: 'session' },
  };
}

async function association(admin: Record<string, string>, name: string): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin, payload: { kind: 'association', name } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

async function platform(by: Actor, payload: Record<string, unknown>): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: by.headers,
    payload: { capacity: 100, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000, ...payload },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const putVideo = (by: Actor, id: string, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'PUT', url: `/api/v1/conference-platforms/${id}/video`, headers: by.headers, payload });

/** A booking of `member`'s body covering [start, end), booked as if it were `bookedAt`. */
async function bookAt(platformId: string, start: number, end: number, connections = 12, bookedAt = start - 3 * DAY) {
  const b = await createBooking(
    t.db,
    member.auth,
    {
      platformId,
      title: 'Giunta comunale',
      kind: 'board_session',
      start: new Date(start).toISOString(),
      end: new Date(end).toISOString(),
      expectedConnections: connections,
      organiserName: 'Maria Rossi',
      organiserEmail: 'maria.rossi@example.it',
    },
    { now: bookedAt },
  );
  return b;
}

/** A range around now inside today's Rome date (bookings may not cross midnight). */
function aroundNow(now = Date.now()): [number, number] {
  const today = romeParts(now).date;
  const dayStart = Date.parse(rome(today, '00:00'));
  const nextDay = Date.parse(rome(addDays(today, 1), '00:00'));
  const floorMin = (ms: number) => Math.floor(ms / MINUTE) * MINUTE;
  return [Math.max(dayStart, floorMin(now - 30 * MINUTE)), Math.min(nextDay, floorMin(now + 40 * MINUTE))];
}

async function roomOf(bookingId: string): Promise<string> {
  const r = await t.db.ownerTx((tx) => tx.query<{ video_room: string }>('select video_room from bookings where id = $1', [bookingId]));
  return r.rows[0].video_room;
}

const reserve = (token: string | null, body: Record<string, string>, form = true) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/integrations/jitsi/conference',
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      'content-type': form ? 'application/x-www-form-urlencoded;charset=utf-8' : 'application/json',
    },
    payload: form ? new URLSearchParams(body).toString() : JSON.stringify(body),
  });

function decodeJwt(token: string, secret: string) {
  const [h, p, s] = token.split('.');
  const expected = createHmac('sha256', secret).update(`${h}.${p}`).digest('base64url');
  return { valid: expected === s, payload: JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) };
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = (await actor('001003', ['platform_admin'])).headers;
  const opId = await association(admin, 'Associazione dei Comuni del Video');
  const otherOpId = await association(admin, 'Altra Associazione del Video');
  operator = await actor(opId, ['provider_staff']);
  otherOperator = await actor(otherOpId, ['provider_staff']);
  operatorEmployee = await actor(opId, ['employee']);
  member = await actor('001001', ['employee']);
  otherMember = await actor('001002', ['employee']);
  jitsiId = await platform(operator, { name: 'Jitsi ANCI', videoSystem: 'jitsi' });
  bbbId = await platform(operator, { name: 'BigBlueButton ANCI', videoSystem: 'bbb' });
  plainId = await platform(operator, { name: 'Sala virtuale', link: 'https://video.example.it/sala' });
  unconfiguredId = await platform(operator, { name: 'Jitsi da configurare', videoSystem: 'jitsi', link: 'https://video.example.it/attesa' });
  const j = await putVideo(operator, jitsiId, { videoSystem: 'jitsi', jitsiDomain: 'Meet.Example.it', jitsiAppId: 'agilepa', jitsiAppSecret: JITSI_SECRET });
  expect(j.statusCode, j.body).toBe(200);
  const b = await putVideo(operator, bbbId, { videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/', bbbSecret: BBB_SECRET, bbbChecksum: 'sha256' });
  expect(b.statusCode, b.body).toBe(200);
});
afterAll(async () => t?.close());

describe('video settings of a platform', () => {
  it('stores them for the operator and never returns the secrets', async () => {
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${jitsiId}/video`, headers: operator.headers });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ platformId: jitsiId, videoSystem: 'jitsi', videoConfigured: true, jitsiDomain: 'meet.example.it', jitsiAppId: 'agilepa', bbbApiUrl: null });
    const b = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${bbbId}/video`, headers: operator.headers });
    expect(b.json()).toMatchObject({ videoSystem: 'bbb', videoConfigured: true, bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api', bbbChecksum: 'sha256' });
    for (const url of [`/api/v1/conference-platforms/${jitsiId}`, `/api/v1/conference-platforms/${bbbId}`, '/api/v1/conference-platforms?pageSize=100', `/api/v1/conference-platforms/${jitsiId}/video`]) {
      for (const who of [operator, member]) {
        const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
        expect(res.body).not.toContain(JITSI_SECRET);
        expect(res.body).not.toContain(BBB_SECRET);
      }
    }
  });

  it('shows videoConfigured on the platform, true only when the settings match the system it drives', async () => {
    const show = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: member.headers })).json();
    expect((await show(jitsiId)).videoConfigured).toBe(true);
    expect((await show(bbbId)).videoConfigured).toBe(true);
    expect((await show(unconfiguredId)).videoConfigured).toBe(false);
    expect((await show(plainId)).videoConfigured).toBe(false);
  });

  it('keeps the secrets out of the audit log', async () => {
    const r = await t.db.ownerTx((tx) =>
      tx.query<{ action: string; before: unknown; after: unknown }>(`select action, before, after from audit_log where entity_id = $1 and action = 'conference_platform.video_update'`, [jitsiId]),
    );
    expect(r.rows.length).toBe(1);
    expect(JSON.stringify(r.rows)).not.toContain(JITSI_SECRET);
    expect(JSON.stringify(r.rows[0].after)).toContain('"secretSet":true');
  });

  it('refuses settings that do not fit the system, field by field, with no partial write', async () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'x', jitsiAppSecret: JITSI_SECRET, bbbSecret: BBB_SECRET }, ['body.bbbSecret']],
      [{ videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api' }, ['body.bbbSecret']],
      [{ videoSystem: 'none', jitsiDomain: 'meet.example.it' }, ['body.jitsiDomain']],
    ];
    // no secret stored yet for this system: it is required (a configured one keeps its secret)
    const noSecret = await putVideo(operator, unconfiguredId, { videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'x' });
    expect(noSecret.statusCode, noSecret.body).toBe(422);
    expect(noSecret.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.jitsiAppSecret']);
    for (const [payload, fields] of cases) {
      const r = await putVideo(operator, jitsiId, payload);
      expect(r.statusCode, r.body).toBe(422);
      expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(r.json().code).toBe('video.settings_invalid');
      expect(r.json().errors.map((e: { field: string }) => e.field)).toEqual(fields);
    }
    for (const payload of [
      { videoSystem: 'jitsi', jitsiDomain: 'not a host', jitsiAppId: 'x', jitsiAppSecret: JITSI_SECRET },
      { videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'x', jitsiAppSecret: 'short' },
      { videoSystem: 'bbb', bbbApiUrl: 'ftp://bbb.example.it', bbbSecret: BBB_SECRET },
      { videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/api', bbbSecret: BBB_SECRET, bbbChecksum: 'md5' },
    ]) {
      const r = await putVideo(operator, jitsiId, payload);
      expect(r.statusCode, r.body).toBe(400);
      expect(r.json().code).toBe('request.invalid');
    }
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${jitsiId}/video`, headers: operator.headers });
    expect(after.json()).toMatchObject({ videoSystem: 'jitsi', videoConfigured: true, jitsiAppId: 'agilepa' });
  });

  it('lets only the operator’s staff see or change them', async () => {
    const body = { videoSystem: 'none' };
    for (const who of [member, otherOperator, operatorEmployee]) {
      const put = await putVideo(who, jitsiId, body);
      expect(put.statusCode, put.body).toBe(403);
      expect(put.json().code).toBe('auth.forbidden');
      const get = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${jitsiId}/video`, headers: who.headers });
      expect(get.statusCode).toBe(403);
    }
    const missing = await putVideo(operator, randomUUID(), body);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('platform.not_found');
  });

  it('keeps the settings table closed to other bodies in the database itself (RLS)', async () => {
    const count = (ctx: AuthContext) =>
      t.db.tx({ organizationId: ctx.organizationId, userId: ctx.userId }, async (tx) => (await tx.query<{ n: number }>('select count(*)::int as n from conference_platform_video')).rows[0].n);
    expect(await count(operator.auth)).toBeGreaterThanOrEqual(2);
    expect(await count(member.auth)).toBe(0);
    expect(await count(otherOperator.auth)).toBe(0);
    await expect(
      t.db.tx({ organizationId: member.auth.organizationId, userId: member.auth.userId }, (tx) =>
        tx.query(`insert into conference_platform_video (platform_id, system, bbb_api_url, bbb_secret, bbb_checksum) values ($1, 'bbb', 'https://x.example', $2, 'sha1')`, [plainId, BBB_SECRET]),
      ),
    ).rejects.toThrow();
  });

  it('are settable when the platform is registered, all or nothing', async () => {
    const id = await platform(operator, {
      name: 'Jitsi pronta',
      videoSystem: 'jitsi',
      video: { jitsiDomain: 'meet2.example.it', jitsiAppId: 'agilepa2', jitsiAppSecret: JITSI_SECRET },
    });
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: member.headers });
    expect(shown.json()).toMatchObject({ videoSystem: 'jitsi', videoConfigured: true });
    expect(shown.body).not.toContain(JITSI_SECRET);
    const count = async () => (await t.db.ownerTx((tx) => tx.query<{ n: number }>('select count(*)::int as n from conference_platforms'))).rows[0].n;
    const before = await count();
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/conference-platforms',
      headers: operator.headers,
      payload: { name: 'Sbagliata', capacity: 10, videoSystem: 'bbb', video: { jitsiDomain: 'meet.example.it' } },
    });
    expect(bad.statusCode, bad.body).toBe(422);
    expect(bad.json().code).toBe('video.settings_invalid');
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.video.jitsiDomain', 'body.video.bbbApiUrl', 'body.video.bbbSecret']);
    expect(await count()).toBe(before);
  });

  it('switches a platform to no video system and back', async () => {
    const id = await platform(operator, { name: 'Da cambiare', videoSystem: 'jitsi' });
    const none = await putVideo(operator, id, { videoSystem: 'none' });
    expect(none.json()).toMatchObject({ videoSystem: 'none', videoConfigured: false, jitsiDomain: null });
    const bbb = await putVideo(operator, id, { videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api', bbbSecret: BBB_SECRET });
    expect(bbb.json()).toMatchObject({ videoSystem: 'bbb', videoConfigured: true, bbbChecksum: 'sha256' });
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: member.headers });
    expect(shown.json()).toMatchObject({ videoSystem: 'bbb', videoConfigured: true });
  });
});

describe('meeting links of a booking', () => {
  const start = () => Date.parse(rome(addDays(romeParts(Date.now()).date, 5), '10:00'));

  it('Jitsi: the booking’s body gets the attendee and the moderator link, with tokens for the room and the booking', async () => {
    const s = start();
    const b = await bookAt(jitsiId, s, s + 90 * MINUTE, 12, Date.now());
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: member.headers });
    expect(r.statusCode, r.body).toBe(200);
    const links = r.json();
    const room = await roomOf(b.id);
    expect(room).toMatch(/^apa[0-9a-f]{32}$/);
    expect(links).toMatchObject({ bookingId: b.id, videoSystem: 'jitsi', room, createUrl: null });
    const attendee = new URL(links.attendeeUrl);
    const moderator = new URL(links.moderatorUrl);
    expect(`${attendee.origin}${attendee.pathname}`).toBe(`https://meet.example.it/${room}`);
    const a = decodeJwt(attendee.searchParams.get('jwt')!, JITSI_SECRET);
    const m = decodeJwt(moderator.searchParams.get('jwt')!, JITSI_SECRET);
    expect(a.valid && m.valid).toBe(true);
    expect(a.payload).toMatchObject({ iss: 'agilepa', aud: 'jitsi', sub: 'meet.example.it', room, moderator: false, context: { user: { moderator: 'false' } } });
    expect(m.payload).toMatchObject({ room, moderator: true, context: { user: { moderator: 'true', name: 'Maria Rossi', email: member.auth.email } } });
    expect(a.payload.nbf * 1000).toBeLessThan(s);
    expect(a.payload.exp * 1000).toBeGreaterThan(s + 90 * MINUTE);
    expect(r.body).not.toContain(JITSI_SECRET);
    // the room is stable: the same on every read
    const again = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: member.headers });
    expect(again.json().room).toBe(room);
  });

  it('gives the operator the attendee link only, and another body nothing', async () => {
    const s = start() + 2 * 60 * MINUTE;
    const b = await bookAt(jitsiId, s, s + 30 * MINUTE, 5, Date.now());
    const op = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: operator.headers });
    expect(op.statusCode, op.body).toBe(200);
    expect(op.json().attendeeUrl).toContain('?jwt=');
    expect(op.json().moderatorUrl).toBeNull();
    for (const who of [otherMember, otherOperator]) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: who.headers });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('booking.not_found');
    }
  });

  it('BigBlueButton: signed join URLs for attendees and the organiser, and the create URL with maxParticipants from the booking', async () => {
    const s = start() + 4 * 60 * MINUTE;
    const b = await bookAt(bbbId, s, s + 60 * MINUTE, 37, Date.now());
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: member.headers });
    expect(r.statusCode, r.body).toBe(200);
    const links = r.json();
    const room = await roomOf(b.id);
    const verify = (url: string) => {
      const u = new URL(url);
      const [, query, sum] = /^\?(.*)&checksum=([0-9a-f]+)$/.exec(u.search)!;
      return createHash('sha256').update(`${u.pathname.split('/').pop()}${query}${BBB_SECRET}`).digest('hex') === sum;
    };
    for (const url of [links.attendeeUrl, links.moderatorUrl, links.createUrl]) expect(verify(url)).toBe(true);
    const create = new URL(links.createUrl);
    expect(create.pathname).toBe('/bigbluebutton/api/create');
    expect(create.searchParams.get('meetingID')).toBe(room);
    expect(create.searchParams.get('maxParticipants')).toBe('37');
    expect(Number(create.searchParams.get('duration'))).toBe(60 + 10);
    expect(new URL(links.moderatorUrl).searchParams.get('role')).toBe('MODERATOR');
    expect(new URL(links.attendeeUrl).searchParams.get('role')).toBe('VIEWER');
    expect(r.body).not.toContain(BBB_SECRET);
    const op = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: operator.headers });
    expect(op.json()).toMatchObject({ moderatorUrl: null, createUrl: null });
  });

  it('a platform with no (configured) video system gives its link field', async () => {
    const s = start() + 6 * 60 * MINUTE;
    for (const [id, link] of [
      [plainId, 'https://video.example.it/sala'],
      [unconfiguredId, 'https://video.example.it/attesa'],
    ]) {
      const b = await bookAt(id, s, s + 30 * MINUTE, 3, Date.now());
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: member.headers });
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ attendeeUrl: link, moderatorUrl: null, createUrl: null, room: null });
    }
  });

  it('invitations (mail and .ics) carry the attendee link, never the moderator’s or a secret', async () => {
    const s = start() + 10 * 60 * MINUTE;
    const b = await bookAt(jitsiId, s, s + 30 * MINUTE, 3, Date.now());
    const room = await roomOf(b.id);
    const jobs = await t.db.ownerTx((tx) => tx.query<{ payload: unknown }>(`select payload from jobs where type = 'mail.send' and payload::text like $1`, [`%${room}%`]));
    expect(jobs.rows.length).toBe(1);
    const mail = JSON.stringify(jobs.rows[0].payload);
    expect(mail).not.toContain(JITSI_SECRET);
    const ics = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/invitation.ics`, headers: member.headers });
    expect(ics.statusCode).toBe(200);
    const unfolded = ics.body.replace(/\r\n[ \t]/g, '');
    for (const text of [mail, unfolded]) {
      const jwt = new RegExp(`https://meet\\.example\\.it/${room}\\?jwt=([A-Za-z0-9_.-]+)`).exec(text)?.[1];
      expect(jwt, text.slice(0, 300)).toBeTruthy();
      const d = decodeJwt(jwt!, JITSI_SECRET);
      expect(d.valid).toBe(true);
      expect(d.payload).toMatchObject({ room, moderator: false });
    }
  });

  it('a cancelled booking has no links', async () => {
    const s = start() + 8 * 60 * MINUTE;
    const b = await bookAt(jitsiId, s, s + 30 * MINUTE, 3, Date.now());
    await cancelBooking(t.db, member.auth, b.id);
    const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/links`, headers: member.headers });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('booking.not_active');
  });
});

describe('Jitsi room reservation (Prosody mod_reservations)', () => {
  let current: { id: string; room: string; end: number };

  beforeAll(async () => {
    const [s, e] = aroundNow();
    const b = await bookAt(jitsiId, s, e, 23);
    current = { id: b.id, room: await roomOf(b.id), end: e };
  });

  const expectRefusal = (r: Awaited<ReturnType<typeof reserve>>, status: number, code: string) => {
    expect(r.statusCode, r.body).toBe(status);
    expect(r.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = r.json();
    expect(body.code).toBe(code);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeGreaterThan(10);
    return body;
  };

  it('opens a room inside its booking: duration until the booking’s end, max_occupants = booked connections (form and JSON)', async () => {
    for (const form of [true, false]) {
      const before = Date.now();
      const r = await reserve(operator.token, { name: current.room, start_time: new Date().toISOString(), mail_owner: 'anon-123@guest.meet.example.it' }, form);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      const c = r.json();
      expect(c).toMatchObject({ id: current.id, name: current.room, mail_owner: 'anon-123@guest.meet.example.it', max_occupants: 23 });
      expect(c.start_time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      // Prosody closes the room at start_time + duration: the booking's end, to the second
      const closes = Date.parse(c.start_time) + c.duration * 1000;
      expect(closes).toBeGreaterThanOrEqual(current.end);
      expect(closes - current.end).toBeLessThan(1000);
      expect(c.duration).toBeLessThanOrEqual(Math.ceil((current.end - before) / 1000) + 1);
    }
  });

  it('accepts the [tenant] prefix and upper case (Jitsi lowercases rooms), and echoes the name it got', async () => {
    const name = `[comune]${current.room.toUpperCase()}`;
    const r = await reserve(operator.token, { name, start_time: new Date().toISOString(), mail_owner: 'x@meet.example.it' });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().name).toBe(name);
  });

  it('refuses a room before its booking opens, with the opening time in the message', async () => {
    const s = Date.parse(rome(addDays(romeParts(Date.now()).date, 3), '15:00'));
    const b = await bookAt(jitsiId, s, s + 60 * MINUTE, 4, Date.now());
    const body = expectRefusal(await reserve(operator.token, { name: await roomOf(b.id), start_time: new Date().toISOString(), mail_owner: 'x' }), 403, 'jitsi.too_early');
    expect(body.message).toMatch(/si apre il \d\d\/\d\d\/\d{4} alle 14:50/);
  });

  it('refuses a room after its booking ended', async () => {
    const yesterday = addDays(romeParts(Date.now()).date, -1);
    const s = Date.parse(rome(yesterday, '10:00'));
    const b = await bookAt(jitsiId, s, s + 60 * MINUTE);
    expectRefusal(await reserve(operator.token, { name: await roomOf(b.id), start_time: new Date().toISOString(), mail_owner: 'x' }), 403, 'jitsi.booking_ended');
  });

  it('refuses the room of a cancelled booking', async () => {
    const [s, e] = aroundNow();
    const b = await bookAt(jitsiId, s, e, 2);
    await cancelBooking(t.db, member.auth, b.id, { now: s - DAY });
    const body = expectRefusal(await reserve(operator.token, { name: await roomOf(b.id), start_time: new Date().toISOString(), mail_owner: 'x' }), 403, 'jitsi.booking_not_active');
    expect(body.message).toContain('annullata');
  });

  it('refuses unknown rooms, rooms of platforms that are not Jitsi, and another operator’s token, all alike', async () => {
    expectRefusal(await reserve(operator.token, { name: `apa${'0'.repeat(32)}`, mail_owner: 'x' }), 404, 'jitsi.room_unknown');
    expectRefusal(await reserve(operator.token, { name: 'riunione del lunedì', mail_owner: 'x' }), 404, 'jitsi.room_unknown');
    expectRefusal(await reserve(otherOperator.token, { name: current.room, mail_owner: 'x' }), 404, 'jitsi.room_unknown');
    const [s, e] = aroundNow();
    const onBbb = await bookAt(bbbId, s, e, 2);
    expectRefusal(await reserve(operator.token, { name: await roomOf(onBbb.id), mail_owner: 'x' }), 404, 'jitsi.room_unknown');
  });

  it('opens a room only for the platform’s operator, not for another provider that booked it', async () => {
    const [s, e] = aroundNow();
    const b = await createBooking(
      t.db,
      otherOperator.auth,
      { platformId: jitsiId, title: 'Formazione', kind: 'training', start: new Date(s).toISOString(), end: new Date(e).toISOString(), expectedConnections: 3, organiserName: 'Luca Bianchi', organiserEmail: 'luca@example.it' },
      { now: s - 3 * DAY },
    );
    const room = await roomOf(b.id);
    expectRefusal(await reserve(otherOperator.token, { name: room, mail_owner: 'x' }), 404, 'jitsi.room_unknown');
    const ok = await reserve(operator.token, { name: room, mail_owner: 'x' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().max_occupants).toBe(3);
  });

  it('wants a Bearer token of the operator’s staff: every refusal is problem+json with a message', async () => {
    expectRefusal(await reserve(null, { name: current.room }), 401, 'auth.unauthenticated');
    expectRefusal(await reserve('apa_not-a-real-token-at-all', { name: current.room }), 401, 'auth.invalid_token');
    expectRefusal(await reserve(operatorEmployee.token, { name: current.room }), 403, 'auth.forbidden');
    expectRefusal(await reserve(member.token, { name: current.room }), 403, 'auth.forbidden');
    const withSession = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/jitsi/conference',
      headers: { ...operator.headers, 'content-type': 'application/json' },
      payload: { name: current.room },
    });
    expectRefusal(withSession, 403, 'auth.forbidden');
  });

  it('answers bad input with 4xx problem+json and a message', async () => {
    expectRefusal(await reserve(operator.token, { start_time: 'x' }), 400, 'request.invalid');
    expectRefusal(await reserve(operator.token, { name: current.room, start_time: 'not a date' }), 400, 'request.invalid');
    const xml = await t.app.inject({
      method: 'POST',
      url: '/api/v1/integrations/jitsi/conference',
      headers: { authorization: `Bearer ${operator.token}`, 'content-type': 'application/xml' },
      payload: '<name/>',
    });
    expectRefusal(xml, 415, 'request.unsupported_media_type');
    const big = await reserve(operator.token, { name: 'x'.repeat(20_000) });
    expect(big.statusCode).toBe(413);
    expect(big.json().message).toBeTruthy();
  });

  it('does not change the rest of the API: other routes refuse form bodies and carry no message', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/v1/bookings',
      headers: { authorization: `Bearer ${member.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'title=x',
    });
    expect(r.statusCode).toBe(415);
    expect(r.json().message).toBeUndefined();
  });

  it('reads a conference again by id (GET) and acknowledges its closing (DELETE), for the operator only', async () => {
    const headers = { authorization: `Bearer ${operator.token}` };
    const g = await t.app.inject({ method: 'GET', url: `/api/v1/integrations/jitsi/conference/${current.id}`, headers });
    expect(g.statusCode, g.body).toBe(200);
    expect(g.json()).toMatchObject({ id: current.id, name: current.room, max_occupants: 23, mail_owner: 'maria.rossi@example.it' });
    const d = await t.app.inject({ method: 'DELETE', url: `/api/v1/integrations/jitsi/conference/${current.id}`, headers });
    expect(d.statusCode, d.body).toBe(204);
    const other = { authorization: `Bearer ${otherOperator.token}` };
    for (const method of ['GET', 'DELETE'] as const) {
      const r = await t.app.inject({ method, url: `/api/v1/integrations/jitsi/conference/${current.id}`, headers: other });
      expect(r.statusCode).toBe(404);
      expect(r.json()).toMatchObject({ code: 'jitsi.room_unknown' });
      expect(r.json().message).toBeTruthy();
    }
  });
});

describe('the reservation rule at its boundaries (pure)', () => {
  const start = Date.parse('2027-03-10T09:00:00Z');
  const end = Date.parse('2027-03-10T10:00:00Z');
  const row: RoomBookingRow = {
    bookingId: randomUUID(),
    platformId: randomUUID(),
    operatorId: randomUUID(),
    videoSystem: 'jitsi',
    status: 'accepted',
    start: new Date(start).toISOString(),
    end: new Date(end).toISOString(),
    expectedConnections: 9,
    organiserEmail: 'o@example.it',
    room: 'apa0123456789',
  };
  const code = (f: () => unknown) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it('opens from the early minutes before the start until the end, exclusive', () => {
    const opens = start - JITSI_EARLY_MINUTES * MINUTE;
    expect(code(() => conferenceAt(row, 'r', 'm', opens - 1))).toBe('jitsi.too_early');
    expect(conferenceAt(row, 'r', 'm', opens).duration).toBe((end - opens) / 1000);
    expect(conferenceAt(row, 'r', 'm', end - 1).duration).toBe(1);
    expect(code(() => conferenceAt(row, 'r', 'm', end))).toBe('jitsi.booking_ended');
    expect(conferenceAt(row, 'r', 'm', start + 1500)).toMatchObject({ start_time: '2027-03-10T09:00:01.000Z', duration: 3599, max_occupants: 9 });
  });

  it('never opens a booking that is pending, cancelled or refused', () => {
    for (const status of ['pending', 'cancelled', 'refused'] as const) {
      expect(code(() => conferenceAt({ ...row, status }, 'r', 'm', start + MINUTE))).toBe('jitsi.booking_not_active');
    }
  });
});
