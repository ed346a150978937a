/**
 * The planner's demo: the module's demo seed ends with the Provincia di Lucca's plan from today to
 * the end of next month, valid by the independent validator, made once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { organizationId } from '../../../../test/auth-helpers.js';
import { seedDemo } from '../../../app/prepare.js';
import { seedPlansDemo } from './plans.seed-demo.js';
import { loadPlanData } from './run-plan.js';
import { buildPlannerInput } from './plan-input.js';
import { storedPlan } from './swap-check.js';
import { validatePlan } from '../planner/plan-validator.js';
import { selectPlanRun, selectPlanRuns } from './plans.repo.js';
import { addMonths, monthEnd } from './plan-dates.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
let lucca: string;
beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  lucca = await organizationId(t.db, '046');
}, 120_000);
afterAll(async () => t?.close());

describe('the planner’s demo', () => {
  it('plans the demo body from today to the end of next month, validly, and only once', async () => {
    // the module's demo seed ran it last, after the agreements
    const runs = await t.db.tx({ organizationId: lucca }, (tx) => selectPlanRuns(tx, lucca, null, 10, 0));
    expect(runs.total).toBe(1);
    const run = await t.db.tx({ organizationId: lucca }, (tx) => selectPlanRun(tx, lucca, runs.items[0].id));
    expect(run?.status).toBe('done');
    expect(run!.from).toBe(clock.today());
    expect(run!.to).toBe(monthEnd(addMonths(`${clock.today().slice(0, 7)}-01`, 1)));
    expect(run!.employees).toBeGreaterThan(500);
    const { data } = await t.db.tx({ organizationId: lucca }, (tx) => loadPlanData(tx, { organizationId: lucca, from: run!.from, to: run!.to, officeIds: null }));
    expect(data.planDays.length).toBe(run!.employees! * run!.workingDays!);
    const built = buildPlannerInput(data);
    const violations = validatePlan(built.input, storedPlan(built.input, data.planDays), { calendar: built.calendar });
    expect(violations.filter((v) => v.avoidable !== false)).toEqual([]);
    expect(await seedPlansDemo(t.db)).toBeNull();
  }, 120_000);
});
