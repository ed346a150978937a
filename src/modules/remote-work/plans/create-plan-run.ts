/**
 * Use case: HR or an office manager plans a range (at most 3 months, from today on) for the
 * body or some offices.
 *
 * Answer at once or in the background? For a body the planner itself is quick (600 people × a
 * month in a fraction of a second); the time goes into reading and writing the planned days,
 * about linear in people × working days (a first plan writes every day; a re-plan only the days
 * that change). Up to SYNC_CELL_LIMIT cells (people × working days: a month of a 600-person
 * body) the run is done inside the request (201, with its report): about 1-2.5 s on PGlite on a
 * busy 2-core machine for a first write, well under 1 s on PostgreSQL (figures in the README).
 * Above it the run is queued as the job `remote-work.plan` (202) and the page polls
 * GET /remote-work/plans/{id} for its progress.
 */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { enqueue } from '../../../platform/jobs/index.js';
import { getPatronDay } from '../../organizations/index.js';
import { bodyOf, plannableOffices } from './plan-access.js';
import { planRangeProblem } from './plan-dates.js';
import { workingDays } from '../../../platform/calendar/working-days.js';
import { executePlan, type Planner } from './run-plan.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export const PLAN_JOB = 'remote-work.plan';
/** People × working days planned inside the request; larger runs go to the background job. */
export const SYNC_CELL_LIMIT = 15_000;

export interface CreatePlanRunInput {
  from: string;
  to: string;
  officeIds?: string[] | null;
}

export interface PlanJobPayload {
  organizationId: string;
  runId: string;
  userId: string;
  label: string;
}

export function checkRange(from: string, to: string, now: number): void {
  const problem = planRangeProblem(from, to, romeDate(now));
  if (problem) throw E.invalidRange(problem);
}

async function workingDayCount(tx: Queryable, organizationId: string, from: string, to: string): Promise<number> {
  const closures = (await repo.selectClosures(tx, organizationId, from, to)).map((c) => c.day);
  return workingDays(from, to, { patronDay: await getPatronDay(tx, organizationId), closures }).length;
}

export async function createPlanRun(
  db: Db,
  auth: AuthContext,
  input: CreatePlanRunInput,
  opts: { ip?: string; now?: number; planner?: Planner; syncCellLimit?: number } = {},
): Promise<{ run: repo.PlanRunRow; queued: boolean }> {
  const organizationId = bodyOf(auth);
  checkRange(input.from, input.to, opts.now ?? clock.now());
  const ctx = dbContext(auth);
  const limit = opts.syncCellLimit ?? SYNC_CELL_LIMIT;
  const sized = await db.tx(ctx, async (tx) => {
    const officeIds = await plannableOffices(tx, auth, organizationId, input.officeIds);
    const cells = (await repo.countActiveEmployees(tx, organizationId, officeIds)) * (await workingDayCount(tx, organizationId, input.from, input.to));
    if (cells <= limit) return { officeIds, queued: null };
    const run = await repo.insertPlanRun(tx, { organizationId, requestedBy: auth.userId, from: input.from, to: input.to, officeIds, trigger: 'plan', status: 'queued' });
    const payload: PlanJobPayload = { organizationId, runId: run.id, userId: auth.userId, label: auth.email };
    await enqueue(tx, PLAN_JOB, payload, { maxAttempts: 3 });
    await auditBy(tx, auth, {
      organizationId, action: 'remote_work_plan.queue', entityType: 'rw_plan_run',
      entityId: run.id, before: null, after: { from: input.from, to: input.to, officeIds, cells }, ip: opts.ip ?? null,
    });
    return { officeIds, queued: run };
  });
  if (sized.queued) return { run: sized.queued, queued: true };
  const run = await executePlan(db, ctx, { organizationId, from: input.from, to: input.to, officeIds: sized.officeIds }, {
    actor: { userId: auth.userId, label: auth.email, ip: opts.ip ?? null },
    trigger: 'plan',
    planner: opts.planner,
  });
  return { run, queued: false };
}
