/**
 * Swaps, the employee's calendar and feed, and the plan's concurrency: a swap is accepted when
 * the office keeps its coverage and the agreement its limits, refused with the exact reason
 * otherwise, or waits for the manager; concurrent swaps never break coverage together; a plan
 * computed from data that changed meanwhile is computed again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { backend, createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { AuthContext, Role } from '../../../platform/auth/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { executePlan } from './run-plan.js';
import { addDays } from './plan-dates.js';
import {
  fullWeekFrom, futureMonth, insertAgreement, insertEmployee, insertOffice, plannedDays, queuedMails, setEmployeeActive, weekdaysCoverage,
} from './plans.test-support.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
let lucca: string;
const week1 = fullWeekFrom(futureMonth(1).from);
const week2 = fullWeekFrom(addDays(week1.from, 7));

interface Person { id: string; email: string; headers: Record<string, string>; auth: AuthContext }
async function person(org: string, roles: Role[]): Promise<Person> {
  const u = await createUser(t.db, { organizationId: org, roles, email: `s-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  const { headers } = await login(t.app, u.email, u.password);
  return { id: u.id, email: u.email, headers, auth: { userId: u.id, email: u.email, displayName: u.email, organizationId: org, roles, via: 'session' } };
}

let hr: Person, manager: Person, otherManager: Person, stranger: Person;
const staff: Person[] = [];
const ids: string[] = [];
let office: string;

beforeAll(async () => {
  t = await createTestApp();
  lucca = await organizationId(t.db, '046');
  hr = await person(lucca, ['hr_manager']);
  manager = await person(lucca, ['office_manager']);
  otherManager = await person(lucca, ['office_manager']);
  stranger = await person(lucca, ['employee']);
  office = await insertOffice(t.db, lucca, { code: 'SWP', name: 'Sportello Unico', managerUserId: manager.id, coverage: weekdaysCoverage(2) });
  await insertOffice(t.db, lucca, { code: 'OTH', name: 'Altro Ufficio', managerUserId: otherManager.id });
  for (let i = 0; i < 3; i++) {
    const p = await person(lucca, ['employee']);
    staff.push(p);
    const id = await insertEmployee(t.db, lucca, { officeId: office, firstName: ['Anna', 'Bruno', 'Carla'][i], lastName: 'Sportello', userId: p.id, email: `staff${i}-${randomUUID().slice(0, 6)}@test.agilepa.example` });
    ids.push(id);
    await insertAgreement(t.db, lucca, { employeeId: id, startsOn: addDays(clock.today(), -5), maxRemotePerWeek: 1 });
  }
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers: hr.headers, payload: { from: week1.from, to: week2.to } });
  expect(res.statusCode, res.body).toBe(201);
});
afterAll(async () => t?.close());

const swap = (who: Person, fromDay: string, toDay: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/remote-work/swap-requests', headers: who.headers, payload: { fromDay, toDay } });
const decide = (who: Person, id: string, decision: 'accepted' | 'refused', reason?: string) =>
  t.app.inject({ method: 'POST', url: `/api/v1/remote-work/swap-requests/${id}/decision`, headers: who.headers, payload: { decision, ...(reason ? { reason } : {}) } });

/** kind of each (employee, day) now. */
async function state() {
  const rows = await plannedDays(t.db, ids);
  return (i: number, day: string) => rows.find((r) => r.employeeId === ids[i] && r.day === day);
}
/** In a week: the day person i is remote, and the days nobody is remote. */
async function layout(days: string[]) {
  const s = await state();
  const remoteDay = (i: number) => days.find((d) => s(i, d)?.kind === 'remote')!;
  const free = days.filter((d) => [0, 1, 2].every((i) => s(i, d)?.kind === 'onsite'));
  return { remoteDay, free };
}

describe('swaps', () => {
  it('starts from a plan with one remote day each per week and one remote person a day at most', async () => {
    for (const w of [week1, week2]) {
      const { remoteDay, free } = await layout(w.days);
      expect(new Set([0, 1, 2].map(remoteDay)).size).toBe(3);
      expect(free).toHaveLength(2);
    }
  });

  it('accepts at once a swap that keeps coverage and the agreement, pins both days and mails the employee and the manager', async () => {
    const { remoteDay, free } = await layout(week1.days);
    const from = remoteDay(0), to = free[0];
    const res = await swap(staff[0], from, to);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'accepted', fromDay: from, toDay: to, reason: null, violations: [], officeName: 'Sportello Unico' });
    const s = await state();
    expect(s(0, from)).toMatchObject({ kind: 'onsite', pinned: true, pinSource: 'swap' });
    expect(s(0, to)).toMatchObject({ kind: 'remote', pinned: true, pinSource: 'swap' });
    const mails = await queuedMails(t.db);
    expect(mails.some((m) => String(m.to).startsWith('staff0-') && m.subject.startsWith('Scambio di giorno di lavoro agile accettata'))).toBe(true);
    expect(mails.some((m) => m.to === manager.email && m.text.includes('Anna Sportello'))).toBe(true);
    // a re-plan keeps the swapped days
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers: hr.headers, payload: { from: week1.from, to: week2.to } });
    expect(again.statusCode).toBe(201);
    const s2 = await state();
    expect(s2(0, to)?.kind).toBe('remote');
    expect(s2(0, from)?.kind).toBe('onsite');
  });

  it('refuses a swap that leaves the office short, saying which office, which day and how many people short', async () => {
    const { remoteDay } = await layout(week1.days);
    const taken = remoteDay(1);
    const res = await swap(staff[2], remoteDay(2), taken);
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.status).toBe('refused');
    const [d, m] = [taken.slice(8, 10), taken.slice(5, 7)];
    expect(body.reason).toContain(`Sportello Unico: il ${d}/${m} servono 2 persone in sede, ce ne sono 1`);
    expect(body.reason).toContain('manca 1 persona');
    expect(body.violations).toEqual([expect.objectContaining({ kind: 'coverage', officeName: 'Sportello Unico', day: taken, required: 2, actual: 1, peopleShort: 1 })]);
    const s = await state();
    expect(s(2, remoteDay(2))?.kind).toBe('remote');
    expect(s(2, taken)?.kind).toBe('onsite');
    const mails = await queuedMails(t.db);
    expect(mails.some((m) => String(m.to).startsWith('staff2-') && m.subject.includes('non accolta') && m.text.includes('manca 1 persona'))).toBe(true);
  });

  it('refuses a swap beyond the agreement’s weekly cap', async () => {
    const a = await layout(week1.days);
    const b = await layout(week2.days);
    const res = await swap(staff[1], a.remoteDay(1), b.free[0]);
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('refused');
    expect(res.json().violations.map((v: { kind: string }) => v.kind)).toEqual(['weekly-cap']);
    expect(res.json().reason).toContain('l\'accordo ne consente 1');
  });

  it('refuses bad swaps with stable codes and writes nothing', async () => {
    const before = await plannedDays(t.db, ids);
    const { remoteDay, free } = await layout(week2.days);
    const onsite = week2.days.find((d) => d !== remoteDay(1))!;
    const cases: [Person, string, string, number, string][] = [
      [staff[1], onsite, free[0], 422, 'plan.swap_invalid'],
      [staff[1], remoteDay(1), remoteDay(1), 422, 'plan.swap_invalid'],
      [staff[1], remoteDay(1), addDays(week2.from, 5), 422, 'plan.swap_invalid'],
      [staff[1], remoteDay(1), addDays(clock.today(), -1), 422, 'plan.past_day'],
      [stranger, remoteDay(1), free[0], 403, 'plan.not_an_employee'],
    ];
    for (const [who, from, to, status, code] of cases) {
      const res = await swap(who, from, to);
      expect(res.statusCode, `${from}→${to}`).toBe(status);
      expect(res.json().code).toBe(code);
    }
    const bad = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/swap-requests', headers: staff[1].headers, payload: { fromDay: '2027-13-01', toDay: free[0] } });
    expect(bad.statusCode).toBe(400);
    expect(await plannedDays(t.db, ids)).toEqual(before);
  });

  it('refuses to swap away a day the manager fixed', async () => {
    const { remoteDay, free } = await layout(week2.days);
    const day = remoteDay(2);
    const p = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/pins', headers: manager.headers, payload: { pins: [{ employeeId: ids[2], day, kind: 'remote' }], replan: false } });
    expect(p.statusCode, p.body).toBe(200);
    const res = await swap(staff[2], day, free[0]);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('plan.swap_pinned');
    await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/pins', headers: manager.headers, payload: { pins: [{ employeeId: ids[2], day, kind: null }], replan: false } });
  });

  it('waits for the manager when the body wants approval; the decision re-checks the plan', async () => {
    const forbidden = await t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/plan-settings', headers: staff[0].headers, payload: { swapRequiresApproval: true } });
    expect(forbidden.statusCode).toBe(403);
    const set = await t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/plan-settings', headers: hr.headers, payload: { swapRequiresApproval: true } });
    expect(set.statusCode, set.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/plan-settings', headers: staff[0].headers })).json()).toEqual({ swapRequiresApproval: true });
    try {
      const { remoteDay, free } = await layout(week2.days);
      const target = free[0];
      const before = await plannedDays(t.db, ids);
      const r1 = await swap(staff[1], remoteDay(1), target);
      const r2 = await swap(staff[2], remoteDay(2), target);
      expect(r1.json().status).toBe('pending');
      expect(r2.json().status).toBe('pending');
      expect(await plannedDays(t.db, ids)).toEqual(before);
      const mails = await queuedMails(t.db);
      expect(mails.some((m) => m.to === manager.email && m.subject.startsWith('Richiesta di scambio da approvare'))).toBe(true);
      // a second request on the same days while one is pending
      const again = await swap(staff[1], remoteDay(1), target);
      expect(again.statusCode).toBe(422);
      // who may decide
      expect((await decide(otherManager, r1.json().id, 'accepted')).statusCode).toBe(403);
      expect((await decide(staff[0], r1.json().id, 'accepted')).statusCode).toBe(403);
      // the manager sees the pending requests of his office
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/swap-requests?status=pending', headers: manager.headers });
      expect(list.json().items.map((s: { id: string }) => s.id).sort()).toEqual([r1.json().id, r2.json().id].sort());
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/swap-requests?status=pending', headers: otherManager.headers })).json().total).toBe(0);
      const mine = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/swap-requests', headers: staff[1].headers });
      expect(mine.json().items.every((s: { employeeId: string }) => s.employeeId === ids[1])).toBe(true);
      // approving the first applies it; the second is now refused by the rules
      const d1 = await decide(manager, r1.json().id, 'accepted');
      expect(d1.statusCode, d1.body).toBe(200);
      expect(d1.json()).toMatchObject({ status: 'accepted', decidedBy: manager.id });
      const d2 = await decide(manager, r2.json().id, 'accepted');
      expect(d2.json().status).toBe('refused');
      expect(d2.json().reason).toContain('manca 1 persona');
      const s = await state();
      expect(s(1, target)?.kind).toBe('remote');
      expect(s(2, target)?.kind).toBe('onsite');
      expect((await decide(manager, r1.json().id, 'refused')).json().code).toBe('plan.swap_not_pending');
      // a refusal by the manager, with his reason
      const b = await layout(week1.days);
      const r3 = await swap(staff[2], b.remoteDay(2), b.free[0]);
      const d3 = await decide(manager, r3.json().id, 'refused', 'Riunione in sede');
      expect(d3.json()).toMatchObject({ status: 'refused', reason: 'Respinta dal responsabile: Riunione in sede' });
      const mails2 = await queuedMails(t.db);
      expect(mails2.some((m) => String(m.to).startsWith('staff2-') && m.text.includes('Riunione in sede'))).toBe(true);
    } finally {
      await t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/plan-settings', headers: hr.headers, payload: { swapRequiresApproval: false } });
    }
  });

  it('lets concurrent swaps onto the same free day through one at a time: coverage holds', async () => {
    const week3 = fullWeekFrom(addDays(week2.from, 7));
    const run = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers: hr.headers, payload: { from: week3.from, to: week3.to } });
    expect(run.statusCode).toBe(201);
    const { remoteDay, free } = await layout(week3.days);
    const target = free[0];
    const results = await Promise.all([0, 1, 2].map((i) => swap(staff[i], remoteDay(i), target)));
    const statuses = results.map((r) => r.json().status).sort();
    expect(statuses).toEqual(['accepted', 'refused', 'refused']);
    const s = await state();
    expect([0, 1, 2].filter((i) => s(i, target)?.kind === 'remote')).toHaveLength(1);
  });
});

describe('plan concurrency', () => {
  it('plans again when the plan changed while it was computed, and gives up with plan.busy after 3 tries', async () => {
    let calls = 0;
    const bump = async (p: number) => {
      if (p !== 55) return;
      calls++;
      if (calls === 1) await t.db.ownerTx((tx) => tx.query(`update rw_plan_settings set plan_version = plan_version + 1 where organization_id = $1`, [lucca]));
    };
    const run = await executePlan(t.db, { organizationId: lucca, userId: hr.id }, { organizationId: lucca, from: week1.from, to: week1.to, officeIds: [office] },
      { actor: { userId: hr.id, label: hr.email }, trigger: 'plan', onProgress: bump });
    expect(run.status).toBe('done');
    expect(calls).toBe(2);
    const always = async (p: number) => {
      if (p === 55) await t.db.ownerTx((tx) => tx.query(`update rw_plan_settings set plan_version = plan_version + 1 where organization_id = $1`, [lucca]));
    };
    const err = await executePlan(t.db, { organizationId: lucca, userId: hr.id }, { organizationId: lucca, from: week1.from, to: week1.to, officeIds: [office] },
      { actor: { userId: hr.id, label: hr.email }, trigger: 'plan', onProgress: always }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('plan.busy');
  });

  it(`serialises simultaneous plan runs of one body (${backend()}): each ends done or plan.busy, and the calendar is whole`, async () => {
    const runs = await Promise.all(Array.from({ length: 4 }, () =>
      t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers: hr.headers, payload: { from: week1.from, to: week2.to } })));
    for (const r of runs) expect([201, 409]).toContain(r.statusCode);
    expect(runs.some((r) => r.statusCode === 201)).toBe(true);
    const rows = await plannedDays(t.db, ids);
    for (const d of [...week1.days, ...week2.days]) {
      expect(rows.filter((r) => r.day === d)).toHaveLength(3);
      expect(rows.filter((r) => r.day === d && r.kind === 'onsite').length).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the employee’s calendar and feed', () => {
  it('shows my days, why a day is not a working day, my swaps and whether swaps need approval', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/my-calendar?from=${week1.from}&to=${addDays(week1.from, 6)}`, headers: staff[0].headers });
    expect(res.statusCode, res.body).toBe(200);
    const cal = res.json();
    expect(cal.employee).toMatchObject({ id: ids[0], name: 'Anna Sportello', officeName: 'Sportello Unico' });
    expect(cal.days).toHaveLength(7);
    expect(cal.days.slice(0, 5).every((d: { kind: string }) => d.kind === 'remote' || d.kind === 'onsite')).toBe(true);
    expect(cal.days[5]).toMatchObject({ kind: 'non_working', reason: 'sabato' });
    expect(cal.days.filter((d: { kind: string }) => d.kind === 'remote')).toHaveLength(1);
    expect(cal.swaps.length).toBeGreaterThan(0);
    expect(cal.swapRequiresApproval).toBe(false);
    const none = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/my-calendar?from=${week1.from}&to=${week1.to}`, headers: stranger.headers });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('plan.not_an_employee');
    const long = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/my-calendar?from=${week1.from}&to=${addDays(week1.from, 93)}`, headers: staff[0].headers });
    expect(long.statusCode).toBe(422);
  });

  it('publishes an iCalendar feed at an unguessable address that can be regenerated or switched off', async () => {
    const made = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/my-calendar/feed', headers: staff[0].headers });
    expect(made.statusCode, made.body).toBe(201);
    const { url, webcalUrl } = made.json();
    expect(url).toMatch(/\/api\/v1\/remote-work\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(webcalUrl.startsWith('webcal:')).toBe(true);
    const path = new URL(url).pathname;
    const ics = await t.app.inject({ method: 'GET', url: path });
    expect(ics.statusCode, ics.body).toBe(200);
    expect(ics.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = ics.body;
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain('METHOD:PUBLISH');
    const cal = (await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/my-calendar?from=${week1.from}&to=${week1.to}`, headers: staff[0].headers })).json();
    const remote = cal.days.find((d: { kind: string }) => d.kind === 'remote').day as string;
    const compact = remote.replace(/-/g, '');
    const event = text.split('BEGIN:VEVENT').find((e) => e.includes(`DTSTART;VALUE=DATE:${compact}`))!;
    expect(event).toContain('SUMMARY:Lavoro agile');
    expect(event).toContain(`DTEND;VALUE=DATE:${addDays(remote, 1).replace(/-/g, '')}`);
    expect(text).toContain('SUMMARY:In sede');
    const rows = (await plannedDays(t.db, [ids[0]])).filter((r) => r.kind !== 'absent');
    expect(text.split('BEGIN:VEVENT').length - 1).toBe(rows.length);
    // the page now says the feed is on
    const after = (await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/my-calendar?from=${week1.from}&to=${week1.to}`, headers: staff[0].headers })).json();
    expect(after.feed.active).toBe(true);
    expect(after.feed.lastUsedAt).not.toBeNull();
    // regenerate: the old address stops working
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/my-calendar/feed', headers: staff[0].headers });
    const newPath = new URL(again.json().url).pathname;
    expect(newPath).not.toBe(path);
    const old = await t.app.inject({ method: 'GET', url: path });
    expect(old.statusCode).toBe(404);
    expect(old.headers['content-type']).toContain('application/problem+json');
    expect(old.json().code).toBe('plan.feed_not_found');
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(200);
    // someone else's feed is someone else's: another employee's token shows only his days
    const other = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/my-calendar/feed', headers: staff[1].headers });
    expect(other.json().url).not.toBe(again.json().url);
    // malformed and unknown tokens
    for (const u of ['/api/v1/remote-work/calendar/abc.ics', `/api/v1/remote-work/calendar/${'A'.repeat(43)}.ics`]) {
      const r = await t.app.inject({ method: 'GET', url: u });
      expect(r.statusCode).toBe(404);
      expect(r.json().code).toBe('plan.feed_not_found');
    }
    // an employee who left: his feed is gone
    await setEmployeeActive(t.db, ids[1], false);
    expect((await t.app.inject({ method: 'GET', url: new URL(other.json().url).pathname })).statusCode).toBe(404);
    await setEmployeeActive(t.db, ids[1], true);
    // switched off
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/remote-work/my-calendar/feed', headers: staff[0].headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: newPath })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/remote-work/my-calendar/feed', headers: staff[0].headers })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/my-calendar/feed', headers: stranger.headers })).statusCode).toBe(403);
  });
});
