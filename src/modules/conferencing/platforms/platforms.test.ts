/** Platforms changed and archived by their operator, territory access, booking filters and the usage report. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { createBooking } from '../bookings/create-booking.js';
import { cancelBooking } from '../bookings/cancel-booking.js';
import { decideBooking } from '../bookings/decide-booking.js';
import { createPlatform } from './create-platform.js';
import { updatePlatform } from './update-platform.js';
import { addDays } from '../../../platform/calendar/rome.js';
import { rome, workingDayAfter } from '../conferencing.test-support.js';

let t: TestApp;
type Who = { headers: Record<string, string>; auth: AuthContext; orgId: string };
let admin: Who;
let operator: Who;
let operatorEmployee: Who;
let otherOperator: Who;
let aglie: Who; // 001001, province TO, region 01 (Piemonte)
let aglie2: Who; // a second person of the same body
let alessandria: Who; // 006003, province AL, region 01
let lucca: Who; // 046017, Toscana
let associationId: string;
const day = workingDayAfter(10);
const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));

async function as(org: string, roles: ('platform_admin' | 'provider_staff' | 'employee')[]): Promise<Who> {
  const orgId = /^[0-9a-f]{8}-/.test(org) ? org : await organizationId(t.db, org);
  const u = await createUser(t.db, { organizationId: orgId, roles, email: `p-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  const auth: AuthContext = { userId: u.id, email: u.email, displayName: u.email, organizationId: orgId, roles, via: 'session' };
  return { headers: (await login(t.app, u.email, u.password)).headers, auth, orgId };
}

async function newPlatform(payload: Record<string, unknown>, who: Who = operator): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: who.headers,
    payload: { capacity: 100, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000, ...payload },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const book = (who: Who, platformId: string, over: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: who.headers,
    payload: {
      platformId,
      title: 'Riunione',
      kind: 'meeting',
      start: rome(day, '10:00'),
      end: rome(day, '11:00'),
      expectedConnections: 10,
      organiserName: 'Maria Rossi',
      organiserEmail: 'maria.rossi@example.it',
      ...over,
    },
  });

const patch = (who: Who, id: string, payload: Record<string, unknown>) => t.app.inject({ method: 'PATCH', url: `/api/v1/conference-platforms/${id}`, headers: who.headers, payload });

beforeAll(async () => {
  t = await createTestApp();
  admin = await as('001003', ['platform_admin']);
  const assoc = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload: { kind: 'association', name: 'Associazione delle piattaforme' } });
  associationId = assoc.json().id;
  operator = await as(associationId, ['provider_staff']);
  operatorEmployee = await as(associationId, ['employee']);
  const other = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload: { kind: 'association', name: 'Altra associazione' } });
  otherOperator = await as(other.json().id, ['provider_staff']);
  aglie = await as('001001', ['employee']);
  aglie2 = await as('001001', ['employee']);
  alessandria = await as('006003', ['employee']);
  lucca = await as('046017', ['employee']);
});
afterAll(async () => t?.close());

describe('PATCH /conference-platforms/{id}', () => {
  it('lets the operator’s staff and platform admins change a platform, with an audit entry; refuses others', async () => {
    const id = await newPlatform({ name: 'Da modificare' });
    const ok = await patch(operator, id, { name: 'Modificata', minNoticeDays: 2, requiresApproval: true, link: 'https://meet.example.it/x' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: 'Modificata', minNoticeDays: 2, requiresApproval: true, link: 'https://meet.example.it/x', capacity: 100, access: 'everyone' });
    const audit = await t.db.query<{ action: string; organization_id: string }>(`select action, organization_id from audit_log where entity_id = $1 order by id`, [id]);
    expect(audit.rows.map((r) => [r.action, r.organization_id])).toEqual([
      ['conference_platform.create', associationId],
      ['conference_platform.update', associationId],
    ]);
    expect((await patch(admin, id, { maxDurationMinutes: 120 })).json().maxDurationMinutes).toBe(120);
    for (const [who, status] of [[operatorEmployee, 403], [otherOperator, 403], [aglie, 403]] as const) {
      const r = await patch(who, id, { name: 'Presa' });
      expect([r.statusCode, r.json().code], who.auth.email).toEqual([status, 'auth.forbidden']);
    }
    const unknown = await patch(operator, randomUUID(), { name: 'X' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([404, 'platform.not_found']);
    for (const bad of [{ capacity: 0 }, { name: '' }, { operatorId: randomUUID() }, { videoSystem: 'jitsi' }, { surprise: 1 }, { openingHours: { '8': [['08:00', '09:00']] } }, { access: 'nobody' }]) {
      const r = await patch(operator, id, bad);
      expect([r.statusCode, r.json().code], JSON.stringify(bad)).toEqual([400, 'request.invalid']);
      expect(r.headers['content-type']).toContain('application/problem+json');
    }
    const hours = await patch(operator, id, { openingHours: { '1': [['10:00', '09:00']] } });
    expect([hours.statusCode, hours.json().code]).toEqual([422, 'platform.invalid_opening_hours']);
    const members = await patch(operator, id, { access: 'members', memberIds: [randomUUID()] });
    expect([members.statusCode, members.json().code]).toEqual([422, 'platform.invalid_members']);
    const shown = (await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: aglie.headers })).json();
    expect(shown).toMatchObject({ name: 'Modificata', access: 'everyone', maxDurationMinutes: 120, memberIds: [] }); // refused changes wrote nothing
  });

  it('replaces the members: a body taken off can no longer book, its bookings stay', async () => {
    const id = await newPlatform({ name: 'Soci', access: 'members', memberIds: [aglie.orgId, alessandria.orgId] });
    const b = await book(alessandria, id);
    expect(b.statusCode, b.body).toBe(201);
    const r = await patch(operator, id, { memberIds: [aglie.orgId, aglie.orgId] });
    expect(r.json().memberIds).toEqual([aglie.orgId]);
    expect((await book(alessandria, id, { start: rome(day, '12:00'), end: rome(day, '13:00') })).json().code).toBe('booking.not_member');
    expect((await book(aglie, id, { start: rome(day, '12:00'), end: rome(day, '13:00') })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.json().id}`, headers: alessandria.headers })).json().status).toBe('accepted');
  });

  it('refuses a capacity below the future peak with the instants, and accepts it at the peak', async () => {
    const id = await newPlatform({ name: 'Capacità' });
    expect((await book(aglie, id, { start: rome(day, '09:00'), end: rome(day, '11:00'), expectedConnections: 60 })).statusCode).toBe(201);
    expect((await book(alessandria, id, { start: rome(day, '10:00'), end: rome(day, '12:00'), expectedConnections: 30 })).statusCode).toBe(201);
    // a pending booking holds capacity too (approval switched on now)
    await patch(operator, id, { requiresApproval: true });
    const pending = await book(lucca, id, { start: rome(day, '10:30'), end: rome(day, '10:45'), expectedConnections: 5 });
    expect(pending.json().status).toBe('pending');
    const low = await patch(operator, id, { capacity: 80, name: 'Non deve cambiare' });
    expect([low.statusCode, low.json().code]).toEqual([409, 'platform.capacity_below_bookings']);
    expect(low.headers['content-type']).toContain('application/problem+json');
    expect(low.json().capacity).toBe(80);
    expect(low.json().peakUsed).toBe(95);
    expect(low.json().overflows).toEqual([
      { start: new Date(rome(day, '10:00')).toISOString(), end: new Date(rome(day, '10:30')).toISOString(), used: 90, capacity: 80, excess: 10 },
      { start: new Date(rome(day, '10:30')).toISOString(), end: new Date(rome(day, '10:45')).toISOString(), used: 95, capacity: 80, excess: 15 },
      { start: new Date(rome(day, '10:45')).toISOString(), end: new Date(rome(day, '11:00')).toISOString(), used: 90, capacity: 80, excess: 10 },
    ]);
    const kept = (await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: operator.headers })).json();
    expect([kept.capacity, kept.name]).toEqual([100, 'Capacità']);
    expect((await patch(operator, id, { capacity: 94 })).json().code).toBe('platform.capacity_below_bookings');
    const atPeak = await patch(operator, id, { capacity: 95 });
    expect([atPeak.statusCode, atPeak.json().capacity]).toEqual([200, 95]);
    // only the operator's provider staff decide: not its other people
    const byEmployee = await t.app.inject({ method: 'POST', url: `/api/v1/bookings/${pending.json().id}/decision`, headers: operatorEmployee.headers, payload: { decision: 'refused' } });
    expect(byEmployee.statusCode).toBe(403);
    // refusing the pending booking frees 5: 90 is now enough
    await t.app.inject({ method: 'POST', url: `/api/v1/bookings/${pending.json().id}/decision`, headers: operator.headers, payload: { decision: 'refused' } });
    expect((await patch(operator, id, { capacity: 90 })).statusCode).toBe(200);
    // more capacity is always fine
    expect((await patch(operator, id, { capacity: 500 })).json().capacity).toBe(500);
  });

  it('ignores past bookings when lowering the capacity', async () => {
    const id = await newPlatform({ name: 'Passato' });
    const past = await createBooking(
      t.db,
      aglie.auth,
      { platformId: id, title: 'Passata', kind: 'meeting', start: '2026-01-10T10:00:00+01:00', end: '2026-01-10T11:00:00+01:00', expectedConnections: 100, organiserName: 'M', organiserEmail: 'm@example.it' },
      { now: Date.parse('2026-01-05T10:00:00+01:00') },
    );
    expect(past.status).toBe('accepted');
    expect((await patch(operator, id, { capacity: 10 })).statusCode).toBe(200);
  });
});

describe('territory access', () => {
  it('opens a platform to every body of a region or a province, and to no one else', async () => {
    const piemonte = await organizationId(t.db, '01');
    const torino = await organizationId(t.db, 'TO');
    const region = await newPlatform({ name: 'Piemonte', access: 'territory', territoryId: piemonte });
    const show = (await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${region}`, headers: aglie.headers })).json();
    expect(show).toMatchObject({ access: 'territory', territoryId: piemonte });
    expect((await book(aglie, region)).statusCode).toBe(201);
    expect((await book(alessandria, region)).statusCode).toBe(201);
    const outside = await book(lucca, region);
    expect([outside.statusCode, outside.json().code]).toEqual([403, 'booking.not_member']);
    expect(outside.json().detail).toContain('territorio');

    const province = await newPlatform({ name: 'Torino', access: 'territory', territoryId: torino });
    expect((await book(aglie, province)).statusCode).toBe(201);
    expect((await book(alessandria, province)).json().code).toBe('booking.not_member');
    // the operator may always book its own platform
    const own = await newPlatform({ name: 'Propria', access: 'territory', territoryId: torino }, operator);
    expect((await book(operator, own)).statusCode).toBe(201);

    // switched to the region: Alessandria may book; back to members: the territory goes
    const wider = await patch(operator, province, { territoryId: piemonte });
    expect(wider.json().territoryId).toBe(piemonte);
    expect((await book(alessandria, province, { start: rome(day, '15:00'), end: rome(day, '16:00') })).statusCode).toBe(201);
    const members = await patch(operator, province, { access: 'members', memberIds: [aglie.orgId] });
    expect(members.json()).toMatchObject({ access: 'members', territoryId: null, memberIds: [aglie.orgId] });
    expect((await book(alessandria, province, { start: rome(day, '17:00'), end: rome(day, '18:00') })).json().code).toBe('booking.not_member');
    const again = await patch(operator, province, { access: 'territory' });
    expect([again.statusCode, again.json().code]).toEqual([422, 'platform.invalid_territory']);
  });

  it('refuses a territory that is not a region, a province or a metropolitan city', async () => {
    const create = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/conference-platforms', headers: operator.headers, payload: { name: 'T', capacity: 10, ...payload } });
    for (const payload of [
      { access: 'territory' },
      { access: 'territory', territoryId: aglie.orgId },
      { access: 'territory', territoryId: randomUUID() },
      { access: 'members', territoryId: await organizationId(t.db, '01') },
    ]) {
      const r = await create(payload);
      expect([r.statusCode, r.json().code], JSON.stringify(payload)).toEqual([422, 'platform.invalid_territory']);
    }
    const bad = await create({ access: 'territory', territoryId: 'piemonte' });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    const n = await t.db.query<{ n: number }>(`select count(*)::int as n from conference_platforms where name = 'T'`);
    expect(n.rows[0].n).toBe(0);
  });
});

describe('DELETE /conference-platforms/{id} (archive)', () => {
  it('refuses while bookings are ahead, then cancels them with CANCEL mails when asked, and takes no more', async () => {
    const id = await newPlatform({ name: 'Da dismettere', requiresApproval: false });
    const a = (await book(aglie, id, { organiserEmail: 'a@example.it' })).json();
    const b = (await book(alessandria, id, { start: rome(day, '14:00'), end: rome(day, '15:00'), organiserEmail: 'b@example.it' })).json();
    const past = await createBooking(
      t.db,
      aglie.auth,
      { platformId: id, title: 'Passata', kind: 'meeting', start: '2026-01-10T10:00:00+01:00', end: '2026-01-10T11:00:00+01:00', expectedConnections: 5, organiserName: 'M', organiserEmail: 'past@example.it' },
      { now: Date.parse('2026-01-05T10:00:00+01:00') },
    );
    const del = (who: Who, query = '') => t.app.inject({ method: 'DELETE', url: `/api/v1/conference-platforms/${id}${query}`, headers: who.headers });
    expect((await del(aglie)).statusCode).toBe(403);
    expect((await del(otherOperator, '?cancelBookings=true')).json().code).toBe('auth.forbidden');
    const refused = await del(operator);
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'platform.has_future_bookings']);
    expect(refused.json()).toMatchObject({ bookings: 2, firstStart: new Date(rome(day, '10:00')).toISOString() });
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}`, headers: operator.headers })).json().archivedAt).toBeNull();
    expect((await del(operator, '?cancelBookings=maybe')).statusCode).toBe(400);

    const since = (await t.db.query<{ n: number }>(`select coalesce(max(id), 0)::int as n from jobs`)).rows[0].n;
    const done = await del(operator, '?cancelBookings=true');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().cancelledBookings).toBe(2);
    expect(done.json().platform.archivedAt).toMatch(/^\d{4}-/);
    for (const x of [a, b]) {
      const r = (await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${x.id}`, headers: operator.headers })).json();
      expect([r.status, r.sequence]).toEqual(['cancelled', 1]);
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${past.id}`, headers: operator.headers })).json().status).toBe('accepted');
    const sent = await t.db.query<{ payload: { to: string; subject: string; icalEvent?: { method: string; content: string } } }>(
      `select payload from jobs where type = 'mail.send' and id > $1 order by id`,
      [since],
    );
    const payloads = sent.rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload));
    expect(payloads.map((p) => [p.to, p.icalEvent?.method])).toEqual([
      ['a@example.it', 'CANCEL'],
      ['b@example.it', 'CANCEL'],
    ]);
    expect(payloads[0].subject).toMatch(/^Prenotazione annullata: piattaforma dismessa/);
    const audit = await t.db.query<{ action: string }>(`select action from audit_log where entity_id = any($1::text[]) order by id`, [[id, a.id, b.id]]);
    expect(audit.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['booking.cancel', 'booking.cancel', 'conference_platform.archive']));

    // no new bookings, no changes; hidden from the catalogue unless asked
    const late = await book(aglie, id, { start: rome(day, '16:00'), end: rome(day, '17:00') });
    expect([late.statusCode, late.json().code]).toEqual([409, 'platform.archived']);
    expect((await patch(operator, id, { name: 'Rinata' })).json().code).toBe('platform.archived');
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/conference-platforms?pageSize=100', headers: aglie.headers })).json();
    expect(list.items.map((p: { id: string }) => p.id)).not.toContain(id);
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/conference-platforms?pageSize=100&includeArchived=true', headers: aglie.headers })).json();
    expect(all.items.map((p: { id: string }) => p.id)).toContain(id);
    expect(all.total).toBe(list.total + 1);
    // again: nothing more to do
    const twice = await del(operator);
    expect([twice.statusCode, twice.json().cancelledBookings]).toEqual([200, 0]);
    // the history is still there for the usage report
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}/usage?from=2026-01-01&to=2026-01-31`, headers: operator.headers })).json().totals.bookings).toBe(1);
  });

  it('leaves no booking ahead on a platform archived while people book it (concurrent on PostgreSQL)', async () => {
    const id = await newPlatform({ name: 'Corsa', capacity: 10000 });
    const attempts = Array.from({ length: 30 }, (_, i) => book(i % 2 ? aglie : alessandria, id, { start: rome(day, `${String(8 + (i % 10)).padStart(2, '0')}:00`), end: rome(day, `${String(9 + (i % 10)).padStart(2, '0')}:00`) }));
    const archive = t.app.inject({ method: 'DELETE', url: `/api/v1/conference-platforms/${id}?cancelBookings=true`, headers: operator.headers });
    const results = await Promise.all([...attempts, archive]);
    const archived = results.at(-1)!;
    expect(archived.statusCode, archived.body).toBe(200);
    for (const r of results.slice(0, -1)) {
      expect([201, 409]).toContain(r.statusCode);
      if (r.statusCode === 409) expect(r.json().code).toBe('platform.archived');
    }
    const left = await t.db.query<{ n: number }>(`select count(*)::int as n from bookings where platform_id = $1 and status in ('accepted', 'pending')`, [id]);
    expect(left.rows[0].n).toBe(0);
    const created = results.slice(0, -1).filter((r) => r.statusCode === 201).length;
    expect(archived.json().cancelledBookings).toBe(created);
  });

  it('archives at once a platform with no future bookings', async () => {
    const id = await newPlatform({ name: 'Vuota' });
    const r = await t.app.inject({ method: 'DELETE', url: `/api/v1/conference-platforms/${id}`, headers: admin.headers });
    expect([r.statusCode, r.json().cancelledBookings]).toEqual([200, 0]);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/conference-platforms/${randomUUID()}`, headers: admin.headers })).json().code).toBe('platform.not_found');
  });
});

describe('GET /bookings filters', () => {
  it('filters by platform, body, status, "mine" and overlapping range, with pagination', async () => {
    const id = await newPlatform({ name: 'Filtri' });
    const d2 = addDays(day, 1);
    const mk = async (who: Who, start: string, end: string, title: string) => (await book(who, id, { start, end, title })).json();
    await mk(aglie, rome(day, '08:00'), rome(day, '09:00'), 'x1');
    await mk(aglie2, rome(day, '09:00'), rome(day, '10:00'), 'x2');
    const x3 = await mk(aglie, rome(d2, '08:00'), rome(d2, '09:00'), 'x3');
    await mk(alessandria, rome(day, '08:30'), rome(day, '09:30'), 'y1');
    await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${x3.id}`, headers: aglie.headers });
    const list = async (who: Who, q: string) => {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings?platformId=${id}&${q}`, headers: who.headers });
      expect(r.statusCode, r.body).toBe(200);
      return r.json() as { items: { id: string; title: string; organizationName: string }[]; total: number };
    };
    const titles = (r: { items: { title: string }[] }) => r.items.map((i) => i.title).sort();
    expect(titles(await list(aglie, ''))).toEqual(['x1', 'x2', 'x3']); // RLS: its body's only
    expect(titles(await list(operator, ''))).toEqual(['x1', 'x2', 'x3', 'y1']);
    expect((await list(operator, '')).items.find((i) => i.title === 'y1')!.organizationName).toMatch(/Alessandria/);
    expect(titles(await list(aglie, 'mine=true'))).toEqual(['x1', 'x3']);
    expect(titles(await list(aglie2, 'mine=true'))).toEqual(['x2']);
    expect(titles(await list(aglie, 'mine=false'))).toEqual(['x1', 'x2', 'x3']);
    expect(titles(await list(operator, 'status=cancelled'))).toEqual(['x3']);
    expect(titles(await list(operator, `organizationId=${alessandria.orgId}`))).toEqual(['y1']);
    expect(titles(await list(aglie, `organizationId=${alessandria.orgId}`))).toEqual([]); // not visible anyway
    // half-open overlap: [09:00, 09:30) touches x1 at its end (excluded), overlaps x2 and y1
    const enc = encodeURIComponent;
    expect(titles(await list(operator, `from=${enc(rome(day, '09:00'))}&to=${enc(rome(day, '09:30'))}`))).toEqual(['x2', 'y1']);
    expect(titles(await list(operator, `to=${enc(rome(day, '08:30'))}`))).toEqual(['x1']);
    expect(titles(await list(operator, `from=${enc(rome(d2, '00:00'))}`))).toEqual(['x3']);
    const page = await list(operator, 'pageSize=3&page=2');
    expect([page.items.length, page.total]).toEqual([1, 4]);
    const beyond = await list(operator, 'pageSize=3&page=5');
    expect([beyond.items.length, beyond.total]).toEqual([0, 4]);
    const order = await list(operator, '');
    expect(order.items.map((i) => i.title)).toEqual(['x3', 'x2', 'y1', 'x1']); // newest start first

    for (const [q, status, code] of [
      [`from=${enc(rome(day, '10:00'))}&to=${enc(rome(day, '10:00'))}`, 422, 'booking.invalid_range'],
      ['status=lost', 400, 'request.invalid'],
      ['mine=yes', 400, 'request.invalid'],
      ['from=yesterday', 400, 'request.invalid'],
      ['organizationId=42', 400, 'request.invalid'],
    ] as const) {
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/bookings?${q}`, headers: operator.headers });
      expect([r.statusCode, r.json().code], q).toEqual([status, code]);
    }
  });
});

describe('usage report', () => {
  let id: string;
  beforeAll(async () => {
    // bookings made "in the past" for January and February 2027, by two bodies
    id = (await createPlatform(t.db, operator.auth, { name: 'Utilizzo', capacity: 100, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000 })).id;
    const now = Date.parse('2026-12-01T09:00:00+01:00');
    const mk = (who: Who, start: string, end: string, connections: number) =>
      createBooking(t.db, who.auth, { platformId: id, title: 'U', kind: 'meeting', start, end, expectedConnections: connections, organiserName: 'M', organiserEmail: 'm@example.it' }, { now });
    await mk(aglie, '2027-01-12T09:00:00+01:00', '2027-01-12T11:00:00+01:00', 30);
    await mk(alessandria, '2027-01-12T10:00:00+01:00', '2027-01-12T10:45:00+01:00', 50);
    await mk(aglie, '2027-02-01T00:15:00+01:00', '2027-02-01T01:45:00+01:00', 20); // 31 January 23:15Z: February in Rome
    await mk(alessandria, '2027-02-03T15:00:00+01:00', '2027-02-03T16:20:00+01:00', 10);
    const cancelled = await mk(aglie, '2027-02-04T09:00:00+01:00', '2027-02-04T10:00:00+01:00', 90);
    await cancelBooking(t.db, aglie.auth, cancelled.id, { now });
    await mk(lucca, '2027-04-01T09:00:00+02:00', '2027-04-01T10:00:00+02:00', 40); // outside the period
    // pending (approval switched on) and refused bookings do not count
    await updatePlatform(t.db, operator.auth, id, { requiresApproval: true });
    const p1 = await createBooking(t.db, aglie.auth, { platformId: id, title: 'P', kind: 'meeting', start: '2027-01-20T09:00:00+01:00', end: '2027-01-20T10:00:00+01:00', expectedConnections: 5, organiserName: 'M', organiserEmail: 'm@example.it' }, { now });
    const p2 = await createBooking(t.db, aglie.auth, { platformId: id, title: 'P', kind: 'meeting', start: '2027-01-21T09:00:00+01:00', end: '2027-01-21T10:00:00+01:00', expectedConnections: 5, organiserName: 'M', organiserEmail: 'm@example.it' }, { now });
    await decideBooking(t.db, operator.auth, p2.id, 'refused', { now });
    expect(p1.status).toBe('pending');
  });

  const get = (who: Who, q: string, csv = false, platform = id) =>
    t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${platform}/usage${csv ? '.csv' : ''}?${q}`, headers: who.headers });

  it('gives totals, every month and every body: accepted bookings, hours, peak connections', async () => {
    const r = await get(operator, 'from=2027-01-01&to=2027-03-31');
    expect(r.statusCode, r.body).toBe(200);
    const u = r.json();
    expect(Object.keys(u).sort()).toEqual(['byMonth', 'byOrganization', 'capacity', 'from', 'platformId', 'to', 'totals']);
    expect(u).toMatchObject({ platformId: id, from: '2027-01-01', to: '2027-03-31', capacity: 100 });
    expect(u.totals).toEqual({ bookings: 4, hours: 5.58, peakConnections: 80 });
    expect(u.byMonth).toEqual([
      { month: '2027-01', bookings: 2, hours: 2.75, peakConnections: 80 },
      { month: '2027-02', bookings: 2, hours: 2.83, peakConnections: 20 },
      { month: '2027-03', bookings: 0, hours: 0, peakConnections: 0 },
    ]);
    const names = await t.db.query<{ id: string; name: string }>(`select id, name from organizations where id = any($1::uuid[])`, [[aglie.orgId, alessandria.orgId]]);
    const nameOf = (x: string) => names.rows.find((n) => n.id === x)!.name;
    expect(u.byOrganization).toEqual([
      { organizationId: aglie.orgId, name: nameOf(aglie.orgId), bookings: 2, hours: 3.5, peakConnections: 30 },
      { organizationId: alessandria.orgId, name: nameOf(alessandria.orgId), bookings: 2, hours: 2.08, peakConnections: 50 },
    ]);
    // one day; the 366-day limit
    const one = (await get(operator, 'from=2027-01-12&to=2027-01-12')).json();
    expect(one.totals).toEqual({ bookings: 2, hours: 2.75, peakConnections: 80 });
    expect((await get(admin, 'from=2027-01-01&to=2028-01-01')).statusCode).toBe(200); // 366 days
  });

  it('exports CSV for Italian spreadsheets, one row per body per month', async () => {
    const r = await get(operator, 'from=2027-01-01&to=2027-03-31', true);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toBe('attachment; filename="utilizzo-videoconferenze-2027-01-01-2027-03-31.csv"');
    const body = r.rawPayload.toString('utf8');
    expect(body.charCodeAt(0)).toBe(0xfeff);
    const lines = body.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('mese;ente;id_ente;prenotazioni;ore_prenotate;picco_collegamenti_contemporanei');
    const rows = lines.slice(1).map((l) => l.split(';'));
    // by month, then by body name (Agliè before Alessandria)
    expect(rows.map((c) => [c[0], c[2], c[3], c[4], c[5]])).toEqual([
      ['2027-01', aglie.orgId, '1', '2', '30'],
      ['2027-01', alessandria.orgId, '1', '0,75', '50'],
      ['2027-02', aglie.orgId, '1', '1,5', '20'],
      ['2027-02', alessandria.orgId, '1', '1,33', '10'],
    ]);
    expect(rows.map((c) => c[1])).toEqual(['Agliè', 'Alessandria', 'Agliè', 'Alessandria']);
  });

  it('refuses bad periods, other bodies and unknown platforms with problems', async () => {
    for (const [q, status, code] of [
      ['from=2027-02-01&to=2027-01-31', 422, 'usage.invalid_range'],
      ['from=2027-01-01&to=2028-01-02', 422, 'usage.range_too_wide'],
      ['from=2027-02-30&to=2027-03-01', 400, 'request.invalid'],
      ['from=2027-01-01', 400, 'request.invalid'],
      ['from=2027-01-01T00:00:00Z&to=2027-01-02', 400, 'request.invalid'],
    ] as const) {
      for (const csv of [false, true]) {
        const r = await get(operator, q, csv);
        expect([r.statusCode, r.json().code], q).toEqual([status, code]);
        expect(r.headers['content-type']).toContain('application/problem+json');
      }
    }
    for (const who of [aglie, operatorEmployee, otherOperator]) {
      expect((await get(who, 'from=2027-01-01&to=2027-01-31')).statusCode).toBe(403);
      expect((await get(who, 'from=2027-01-01&to=2027-01-31', true)).statusCode).toBe(403);
    }
    expect((await get(operator, 'from=2027-01-01&to=2027-01-31', false, randomUUID())).json().code).toBe('platform.not_found');
  });
});
