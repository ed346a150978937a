/**
 * Use case (background job): bring the indicators' roll-ups up to date with the raw rows.
 *
 * Writes to planned days, agreements, employees and targets leave marks (body, month) through
 * triggers (migrations/0016). Each run takes the marked slices, oldest first, and for each one,
 * in its own short transaction as the owner: locks the slice, deletes its visible marks,
 * recomputes its rows from the raw rows (a later snapshot than the marks', so every write whose
 * mark was taken is included; a write that commits later leaves a mark for the next run), the
 * body's headcount and target, and leaves a territory mark. Then the province, region and national
 * rows of the touched months and regions are recomputed from the bodies' rows. Idempotent: a run
 * repeated after a crash only recomputes again. Never a full recomputation of the raw rows.
 */
import type { Db } from '../../../platform/db/index.js';
import type { ScheduleDefinition, JobHandler } from '../../../platform/jobs/index.js';
import * as repo from './indicators.repo.js';
import { addMonths, currentMonth, monthStart } from './indicator-rules.js';
import { clock } from '../../../platform/clock.js';

export const INDICATORS_REFRESH_JOB = 'remote-work.indicators-refresh';
export const INDICATORS_HORIZON_JOB = 'remote-work.indicators-horizon';

export const INDICATOR_SCHEDULES: ScheduleDefinition[] = [
  { name: INDICATORS_REFRESH_JOB, spec: 'every 1 minutes', type: INDICATORS_REFRESH_JOB },
  { name: INDICATORS_HORIZON_JOB, spec: 'daily 00:20', type: INDICATORS_HORIZON_JOB },
];

export interface RefreshOptions {
  /** Slices read per batch (default 200). */
  batch?: number;
  /** Stop taking new batches after this long (default 45 s: the job runs every minute). */
  timeBudgetMs?: number;
}

export interface RefreshResult {
  /** Slices recomputed. */
  slices: number;
  /** Territory months recomputed. */
  territoryMonths: number;
  /** Slices still marked when the run stopped (time budget). */
  remaining: number;
  ms: number;
}

export async function refreshIndicators(db: Db, opts: RefreshOptions = {}): Promise<RefreshResult> {
  const started = clock.now();
  const batch = opts.batch ?? 200;
  const budget = opts.timeBudgetMs ?? 45_000;
  let slices = 0;
  let territoryMonths = 0;
  for (;;) {
    const todo = await db.ownerTx((tx) => repo.selectDirtySlices(tx, batch));
    for (const s of todo) {
      const done = await db.ownerTx(async (tx) => {
        await repo.lockSlice(tx, s);
        if ((await repo.takeSliceMarks(tx, s)) === 0) return false; // another run took them
        await repo.recomputeSlice(tx, s);
        await repo.recomputeHeads(tx, s.organizationId);
        await repo.markTerritory(tx, s);
        return true;
      });
      if (done) slices++;
    }
    territoryMonths += await refreshTerritory(db);
    if (todo.length < batch || clock.now() - started > budget) break;
  }
  const remaining = (await db.ownerTx((tx) => repo.selectBacklog(tx))).slices;
  return { slices, territoryMonths, remaining, ms: clock.now() - started };
}

/** The province, region and national rows of the months and regions the slices touched. */
async function refreshTerritory(db: Db): Promise<number> {
  let months = 0;
  for (;;) {
    const n = await db.ownerTx(async (tx) => {
      const marks = await repo.takeTerritoryMarks(tx, 5000);
      if (marks.ids.length === 0) return -1;
      await repo.recomputeTerritory(tx, marks.months, marks.regions);
      await repo.deleteTerritoryMarks(tx, marks.ids);
      return marks.months.length;
    });
    if (n < 0) return months;
    months += n;
  }
}

/**
 * Use case (daily job): open-ended agreements reach a new month without any write; mark the
 * current and the next month of every body with an agreement in force then and no figures yet.
 */
export async function markIndicatorHorizon(db: Db, now: Date = clock.date()): Promise<number> {
  const cur = currentMonth(now);
  return db.ownerTx(async (tx) => (await repo.markHorizon(tx, monthStart(cur))) + (await repo.markHorizon(tx, monthStart(addMonths(cur, 1)))));
}

/** How far behind the roll-ups are (for operators and the benchmark). */
export async function indicatorBacklog(db: Db): Promise<repo.Backlog> {
  return db.ownerTx((tx) => repo.selectBacklog(tx));
}

/** The module's job handlers of the indicators' area. */
export function indicatorJobHandlers(db: Db): Record<string, JobHandler> {
  return {
    [INDICATORS_REFRESH_JOB]: async () => {
      await refreshIndicators(db);
    },
    [INDICATORS_HORIZON_JOB]: async () => {
      await markIndicatorHorizon(db);
    },
  };
}
