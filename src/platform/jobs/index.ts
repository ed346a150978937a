/**
 * Background jobs and schedules, persisted in the database (migrations/0006_jobs.sql); the same
 * code runs on PGlite and PostgreSQL.
 *
 * - `enqueue(tx, type, payload, {runAt, uniqueKey, maxAttempts})` inside the caller's transaction.
 * - `createWorker({db, handlers, pollMs, concurrency})` → `start()` / `stop()`: claims with
 *   `FOR UPDATE SKIP LOCKED` and a lease, retries with exponential backoff and jitter, marks
 *   `failed` after `max_attempts`. Jobs are platform-level: the worker uses `db.ownerTx`.
 * - Schedules (`every N minutes`, `daily HH:MM` in Europe/Rome) become one job per slot.
 * - `startPlatformWorker(deps)`: the worker of the running instance (main.ts, when JOBS=on).
 */
import type { Config } from '../config.js';
import type { Db } from '../db/index.js';
import type { Mailer } from '../mail/types.js';
import { MAIL_JOB, mailSendHandler } from '../mail/send-job.js';
import { deleteFinishedJobs } from './jobs.repo.js';
import { createWorker, type JobHandler, type ScheduleDefinition, type Worker, type WorkerLogger } from './worker.js';

export { enqueue, type EnqueueOptions } from './enqueue.js';
export { createWorker, ensureSchedules, materialiseSchedules } from './worker.js';
export type { JobContext, JobHandler, ScheduleDefinition, Worker, WorkerLogger, WorkerOptions } from './worker.js';
export { nextSlot, parseScheduleSpec, type ScheduleSpec } from './schedule.js';
export { retryDelayMs, type BackoffOptions } from './backoff.js';
export { jobCounts, latestJobs, listSchedules, type JobStatus, type JobSummaryRow, type ScheduleSummaryRow } from './jobs.repo.js';

export const CLEANUP_JOB = 'jobs.cleanup';
/** Finished jobs are kept this long for the admin pages, then removed by the daily cleanup. */
export const KEEP_FINISHED_DAYS = 30;

export interface PlatformWorkerDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
  /** Job handlers of the modules, by type (added to the platform's own). */
  handlers?: Record<string, JobHandler>;
  schedules?: ScheduleDefinition[];
  logger?: WorkerLogger;
  pollMs?: number;
  concurrency?: number;
}

/** The platform's handlers: mail delivery and the cleanup of old finished jobs. */
export function platformHandlers(deps: Pick<PlatformWorkerDeps, 'db' | 'mailer'>): Record<string, JobHandler> {
  return {
    [MAIL_JOB]: mailSendHandler(deps.mailer),
    [CLEANUP_JOB]: async () => {
      await deps.db.ownerTx((tx) => deleteFinishedJobs(tx, KEEP_FINISHED_DAYS));
    },
  };
}

export const PLATFORM_SCHEDULES: ScheduleDefinition[] = [{ name: CLEANUP_JOB, spec: 'daily 03:30', type: CLEANUP_JOB }];

/** Creates and starts the instance's worker; call `stop()` on shutdown, before closing the database. */
export async function startPlatformWorker(deps: PlatformWorkerDeps): Promise<Worker> {
  const worker = createWorker({
    db: deps.db,
    handlers: { ...platformHandlers(deps), ...(deps.handlers ?? {}) },
    schedules: [...PLATFORM_SCHEDULES, ...(deps.schedules ?? [])],
    pollMs: deps.pollMs ?? 1000,
    // PGlite has one connection: more parallel jobs would only queue on it.
    concurrency: deps.concurrency ?? (deps.db.kind === 'pglite' ? 2 : 4),
    logger: deps.logger,
  });
  await worker.start();
  return worker;
}
