/**
 * The platform cache of create-booking.ts (platform-cache.ts): refusals may be answered from the
 * platform as this process saw it a moment ago, acceptances never. A change made by another
 * process is simulated by writing the table directly (no `platformsChanged()` in this process).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import { rome, workingDayAfter } from '../conferencing.test-support.js';
import { platformsChanged } from '../platform-cache.js';

let t: TestApp;
type Who = { headers: Record<string, string>; orgId: string };
let operator: Who;
let aglie: Who;
let alessandria: Who;
const day = workingDayAfter(10);
const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));

async function as(org: string, roles: ('platform_admin' | 'provider_staff' | 'employee')[]): Promise<Who> {
  const orgId = /^[0-9a-f]{8}-/.test(org) ? org : await organizationId(t.db, org);
  const u = await createUser(t.db, { organizationId: orgId, roles, email: `c-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  return { headers: (await login(t.app, u.email, u.password)).headers, orgId };
}

async function newPlatform(payload: Record<string, unknown> = {}): Promise<string> {
  const r = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: operator.headers,
    payload: {
      name: `Piattaforma ${randomUUID().slice(0, 6)}`,
      capacity: 100,
      access: 'members',
      memberIds: [aglie.orgId, alessandria.orgId],
      openingHours: every([['08:00', '20:00']]),
      openOnHolidays: true,
      maxHorizonDays: 1000,
      ...payload,
    },
  });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const book = (who: Who, platformId: string, from: string, to: string, expectedConnections = 10) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers: who.headers,
    payload: {
      platformId,
      title: 'Riunione',
      kind: 'meeting',
      start: rome(day, from),
      end: rome(day, to),
      expectedConnections,
      organiserName: 'Maria Rossi',
      organiserEmail: 'maria.rossi@example.it',
    },
  });

/** A write by "another process": straight into the table, this process's cache is not told. */
const elsewhere = (sql: string, params: unknown[]) => t.db.ownerTx((tx) => tx.query(sql, params));

beforeAll(async () => {
  t = await createTestApp({ PLATFORM_CACHE_SECONDS: '60' });
  const admin = await as('001003', ['platform_admin']);
  const assoc = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload: { kind: 'association', name: 'Associazione della cache' } });
  operator = await as(assoc.json().id, ['provider_staff']);
  aglie = await as('001001', ['employee']);
  alessandria = await as('006003', ['employee']);
});
afterAll(async () => t?.close());

describe('bookings and the platform cache', () => {
  it('sees a change made through the module at once: wider hours accept at once', async () => {
    const id = await newPlatform();
    expect((await book(aglie, id, '21:00', '22:00')).json().code).toBe('booking.outside_opening_hours');
    const r = await t.app.inject({ method: 'PATCH', url: `/api/v1/conference-platforms/${id}`, headers: operator.headers, payload: { openingHours: every([['08:00', '23:00']]) } });
    expect(r.statusCode, r.body).toBe(200);
    const after = await book(aglie, id, '21:00', '22:00');
    expect(after.statusCode, after.body).toBe(201);
  });

  it('never accepts what a change made elsewhere forbids, even with the old platform cached', async () => {
    const id = await newPlatform();
    expect((await book(aglie, id, '08:00', '09:00')).statusCode).toBe(201); // the platform is now cached for both bodies
    expect((await book(alessandria, id, '08:00', '09:00')).statusCode).toBe(201);

    await elsewhere(`update conference_platforms set requires_approval = true where id = $1`, [id]);
    const pending = await book(aglie, id, '09:00', '10:00');
    expect(pending.statusCode, pending.body).toBe(201);
    expect(pending.json().status).toBe('pending');

    await elsewhere(`update conference_platforms set opening_hours = $2::jsonb where id = $1`, [id, JSON.stringify(every([['08:00', '12:00']]))]);
    expect((await book(aglie, id, '13:00', '14:00')).json().code).toBe('booking.outside_opening_hours');

    // 09:00–10:00 holds 10 (the pending booking): 25 more fit the cached 100, not the 30 stored now
    await elsewhere(`update conference_platforms set capacity = 30 where id = $1`, [id]);
    const full = await book(aglie, id, '09:00', '10:00', 25);
    expect(full.statusCode, full.body).toBe(409);
    expect(full.json().code).toBe('booking.capacity_exceeded');
    expect(full.json().overflows[0]).toMatchObject({ used: 10, requested: 25, capacity: 30, excess: 5 });

    await elsewhere(`delete from conference_platform_members where platform_id = $1 and organization_id = $2`, [id, alessandria.orgId]);
    expect((await book(alessandria, id, '10:00', '11:00')).json().code).toBe('booking.not_member');

    await elsewhere(`update conference_platforms set archived_at = now() where id = $1`, [id]);
    expect((await book(aglie, id, '11:00', '12:00')).json().code).toBe('platform.archived');

    const stored = await t.db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from bookings where platform_id = $1`, [id]));
    expect(stored.rows[0].n).toBe(3);
  });

  it('may refuse for the cache lifetime what a change made elsewhere allows, then accepts', async () => {
    const id = await newPlatform();
    expect((await book(aglie, id, '08:00', '09:00')).statusCode).toBe(201);
    await elsewhere(`update conference_platforms set opening_hours = $2::jsonb where id = $1`, [id, JSON.stringify(every([['08:00', '23:00']]))]);
    expect((await book(aglie, id, '21:00', '22:00')).json().code).toBe('booking.outside_opening_hours');
    platformsChanged(); // as when the cache lifetime has passed
    expect((await book(aglie, id, '21:00', '22:00')).statusCode).toBe(201);
  });

  it('never suggests a range booked a moment ago in this process (the loads of the suggestions are dropped on every booking)', async () => {
    const id = await newPlatform({ capacity: 10, openingHours: every([['08:00', '12:00']]) });
    expect((await book(aglie, id, '09:00', '10:00', 10)).statusCode).toBe(201);
    const first = await book(alessandria, id, '09:00', '10:00', 10);
    expect(first.statusCode).toBe(409);
    const suggested = (first.json().suggestions as { start: string; end: string }[]).map((x) => Date.parse(x.start));
    expect(suggested).toContain(Date.parse(rome(day, '10:00')));
    expect((await book(aglie, id, '10:00', '11:00', 10)).statusCode).toBe(201);
    const again = await book(alessandria, id, '09:00', '10:00', 10);
    expect(again.statusCode).toBe(409);
    const now = (again.json().suggestions as { start: string; end: string }[]).map((x) => Date.parse(x.start));
    expect(now.length).toBeGreaterThan(0);
    expect(now).not.toContain(Date.parse(rome(day, '10:00')));
  });

  it('frees at once the capacity of a booking cancelled through the module, although refusals come from the loads read a moment ago', async () => {
    const id = await newPlatform({ capacity: 10 });
    const first = await book(aglie, id, '09:00', '10:00', 10);
    expect(first.statusCode).toBe(201);
    expect((await book(alessandria, id, '09:00', '10:00', 5)).json().code).toBe('booking.capacity_exceeded'); // the loads are now held
    const cancel = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${first.json().id}`, headers: aglie.headers });
    expect(cancel.statusCode, cancel.body).toBeLessThan(300);
    const after = await book(alessandria, id, '09:00', '10:00', 5);
    expect(after.statusCode, after.body).toBe(201);
  });

  it('answers an unknown platform with 404', async () => {
    const r = await book(aglie, randomUUID(), '08:00', '09:00');
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('platform.not_found');
  });
});
