/**
 * The background plan run (job `remote-work.plan`): a queued run of a large body is executed in
 * the requester's tenant context (row-level security applies, as in the request), writing its
 * progress in its own small transactions so the page can show it. Domain errors (a planner
 * violation, a plan changing too often) end the run as failed without retrying; anything else
 * is retried by the job queue and, at the last attempt, recorded as the run's failure.
 */
import type { Db, DbContext } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/http/errors.js';
import type { JobContext, JobHandler } from '../../../platform/jobs/index.js';
import type { PlanJobPayload } from './create-plan-run.js';
import { executePlan, type Planner } from './run-plan.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';

export function planJobHandler(opts: { planner?: Planner } = {}): JobHandler {
  return async (payload: PlanJobPayload, job: JobContext) => runQueuedPlan(job.db, payload, job.attempt >= job.maxAttempts, opts.planner);
}

export async function runQueuedPlan(db: Db, p: PlanJobPayload, lastAttempt = true, planner?: Planner): Promise<void> {
  const ctx: DbContext = { organizationId: p.organizationId, userId: p.userId };
  const run = await db.tx(ctx, async (tx) => {
    const r = await repo.selectPlanRun(tx, p.organizationId, p.runId);
    if (!r || r.status === 'done' || r.status === 'failed') return null;
    await repo.markRunRunning(tx, p.organizationId, p.runId);
    return r;
  });
  if (!run) return;
  const started = clock.now();
  try {
    await executePlan(db, ctx, { organizationId: p.organizationId, from: run.from, to: run.to, officeIds: run.officeIds }, {
      actor: { userId: p.userId, label: p.label },
      trigger: run.trigger,
      runId: run.id,
      planner,
      onProgress: (percent) => db.tx(ctx, (tx) => repo.updateRunProgress(tx, p.organizationId, run.id, percent)),
    });
  } catch (err) {
    const domain = err instanceof AppError;
    if (domain || lastAttempt) {
      await db.tx(ctx, async (tx) => {
        const now = await repo.selectPlanRun(tx, p.organizationId, run.id);
        if (now && now.status !== 'failed' && now.status !== 'done') {
          await repo.finishRun(tx, p.organizationId, run.id, {
            status: 'failed', employees: null, workingDays: null, report: null,
            error: domain ? (err as AppError).detail ?? (err as AppError).title : 'Errore interno durante la pianificazione.',
            durationMs: clock.now() - started,
          });
        }
      });
    }
    if (!domain) throw err;
  }
}
