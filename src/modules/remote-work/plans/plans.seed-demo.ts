/**
 * The planner's part of the demo territory: once the offices, people and agreements of the
 * Provincia di Lucca are there, the body's plan from today to the end of next month, made by the
 * real planner (as HR would with "Ripianifica"), so the month grid and the demo employee's
 * calendar are not empty. Runs once: nothing happens when the body already has plan runs.
 */
import type { Db } from '../../../platform/db/index.js';
import { findOrganizationByCode } from '../../organizations/index.js';
import { addMonths, monthEnd } from './plan-dates.js';
import { executePlan } from './run-plan.js';
import * as repo from './plans.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export const DEMO_PLAN_BODY_CODE = '046';

export async function seedPlansDemo(db: Db, opts: { now?: number } = {}): Promise<repo.PlanRunRow | null> {
  const body = await db.ownerTx((tx) => findOrganizationByCode(tx, DEMO_PLAN_BODY_CODE));
  if (!body) return null;
  const ctx = { organizationId: body.id };
  const already = await db.tx(ctx, (tx) => repo.selectPlanRuns(tx, body.id, null, 1, 0));
  if (already.total > 0) return null;
  const offices = await db.tx(ctx, (tx) => repo.selectOffices(tx, body.id, null));
  if (offices.length === 0) return null;
  const from = romeDate(opts.now ?? clock.now());
  const to = monthEnd(addMonths(`${from.slice(0, 7)}-01`, 1));
  return executePlan(db, ctx, { organizationId: body.id, from, to, officeIds: null }, {
    actor: { userId: null, label: 'demo' },
    trigger: 'plan',
  });
}
