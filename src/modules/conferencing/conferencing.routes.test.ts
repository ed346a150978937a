import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../test/auth-helpers.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { addDays, romeParts } from '../../platform/calendar/rome.js';
import { createBooking } from './bookings/create-booking.js';
import { rome, workingDayAfter } from './conferencing.test-support.js';

/** The last Sundays of March and October of a year: the days Rome changes to and from summer time. */
function changeDays(year: number): { spring: string; autumn: string } {
  const lastSunday = (month: string) => {
    let d = `${year}-${month}-31`;
    while (new Date(`${d}T12:00:00Z`).getUTCDay() !== 0) d = addDays(d, -1);
    return d;
  };
  return { spring: lastSunday('03'), autumn: lastSunday('10') };
}

let t: TestApp;
let admin: Record<string, string>;
let operator: Record<string, string>;
let member: Record<string, string>;
let otherMember: Record<string, string>;
let outsider: Record<string, string>;
let employeeOfOperator: Record<string, string>;
let memberAuth: AuthContext;
let associationId: string;
let platformId: string;
let allDayId: string;
const day = workingDayAfter(10);

const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));

async function as(role: string, org: string, roles: ('platform_admin' | 'provider_staff' | 'employee')[]) {
  const orgId = /^[0-9a-f]{8}-/.test(org) ? org : await organizationId(t.db, org);
  const u = await createUser(t.db, { organizationId: orgId, roles, email: `${role}-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  return { headers: (await login(t.app, u.email, u.password)).headers, user: u, orgId };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = (await as('admin', '001003', ['platform_admin'])).headers;
  const assoc = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin, payload: { kind: 'association', name: 'Associazione dei Comuni di Prova' } });
  expect(assoc.statusCode, assoc.body).toBe(201);
  associationId = assoc.json().id;
  operator = (await as('operator', associationId, ['provider_staff'])).headers;
  employeeOfOperator = (await as('emp', associationId, ['employee'])).headers;
  const m = await as('member', '001001', ['employee']);
  member = m.headers;
  memberAuth = { userId: m.user.id, email: m.user.email, displayName: 'member', organizationId: m.orgId, roles: ['employee'], via: 'session' };
  otherMember = (await as('other', '001002', ['employee'])).headers;
  outsider = (await as('outsider', '046017', ['employee'])).headers;
  const memberIds = [await organizationId(t.db, '001001'), await organizationId(t.db, '001002')];
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: operator,
    payload: { name: 'Videoconferenze ANCI', capacity: 100, memberIds, openingHours: every([['08:00', '20:00']]), maxHorizonDays: 1000 },
  });
  expect(p.statusCode, p.body).toBe(201);
  platformId = p.json().id;
  const a = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: admin,
    payload: { operatorId: associationId, name: 'Sempre aperta', capacity: 50, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000 },
  });
  expect(a.statusCode, a.body).toBe(201);
  allDayId = a.json().id;
});
afterAll(async () => t?.close());

const book = (headers: Record<string, string>, over: Record<string, unknown> = {}, extra: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: { ...headers, ...extra },
    payload: {
      platformId,
      title: 'Consiglio comunale',
      kind: 'council_session',
      start: rome(day, '10:00'),
      end: rome(day, '12:00'),
      expectedConnections: 10,
      organiserName: 'Maria Rossi',
      organiserEmail: 'maria.rossi@example.it',
      ...over,
    },
  });

describe('platforms', () => {
  it('lets provider staff and platform admins register platforms, with defaults; refuses others', async () => {
    const show = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${platformId}`, headers: member });
    expect(show.statusCode).toBe(200);
    expect(show.json()).toMatchObject({ capacity: 100, access: 'members', minNoticeDays: 1, maxDurationMinutes: 480, openOnHolidays: false, requiresApproval: false, videoSystem: 'none', operatorId: associationId });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/conference-platforms', headers: member });
    expect(list.json().total).toBe(2);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/conference-platforms', headers: employeeOfOperator, payload: { name: 'X', capacity: 10 } });
    expect(denied.statusCode).toBe(403);
    const notOperator = await t.app.inject({ method: 'POST', url: '/api/v1/conference-platforms', headers: admin, payload: { operatorId: await organizationId(t.db, '001001'), name: 'X', capacity: 10 } });
    expect(notOperator.statusCode).toBe(422);
    expect(notOperator.json().code).toBe('platform.invalid_operator');
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/conference-platforms', headers: operator, payload: { name: 'X', capacity: 0, openingHours: { '8': [['25:00', '08:00']] }, x: 1 } });
    expect(bad.statusCode).toBe(400);
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${randomUUID()}`, headers: member });
    expect(missing.json().code).toBe('platform.not_found');
  });
});

describe('bookings', () => {
  it('accepts exactly at capacity, refuses one more with the overflow and suggestions, and touching ranges do not overlap', async () => {
    const a = await book(member, { expectedConnections: 60 });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ status: 'accepted', expectedConnections: 60, start: new Date(rome(day, '10:00')).toISOString() });
    const b = await book(otherMember, { start: rome(day, '11:00'), end: rome(day, '13:00'), expectedConnections: 40 });
    expect(b.statusCode, b.body).toBe(201);
    const over = await book(member, { start: rome(day, '11:30'), end: rome(day, '11:45'), expectedConnections: 1 });
    expect(over.statusCode).toBe(409);
    expect(over.headers['content-type']).toContain('application/problem+json');
    expect(over.json().code).toBe('booking.capacity_exceeded');
    expect(over.json().overflows).toEqual([
      { start: new Date(rome(day, '11:30')).toISOString(), end: new Date(rome(day, '11:45')).toISOString(), used: 100, requested: 1, capacity: 100, excess: 1 },
    ]);
    const suggestions = over.json().suggestions as { start: string; end: string }[];
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) {
      expect(Date.parse(s.end) - Date.parse(s.start)).toBe(15 * 60_000);
      expect(Date.parse(s.end) <= Date.parse(rome(day, '11:00')) || Date.parse(s.start) >= Date.parse(rome(day, '12:00'))).toBe(true);
    }
    const touching = await book(member, { start: rome(day, '13:00'), end: rome(day, '14:00'), expectedConnections: 100 });
    expect(touching.statusCode, touching.body).toBe(201);
    const before = await book(member, { start: rome(day, '09:00'), end: rome(day, '10:00'), expectedConnections: 100 });
    expect(before.statusCode).toBe(201);

    const avail = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${platformId}/availability?from=${encodeURIComponent(rome(day, '08:00'))}&to=${encodeURIComponent(rome(day, '20:00'))}`, headers: outsider });
    expect(avail.statusCode).toBe(200);
    expect(avail.json().map((s: { used: number; free: number }) => [s.used, s.free])).toEqual([[0, 100], [100, 0], [60, 40], [100, 0], [40, 60], [100, 0], [0, 100]]);

    // PATCH re-checks (61 + 40 > 100) and frees the old load (50 fits)
    const tooMany = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${a.json().id}`, headers: member, payload: { expectedConnections: 61 } });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().overflows[0]).toMatchObject({ used: 40, requested: 61, excess: 1 });
    const fewer = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${a.json().id}`, headers: member, payload: { expectedConnections: 50, title: 'Giunta' } });
    expect(fewer.statusCode).toBe(200);
    expect(fewer.json()).toMatchObject({ expectedConnections: 50, title: 'Giunta' });
    const moved = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${a.json().id}`, headers: member, payload: { start: rome(day, '16:00'), end: rome(day, '15:00') } });
    expect(moved.json().code).toBe('booking.invalid_range');

    // DELETE frees capacity at once
    const retry = await book(member, { start: rome(day, '11:30'), end: rome(day, '11:45'), expectedConnections: 11 });
    expect(retry.statusCode).toBe(409);
    const cancel = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${b.json().id}`, headers: otherMember });
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect((await book(member, { start: rome(day, '11:30'), end: rome(day, '11:45'), expectedConnections: 50 })).statusCode).toBe(201);
    const again = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${b.json().id}`, headers: otherMember });
    expect(again.json().code).toBe('booking.not_active');
  });

  it('hides another body’s booking (404) but shows it to the operator; refuses non-members and unknown platforms', async () => {
    const mine = await book(member, { start: rome(day, '18:00'), end: rome(day, '19:00') });
    const id = mine.json().id;
    for (const method of ['GET', 'DELETE'] as const) {
      const r = await t.app.inject({ method, url: `/api/v1/bookings/${id}`, headers: otherMember });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('booking.not_found');
    }
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${id}`, headers: otherMember, payload: { title: 'Preso' } });
    expect(patch.statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${id}`, headers: operator })).statusCode).toBe(200);
    const byOperator = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${id}`, headers: operator });
    expect([byOperator.statusCode, byOperator.json().status]).toEqual([200, 'cancelled']);
    const audit = await t.db.query(`select organization_id from audit_log where entity_id = $1 order by id`, [id]);
    expect(audit.rows.map((r) => r.organization_id)).toEqual([await organizationId(t.db, '001001'), associationId]);
    const listOther = await t.app.inject({ method: 'GET', url: '/api/v1/bookings', headers: otherMember });
    expect(listOther.json().items.map((b: { id: string }) => b.id)).not.toContain(id);
    const nonMember = await book(outsider);
    expect(nonMember.statusCode).toBe(403);
    expect(nonMember.json().code).toBe('booking.not_member');
    expect((await book(outsider, { platformId: allDayId, start: rome(day, '21:00'), end: rome(day, '22:00') })).statusCode).toBe(201); // access: everyone
    const unknown = await book(member, { platformId: randomUUID() });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('platform.not_found');
  });

  it('answers each calendar rule with its own code', async () => {
    const today = romeParts(Date.now()).date;
    // next year's Christmas: past any notice, within the horizon, whatever today is
    const christmas = `${Number(today.slice(0, 4)) + 1}-12-25`;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ start: rome(day, '12:00'), end: rome(day, '12:00') }, 422, 'booking.invalid_range'],
      [{ expectedConnections: 0 }, 422, 'booking.connections_invalid'],
      [{ expectedConnections: -5 }, 422, 'booking.connections_invalid'],
      [{ expectedConnections: 101 }, 422, 'booking.connections_invalid'],
      [{ start: `${today}T23:00:00+01:00`, end: `${today}T23:30:00+01:00`, platformId: allDayId }, 422, 'booking.notice_too_short'],
      [{ start: rome(addDays(today, 1001), '10:00'), end: rome(addDays(today, 1001), '11:00') }, 422, 'booking.beyond_horizon'],
      [{ start: rome(day, '08:00'), end: rome(day, '16:01') }, 422, 'booking.too_long'],
      [{ start: rome(day, '07:30'), end: rome(day, '09:00') }, 422, 'booking.outside_opening_hours'],
      [{ start: rome(day, '19:00'), end: rome(addDays(day, 1), '00:30') }, 422, 'booking.outside_opening_hours'],
      [{ start: `${christmas}T10:00:00+01:00`, end: `${christmas}T11:00:00+01:00` }, 422, 'booking.holiday'],
      [{ start: '2027-01-12T10:00:00' }, 400, 'request.invalid'],
      [{ kind: 'party' }, 400, 'request.invalid'],
    ];
    for (const [over, status, code] of cases) {
      const r = await book(member, over);
      expect([r.statusCode, r.json().code], JSON.stringify(over)).toEqual([status, code]);
    }
    const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from bookings where expected_connections <= 0 or starts_at >= $1::date`, [christmas]);
    expect(rows.rows[0].n).toBe(0);
  });

  it('computes daylight-saving days in Europe/Rome (the last Sundays of March and October of next year)', async () => {
    const { spring: march, autumn: october } = changeDays(Number(romeParts(Date.now()).date.slice(0, 4)) + 1);
    const eve = addDays(march, -1);
    const after = addDays(march, 1);
    // the last Sunday of March: local 00:00-09:00 lasts 8 real hours (02:00 jumps to 03:00): within 480 minutes
    const spring = await book(member, { platformId: allDayId, start: `${march}T00:00:00+01:00`, end: `${march}T09:00:00+02:00`, expectedConnections: 50 });
    expect(spring.statusCode, spring.body).toBe(201);
    expect(Date.parse(spring.json().end) - Date.parse(spring.json().start)).toBe(8 * 3600_000);
    // the last Sunday of October: local 00:00-07:30 lasts 8.5 real hours (03:00 goes back to 02:00): too long
    const autumn = await book(member, { platformId: allDayId, start: `${october}T00:00:00+02:00`, end: `${october}T07:30:00+01:00` });
    expect(autumn.json().code).toBe('booking.too_long');
    const autumnOk = await book(member, { platformId: allDayId, start: `${october}T00:00:00+02:00`, end: `${october}T07:00:00+01:00`, expectedConnections: 50 });
    expect(autumnOk.statusCode).toBe(201);
    // 20:00-24:00 local on the last Sunday of March is 18:00Z-22:00Z
    const evening = await book(member, { platformId: allDayId, start: rome(march, '20:00'), end: `${after}T00:00:00+02:00`, expectedConnections: 50 });
    expect(evening.statusCode, evening.body).toBe(201);
    expect(evening.json().start).toBe(`${march}T18:00:00.000Z`);
    const full = await book(member, { platformId: allDayId, start: `${march}T06:30:00Z`, end: `${march}T07:30:00Z` });
    expect(full.statusCode).toBe(409);
    expect(full.json().overflows).toEqual([{ start: `${march}T06:30:00.000Z`, end: `${march}T07:00:00.000Z`, used: 50, requested: 10, capacity: 50, excess: 10 }]);
    const avail = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${allDayId}/availability?from=${march}T00:00:00%2B01:00&to=${after}T00:00:00%2B02:00`, headers: member });
    expect(avail.json()).toEqual([
      { start: `${eve}T23:00:00.000Z`, end: `${march}T07:00:00.000Z`, used: 50, free: 0 },
      { start: `${march}T07:00:00.000Z`, end: `${march}T18:00:00.000Z`, used: 0, free: 50 },
      { start: `${march}T18:00:00.000Z`, end: `${march}T22:00:00.000Z`, used: 50, free: 0 },
    ]);
  });

  it('keeps past bookings read-only', async () => {
    const past = await createBooking(
      t.db,
      memberAuth,
      { platformId: allDayId, title: 'Passata', kind: 'meeting', start: '2026-01-10T10:00:00+01:00', end: '2026-01-10T11:00:00+01:00', expectedConnections: 5, organiserName: 'M', organiserEmail: 'm@example.it' },
      { now: Date.parse('2026-01-05T10:00:00+01:00') },
    );
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${past.id}`, headers: member, payload: { title: 'Nuovo' } });
    expect([patch.statusCode, patch.json().code]).toEqual([409, 'booking.past_readonly']);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${past.id}`, headers: member });
    expect([del.statusCode, del.json().code]).toEqual([409, 'booking.past_readonly']);
  });

  it('books once when the same POST is sent twice with the same Idempotency-Key', async () => {
    const key = `idem-${randomUUID()}`;
    const payload = { start: rome(day, '15:00'), end: rome(day, '15:30'), title: `Idempotente ${key}` };
    const first = await book(member, payload, { 'idempotency-key': key });
    const second = await book(member, payload, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const rows = await t.db.query<{ n: number }>(`select count(*)::int as n from bookings where title = $1`, [payload.title]);
    expect(rows.rows[0].n).toBe(1);
  });

  it('keeps the capacity of pending bookings until the operator accepts or refuses them', async () => {
    const p = await t.app.inject({ method: 'POST', url: '/api/v1/conference-platforms', headers: operator, payload: { name: 'Con approvazione', capacity: 20, access: 'everyone', requiresApproval: true, openingHours: every([['08:00', '20:00']]) } });
    const pending = await book(member, { platformId: p.json().id, expectedConnections: 20 });
    expect([pending.statusCode, pending.json().status]).toEqual([201, 'pending']);
    const more = await book(otherMember, { platformId: p.json().id, expectedConnections: 1 });
    expect(more.json().code).toBe('booking.capacity_exceeded');
    const decide = (headers: Record<string, string>, id: string, decision: string) =>
      t.app.inject({ method: 'POST', url: `/api/v1/bookings/${id}/decision`, headers, payload: { decision } });
    expect((await decide(member, pending.json().id, 'accepted')).statusCode).toBe(403);
    const accepted = await decide(operator, pending.json().id, 'accepted');
    expect([accepted.statusCode, accepted.json().status]).toEqual([200, 'accepted']);
    expect((await decide(operator, pending.json().id, 'refused')).json().code).toBe('booking.not_pending');
    const second = await book(otherMember, { platformId: p.json().id, start: rome(day, '14:00'), end: rome(day, '15:00'), expectedConnections: 20 });
    expect((await decide(operator, second.json().id, 'refused')).json().status).toBe('refused');
    const freed = await book(otherMember, { platformId: p.json().id, start: rome(day, '14:00'), end: rome(day, '15:00'), expectedConnections: 20 });
    expect([freed.statusCode, freed.json().status]).toEqual([201, 'pending']);
  });

  it('limits availability to 62 days', async () => {
    const from = rome(day, '00:00');
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${platformId}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(rome(addDays(day, 62), '00:00'))}`, headers: member });
    expect(ok.statusCode).toBe(200);
    const wide = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${platformId}/availability?from=${encodeURIComponent(from)}&to=${encodeURIComponent(rome(addDays(day, 63), '00:00'))}`, headers: member });
    expect([wide.statusCode, wide.json().code]).toEqual([422, 'availability.range_too_wide']);
  });
});
