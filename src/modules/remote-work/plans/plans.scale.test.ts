/**
 * A body of 600 employees (30 offices, front desks, 80% with agreements, absences): planning a
 * month answers inside the request, writes every day, and the stored
 * calendar passes the independent validator; a re-plan writes only what changes; 3 months go to
 * the background job with progress. Prints the figures.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { backend, createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import { futureMonth, generateBody, plannedDays } from './plans.test-support.js';
import { addDays } from './plan-dates.js';
import { loadPlanData } from './run-plan.js';
import { buildPlannerInput } from './plan-input.js';
import { storedPlan } from './swap-check.js';
import { validatePlan } from '../planner/plan-validator.js';
import { SYNC_CELL_LIMIT, type PlanJobPayload } from './create-plan-run.js';
import { runQueuedPlan } from './plan-run-job.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

let t: TestApp;
let lucca: string;
let headers: Record<string, string>;
let body: { officeIds: string[]; employeeIds: string[] };
const month = futureMonth(1);
const quarterEnd = addDays(futureMonth(4).from, -1);
// No timing asserts (machines are noisy): the figures are printed, and the README keeps those
// measured with this file alone. The checks are on the result: every day written, a valid plan.

beforeAll(async () => {
  t = await createTestApp();
  lucca = await organizationId(t.db, '046');
  const u = await createUser(t.db, { organizationId: lucca, roles: ['hr_manager'], email: `scale-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  headers = (await login(t.app, u.email, u.password)).headers;
  body = await generateBody(t.db, lucca, { employees: 600, perOffice: 20, agreementFrom: month.from, absencesIn: workingDays(month.from, month.to) });
}, 120_000);
afterAll(async () => t?.close());

async function storedViolations(from: string, to: string) {
  const { data } = await t.db.tx({ organizationId: lucca }, (tx) => loadPlanData(tx, { organizationId: lucca, from, to, officeIds: null }));
  const built = buildPlannerInput(data);
  return validatePlan(built.input, storedPlan(built.input, data.planDays), { calendar: built.calendar });
}

describe(`a body of 600 employees (${backend()})`, () => {
  it('plans a month inside the request, writes every day, and the stored calendar is valid', async () => {
    const t0 = performance.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers, payload: { from: month.from, to: month.to } });
    const seconds = (performance.now() - t0) / 1000;
    expect(res.statusCode, res.body).toBe(201);
    const run = res.json();
    const days = workingDays(month.from, month.to).length;
    console.log(JSON.stringify({ figure: 'plan-month-600', backend: backend(), seconds: Math.round(seconds * 1000) / 1000, workingDays: days, ...run.report.stats, summary: run.report.summary }));
    expect(run.employees).toBe(600);
    expect((await plannedDays(t.db, body.employeeIds)).length).toBe(600 * days);
    expect(run.report.written).toEqual({ added: 600 * days, changed: 0, removed: 0 });
    const avoidable = (await storedViolations(month.from, month.to)).filter((v) => v.avoidable !== false);
    expect(avoidable).toEqual([]);
    expect(run.report.summary.grantedDays).toBeGreaterThan(0);
    // a month of 600 people (at most 23 working days) is answered inside the request
    expect(600 * 23).toBeLessThanOrEqual(SYNC_CELL_LIMIT);
  }, 60_000);

  it('re-plans the month writing only the days that change', async () => {
    const t0 = performance.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers, payload: { from: month.from, to: month.to } });
    const seconds = (performance.now() - t0) / 1000;
    expect(res.statusCode, res.body).toBe(201);
    console.log(JSON.stringify({ figure: 'replan-month-600', backend: backend(), seconds: Math.round(seconds * 1000) / 1000, ...res.json().report.stats }));
    // the same data plans the same month again: nothing to write
    expect(res.json().report.written).toEqual({ added: 0, changed: 0, removed: 0 });
  }, 60_000);

  it('plans 3 months in the background with progress, and the stored calendar is valid', async () => {
    const t0 = performance.now();
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/remote-work/plans', headers, payload: { from: month.from, to: quarterEnd } });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ status: 'queued', progress: 0 });
    const jobs = await t.db.ownerTx((tx) => tx.query<{ payload: unknown }>(`select payload from jobs where type = 'remote-work.plan'`));
    const payload = jobs.rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload) as PlanJobPayload).find((p) => p.runId === res.json().id)!;
    await runQueuedPlan(t.db, payload);
    const seconds = (performance.now() - t0) / 1000;
    const done = (await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plans/${payload.runId}`, headers })).json();
    expect(done.status).toBe('done');
    expect(done.progress).toBe(100);
    console.log(JSON.stringify({ figure: 'plan-quarter-600-job', backend: backend(), seconds: Math.round(seconds * 1000) / 1000, workingDays: done.workingDays, ...done.report.stats }));
    const avoidable = (await storedViolations(month.from, quarterEnd)).filter((v) => v.avoidable !== false);
    expect(avoidable).toEqual([]);
  }, 90_000);

  it('shows the month grid of the whole body quickly', async () => {
    const t0 = performance.now();
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/plan-days?from=${month.from}&to=${month.to}`, headers });
    const seconds = (performance.now() - t0) / 1000;
    expect(res.statusCode).toBe(200);
    console.log(JSON.stringify({ figure: 'grid-month-600', backend: backend(), seconds: Math.round(seconds * 1000) / 1000, bytes: res.body.length }));
    expect(res.json().offices).toHaveLength(30);
  }, 60_000);
});
