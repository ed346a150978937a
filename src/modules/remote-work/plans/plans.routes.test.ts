/**
 * The planner's area through HTTP (and its use cases where a fault must be injected): plan runs,
 * the stored calendar checked independently, the shortfall report, ranges, roles, another body,
 * a planner that breaks a rule (nothing stored), the background job, agreements' periods,
 * absences, closures and the patron day, pins and their conflicts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { AuthContext, Role } from '../../../platform/auth/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { createPlanRun } from './create-plan-run.js';
import { runQueuedPlan } from './plan-run-job.js';
import { planRemoteWork } from '../planner/planner.js';
import { addDays } from './plan-dates.js';
import { isoWeekday } from '../../../platform/calendar/rome.js';
import { workingDays } from '../../../platform/calendar/working-days.js';
import {
  deleteClosure, fullWeekFrom, futureMonth, insertAbsence, insertAgreement, insertClosure, insertEmployee, insertOffice, plannedDays, setPatronDay,
  weekdaysCoverage,
} from './plans.test-support.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
let lucca: string;
let aglie: string;
const month = futureMonth(1);
const week = fullWeekFrom(addDays(month.from, 0));

interface Person { id: string; email: string; headers: Record<string, string>; auth: AuthContext }
async function person(org: string, roles: Role[]): Promise<Person> {
  const u = await createUser(t.db, { organizationId: org, roles, email: `p-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  const { headers } = await login(t.app, u.email, u.password);
  return { id: u.id, email: u.email, headers, auth: { userId: u.id, email: u.email, displayName: u.email, organizationId: org, roles, via: 'session' } };
}

let hr: Person, manager: Person, otherManager: Person, employeeUser: Person, outsiderHr: Person;
let urp: string, tributi: string, stretto: string;
const urpPeople: string[] = [];
const tributiPeople: string[] = [];
const strettoPeople: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  lucca = await organizationId(t.db, '046');
  aglie = await organizationId(t.db, '001001');
  hr = await person(lucca, ['hr_manager']);
  manager = await person(lucca, ['office_manager', 'employee']);
  otherManager = await person(lucca, ['office_manager']);
  employeeUser = await person(lucca, ['employee']);
  outsiderHr = await person(aglie, ['hr_manager']);
  urp = await insertOffice(t.db, lucca, { code: 'URP', name: 'Ufficio Relazioni con il Pubblico', managerUserId: manager.id, coverage: weekdaysCoverage(2, { skill: 'sportello', minOnSite: 1 }) });
  tributi = await insertOffice(t.db, lucca, { code: 'TRIB', name: 'Ufficio Tributi', coverage: weekdaysCoverage(1) });
  stretto = await insertOffice(t.db, lucca, { code: 'STR', name: 'Ufficio Stretto', coverage: weekdaysCoverage(2) });
  for (let i = 0; i < 4; i++) {
    urpPeople.push(await insertEmployee(t.db, lucca, { officeId: urp, lastName: `Urp${i}`, skills: i < 2 ? ['sportello'] : [], userId: i === 0 ? employeeUser.id : null, email: `urp${i}@test.agilepa.example` }));
  }
  for (const id of urpPeople) await insertAgreement(t.db, lucca, { employeeId: id, startsOn: addDays(clock.today(), -10), maxRemotePerWeek: 2 });
  for (let i = 0; i < 3; i++) tributiPeople.push(await insertEmployee(t.db, lucca, { officeId: tributi, lastName: `Trib${i}` }));
  for (let i = 0; i < 3; i++) strettoPeople.push(await insertEmployee(t.db, lucca, { officeId: stretto, lastName: `Str${i}`, firstName: 'Carla' }));
  for (const id of strettoPeople) await insertAgreement(t.db, lucca, { employeeId: id, startsOn: addDays(clock.today(), -10), maxRemotePerWeek: 2 });
});
afterAll(async () => t?.close());

const plan = (who: Person, payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers: who.headers, payload });

/** Checks the stored calendar against the rules on our own (no planner or validator code). */
async function expectStoredPlanValid(days: string[]) {
  const rows = await plannedDays(t.db, [...urpPeople, ...tributiPeople, ...strettoPeople]);
  const kind = new Map(rows.map((r) => [`${r.employeeId}|${r.day}`, r.kind]));
  for (const d of days) {
    const onSite = (ids: string[]) => ids.filter((id) => kind.get(`${id}|${d}`) === 'onsite').length;
    expect(onSite(urpPeople), `URP ${d}`).toBeGreaterThanOrEqual(2);
    expect(onSite(urpPeople.slice(0, 2)), `URP sportello ${d}`).toBeGreaterThanOrEqual(1);
    expect(onSite(strettoPeople), `Stretto ${d}`).toBeGreaterThanOrEqual(2);
    for (const id of tributiPeople) expect(kind.get(`${id}|${d}`), 'no agreement: on site').toBe('onsite');
  }
  // at most 2 remote days per ISO week for everyone with an agreement
  for (const id of [...urpPeople, ...strettoPeople]) {
    const perWeek = new Map<string, number>();
    for (const r of rows) if (r.employeeId === id && r.kind === 'remote') {
      const monday = addDays(r.day, 1 - isoWeekday(r.day));
      perWeek.set(monday, (perWeek.get(monday) ?? 0) + 1);
    }
    for (const n of perWeek.values()) expect(n).toBeLessThanOrEqual(2);
  }
}

describe('plan runs', () => {
  it('plans a month for the whole body at once, writes one row per person and working day, and the rules hold', async () => {
    const res = await plan(hr, { from: month.from, to: month.to });
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    expect(run.status).toBe('done');
    expect(run.progress).toBe(100);
    const days = workingDays(month.from, month.to);
    expect(run.workingDays).toBe(days.length);
    expect(run.employees).toBe(10);
    expect(run.report.summary.employeesWithAgreement).toBe(7);
    expect(run.report.outcomes).toHaveLength(10);
    const rows = await plannedDays(t.db, [...urpPeople, ...tributiPeople, ...strettoPeople]);
    expect(rows).toHaveLength(10 * days.length);
    await expectStoredPlanValid(days);
    expect(res.headers.location).toBe(`/api/v1/remote-work/plans/${run.id}`);
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${run.id}`, headers: hr.headers });
    expect(shown.statusCode).toBe(200);
    expect(shown.json().report.outcomes).toHaveLength(10);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/plans', headers: hr.headers });
    expect(list.json().items[0].id).toBe(run.id);
    expect(list.json().items[0].report.outcomes).toBeUndefined();
  });

  it('reports exactly which office, which days and how many people short', async () => {
    // Ufficio Stretto: 3 people, 2 must stay: 1 remote a day → 5 of the 6 agreed days in a full week
    const res = await plan(hr, { from: week.from, to: week.to, officeIds: [stretto] });
    expect(res.statusCode, res.body).toBe(201);
    const report = res.json().report;
    expect(report.summary.targetDays).toBe(6);
    expect(report.summary.grantedDays).toBe(5);
    expect(report.summary.employeesShort).toBe(1);
    expect(report.shortfalls).toHaveLength(1);
    const s = report.shortfalls[0];
    expect(s.officeName).toBe('Ufficio Stretto');
    expect(s.days.length).toBeGreaterThan(0);
    for (const d of s.days) {
      expect(week.days).toContain(d.day);
      expect(d.required).toBe(2);
      expect(d.peopleShort).toBe(1);
      expect(d.message).toContain('Ufficio Stretto');
      expect(d.message).toContain('servono 2 persone in sede');
    }
    expect(s.message).toMatch(/^Ufficio Stretto: per concedere tutti i giorni .* il \d\d\/\d\d manca 1 persona/);
    expect(report.message).toContain('1 persona non ha ricevuto tutti i giorni');
    const short = report.outcomes.filter((o: { shortfall: number }) => o.shortfall > 0);
    expect(short).toHaveLength(1);
    expect(short[0].shortfall).toBe(1);
  });

  it('refuses bad ranges with plan.invalid_range and bad input with request.invalid, writing nothing', async () => {
    const before = await plannedDays(t.db, urpPeople);
    const cases: [Record<string, unknown>, number, string][] = [
      [{ from: month.to, to: month.from }, 422, 'plan.invalid_range'],
      [{ from: month.from, to: addDays(month.from, 93) }, 422, 'plan.invalid_range'],
      [{ from: addDays(clock.today(), -1), to: clock.today() }, 422, 'plan.invalid_range'],
      [{ from: '2027-02-30', to: '2027-03-01' }, 400, 'request.invalid'],
      [{ from: month.from }, 400, 'request.invalid'],
      [{ from: month.from, to: month.to, extra: 1 }, 400, 'request.invalid'],
      [{ from: month.from, to: month.to, officeIds: ['nope'] }, 400, 'request.invalid'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await plan(hr, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe(code);
    }
    expect(await plannedDays(t.db, urpPeople)).toEqual(before);
  });

  it('accepts exactly 3 months and not one day more', async () => {
    const from = month.from;
    const last = addDays(futureMonth(4).from, -1);
    expect((await plan(hr, { from, to: last, officeIds: [tributi] })).statusCode).toBe(201);
    const over = await plan(hr, { from, to: addDays(last, 1), officeIds: [tributi] });
    expect(over.statusCode).toBe(422);
    expect(over.json().detail).toContain(last);
  });

  it('lets an office manager plan only the offices he manages', async () => {
    const own = await plan(manager, { from: week.from, to: week.to });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json().officeIds).toEqual([urp]);
    expect(own.json().employees).toBe(4);
    const foreign = await plan(manager, { from: week.from, to: week.to, officeIds: [urp, tributi] });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('plan.forbidden');
    const none = await plan(otherManager, { from: week.from, to: week.to });
    expect(none.statusCode).toBe(403);
    const employee = await plan(employeeUser, { from: week.from, to: week.to });
    expect(employee.statusCode).toBe(403);
    expect(employee.json().code).toBe('plan.forbidden');
    // the manager sees his runs only
    const runs = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/plans', headers: manager.headers });
    expect(runs.json().items.every((r: { requestedBy: string }) => r.requestedBy === manager.id)).toBe(true);
    const hrRuns = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/plans?pageSize=1', headers: hr.headers });
    const hrRun = hrRuns.json().items[0];
    if (hrRun.requestedBy !== manager.id) {
      const hidden = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${hrRun.id}`, headers: manager.headers });
      expect(hidden.statusCode).toBe(404);
    }
  });

  it('keeps another body out: its offices are unknown, its runs invisible', async () => {
    const res = await plan(outsiderHr, { from: week.from, to: week.to, officeIds: [urp] });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('plan.office_not_found');
    const runs = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/plans', headers: hr.headers });
    const id = runs.json().items[0].id;
    const other = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${id}`, headers: outsiderHr.headers });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('plan.run_not_found');
    const grid = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plan-days?from=${week.from}&to=${week.to}&officeId=${urp}`, headers: outsiderHr.headers });
    expect(grid.statusCode).toBe(404);
    // and its own plan touches none of Lucca's rows
    const empty = await plan(outsiderHr, { from: week.from, to: week.to });
    expect(empty.statusCode).toBe(201);
    expect(empty.json().employees).toBe(0);
  });

  it('never stores a plan with a violation the planner caused (failed run, rows untouched)', async () => {
    const before = await plannedDays(t.db, [...urpPeople, ...strettoPeople]);
    const faulty = (input: Parameters<typeof planRemoteWork>[0]) => {
      const r = planRemoteWork(input);
      r.plan.remote.fill(1); // everyone remote every day: coverage, caps, no agreement…
      return r;
    };
    const err = await createPlanRun(t.db, hr.auth, { from: week.from, to: week.to }, { planner: faulty }).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err.code).toBe('plan.planner_violation');
    expect(err.status).toBe(500);
    expect(await plannedDays(t.db, [...urpPeople, ...strettoPeople])).toEqual(before);
    const run = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${err.extra.runId}`, headers: hr.headers });
    expect(run.json().status).toBe('failed');
    expect(run.json().report.violations.length).toBeGreaterThan(0);
  });

  it('runs large plans in the background with progress, and the job finishes them', async () => {
    const { run, queued } = await createPlanRun(t.db, hr.auth, { from: week.from, to: week.to }, { syncCellLimit: 1 });
    expect(queued).toBe(true);
    expect(run.status).toBe('queued');
    const jobs = await t.db.ownerTx((tx) => tx.query<{ payload: { runId: string } }>(`select payload from jobs where type = 'remote-work.plan'`));
    const payload = jobs.rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)).find((p) => p.runId === run.id);
    expect(payload).toBeDefined();
    await runQueuedPlan(t.db, payload);
    const done = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${run.id}`, headers: hr.headers });
    expect(done.json().status).toBe('done');
    expect(done.json().progress).toBe(100);
    expect(done.json().report.summary.employees).toBe(10);
    // a second delivery of the same job does nothing
    await runQueuedPlan(t.db, payload);
    // a queued run whose planner breaks a rule ends failed, without retry
    const bad = await createPlanRun(t.db, hr.auth, { from: week.from, to: week.to }, { syncCellLimit: 1 });
    const badPayload = { organizationId: lucca, runId: bad.run.id, userId: hr.id, label: hr.email };
    await runQueuedPlan(t.db, badPayload, false, (input) => { const r = planRemoteWork(input); r.plan.remote.fill(1); return r; });
    const failed = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${bad.run.id}`, headers: hr.headers });
    expect(failed.json().status).toBe('failed');
    expect(failed.json().error).toContain('non è stato salvato');
  });
});

describe('what the planner reads', () => {
  it('gives no remote day outside the agreement’s period, none without a registered one, none on absences, holidays, closures or the patron day', async () => {
    const office = await insertOffice(t.db, lucca, { code: 'AGR', name: 'Ufficio Accordi', coverage: weekdaysCoverage(0) });
    const [late, withdrawn, requested, absent, monthlyPlan] = [
      await insertEmployee(t.db, lucca, { officeId: office, lastName: 'Tardi' }),
      await insertEmployee(t.db, lucca, { officeId: office, lastName: 'Receduto' }),
      await insertEmployee(t.db, lucca, { officeId: office, lastName: 'Richiesto' }),
      await insertEmployee(t.db, lucca, { officeId: office, lastName: 'Assente' }),
      await insertEmployee(t.db, lucca, { officeId: office, lastName: 'Calendario' }),
    ];
    const days = workingDays(month.from, month.to);
    const mid = days[Math.floor(days.length / 2)];
    await insertAgreement(t.db, lucca, { employeeId: late, startsOn: mid, maxRemotePerWeek: 5 });
    await insertAgreement(t.db, lucca, { employeeId: withdrawn, startsOn: addDays(clock.today(), -30), status: 'withdrawn', withdrawalEffectiveOn: mid, maxRemotePerWeek: 5 });
    await insertAgreement(t.db, lucca, { employeeId: requested, startsOn: addDays(clock.today(), -30), status: 'requested', maxRemotePerWeek: 5 });
    await insertAgreement(t.db, lucca, { employeeId: absent, startsOn: addDays(clock.today(), -30), maxRemotePerWeek: 5 });
    const planned = { [days[1]]: 'remote' as const, [days[3]]: 'remote' as const, [days[4]]: 'onsite' as const };
    await insertAgreement(t.db, lucca, { employeeId: monthlyPlan, startsOn: addDays(clock.today(), -30), maxRemotePerWeek: null, monthlyPlan: planned });
    for (const d of days.slice(0, 5)) await insertAbsence(t.db, lucca, absent, d);
    const closure = days[6];
    await insertClosure(t.db, lucca, closure, 'Disinfestazione');
    const patron = days[7];
    await setPatronDay(t.db, lucca, patron.slice(5));
    try {
      const res = await plan(hr, { from: month.from, to: month.to, officeIds: [office] });
      expect(res.statusCode, res.body).toBe(201);
      const rows = await plannedDays(t.db, [late, withdrawn, requested, absent, monthlyPlan]);
      const remote = (id: string) => rows.filter((r) => r.employeeId === id && r.kind === 'remote').map((r) => r.day);
      expect(rows.some((r) => r.day === closure || r.day === patron)).toBe(false);
      expect(remote(late).length).toBeGreaterThan(0);
      expect(remote(late).every((d) => d >= mid)).toBe(true);
      expect(remote(withdrawn).length).toBeGreaterThan(0);
      expect(remote(withdrawn).every((d) => d <= mid)).toBe(true);
      expect(remote(requested)).toEqual([]);
      expect(rows.filter((r) => r.employeeId === absent && r.kind === 'absent').map((r) => r.day)).toEqual(days.slice(0, 5));
      expect(remote(absent).some((d) => days.slice(0, 5).includes(d))).toBe(false);
      expect(remote(monthlyPlan)).toEqual([days[1], days[3]]);
      expect(res.json().workingDays).toBe(days.length - 2);
    } finally {
      // the closure and the patron day fall in the weeks the pins tests use: leave nothing behind
      await deleteClosure(t.db, lucca, closure);
      await setPatronDay(t.db, lucca, null);
    }
  });
});

describe('pins', () => {
  const pin = (who: Person, pins: unknown[], replan?: boolean) =>
    t.app.inject({ method: 'POST', url: '/api/v1/remote-work/pins', headers: who.headers, payload: { pins, ...(replan === undefined ? {} : { replan }) } });

  it('keeps a pinned day through a re-plan and plans the rest around it', async () => {
    await plan(hr, { from: week.from, to: week.to, officeIds: [urp] });
    const rows = await plannedDays(t.db, [urpPeople[2]]);
    const onsiteDay = rows.find((r) => r.kind === 'onsite' && week.days.includes(r.day))!.day;
    const res = await pin(manager, [{ employeeId: urpPeople[2], day: onsiteDay, kind: 'remote' }]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().run.trigger).toBe('pin');
    expect(res.json().pinConflicts).toEqual([]);
    const again = await plan(hr, { from: week.from, to: week.to, officeIds: [urp] });
    expect(again.statusCode).toBe(201);
    const after = await plannedDays(t.db, [urpPeople[2]]);
    const pinned = after.find((r) => r.day === onsiteDay)!;
    expect(pinned).toMatchObject({ kind: 'remote', pinned: true, pinSource: 'manager' });
    // the week still holds 2 remote days at most for that person, the pin included
    expect(after.filter((r) => week.days.includes(r.day) && r.kind === 'remote').length).toBeLessThanOrEqual(2);
    // freeing the day
    const free = await pin(manager, [{ employeeId: urpPeople[2], day: onsiteDay, kind: null }]);
    expect(free.statusCode).toBe(200);
    expect((await plannedDays(t.db, [urpPeople[2]])).find((r) => r.day === onsiteDay)!.pinned).toBe(false);
  });

  it('keeps pins that break a rule and reports them as pinConflicts', async () => {
    const day = week.days[2];
    // three of the four URP people remote on one day: only two may be
    const res = await pin(hr, urpPeople.slice(0, 3).map((id) => ({ employeeId: id, day, kind: 'remote' })));
    expect(res.statusCode, res.body).toBe(200);
    const conflicts = res.json().pinConflicts;
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.some((c: { kind: string; day: string; message: string }) => (c.kind === 'coverage' || c.kind === 'skill-coverage') && c.day === day && c.message.includes('servono'))).toBe(true);
    const rows = await plannedDays(t.db, urpPeople.slice(0, 3));
    expect(rows.filter((r) => r.day === day).every((r) => r.kind === 'remote' && r.pinned)).toBe(true);
    // the run is stored (the violation is the pins', not the planner's) and reports it as unavoidable
    expect(res.json().run.status).toBe('done');
    expect(res.json().run.report.unavoidable.some((v: { kind: string }) => v.kind === 'coverage' || v.kind === 'skill-coverage')).toBe(true);
    await pin(hr, urpPeople.slice(0, 3).map((id) => ({ employeeId: id, day, kind: null })));
  });

  it('refuses pins of other offices, of other bodies, on holidays and in the past, writing nothing', async () => {
    const before = await plannedDays(t.db, [...tributiPeople, ...urpPeople]);
    const foreign = await pin(manager, [{ employeeId: tributiPeople[0], day: week.days[0], kind: 'remote' }]);
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().code).toBe('plan.forbidden');
    const outsider = await pin(outsiderHr, [{ employeeId: urpPeople[0], day: week.days[0], kind: 'remote' }]);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().code).toBe('plan.employee_not_found');
    const saturday = addDays(week.from, 5);
    const holiday = await pin(hr, [{ employeeId: urpPeople[0], day: saturday, kind: 'remote' }]);
    expect(holiday.statusCode).toBe(422);
    expect(holiday.json().code).toBe('plan.not_working_day');
    const past = await pin(hr, [{ employeeId: urpPeople[0], day: addDays(clock.today(), -1), kind: 'remote' }]);
    expect(past.statusCode).toBe(422);
    expect(past.json().code).toBe('plan.past_day');
    // a batch with one bad pin writes none of them
    const mixed = await pin(hr, [{ employeeId: urpPeople[1], day: week.days[0], kind: 'onsite' }, { employeeId: urpPeople[0], day: saturday, kind: 'remote' }]);
    expect(mixed.statusCode).toBe(422);
    const dup = await pin(hr, [{ employeeId: urpPeople[1], day: week.days[0], kind: 'onsite' }, { employeeId: urpPeople[1], day: week.days[0], kind: 'remote' }]);
    expect(dup.statusCode).toBe(422);
    expect(await plannedDays(t.db, [...tributiPeople, ...urpPeople])).toEqual(before);
  });
});
