/**
 * The job worker: polls the jobs table, claims due jobs with `FOR UPDATE SKIP LOCKED` and a lease
 * (`locked_until`), runs their handlers, and records the outcome. A job whose worker crashed is
 * claimed again once its lease expires. Failures are retried with exponential backoff and jitter;
 * after `max_attempts` the job is `failed` with its last error. Delivery is at least once: a
 * handler must tolerate running again (e.g. after a crash between its work and the bookkeeping).
 *
 * Jobs are platform-level, so the worker's own bookkeeping runs as the owner (`db.ownerTx`);
 * handlers that touch a body's data open their own `db.tx(ctx, …)` with that body's context.
 */
import crypto from 'node:crypto';
import os from 'node:os';
import type { Db } from '../db/index.js';
import { retryDelayMs, type BackoffOptions } from './backoff.js';
import { advanceSchedule, claimJobs, completeJob, databaseNow, extendLease, failAttempt, failExpiredLeases, insertJob, lockDueSchedules, upsertSchedule, type JobRow } from './jobs.repo.js';
import { nextSlot, parseScheduleSpec } from './schedule.js';
import { clock } from '../clock.js';

export interface JobContext {
  jobId: number;
  type: string;
  /** 1 for the first attempt. */
  attempt: number;
  maxAttempts: number;
  db: Db;
  /** Aborted when the worker stops and the grace period is over. */
  signal: AbortSignal;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type JobHandler = (payload: any, ctx: JobContext) => Promise<void>;

export interface ScheduleDefinition {
  /** Unique name, e.g. `jobs.cleanup`. */
  name: string;
  /** `every N minutes` or `daily HH:MM` (Europe/Rome); see ./schedule.ts. */
  spec: string;
  /** The job type created at each slot. */
  type: string;
  payload?: unknown;
}

export interface WorkerLogger {
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

export interface WorkerOptions {
  db: Db;
  handlers: Record<string, JobHandler>;
  /** Pause between polls when nothing is due (default 1000 ms). */
  pollMs?: number;
  /** Jobs run at the same time by this worker (default 2). */
  concurrency?: number;
  /** Lease of a claimed job; renewed while the handler runs (default 5 min). */
  leaseMs?: number;
  backoff?: BackoffOptions;
  /** Schedules this worker makes sure exist (upserted on start). */
  schedules?: ScheduleDefinition[];
  /** How often due schedules are turned into jobs (default 10 s). */
  scheduleCheckMs?: number;
  /** Grace period for running jobs on stop (default 10 s). */
  stopTimeoutMs?: number;
  workerId?: string;
  logger?: WorkerLogger;
}

export interface Worker {
  readonly id: string;
  start(): Promise<void>;
  /** Stops polling and waits for running jobs (up to the grace period). */
  stop(): Promise<void>;
}

const silentConsole: WorkerLogger = { info: () => undefined, warn: (m) => console.warn(m), error: (m) => console.error(m) };

/** Makes sure the schedules exist; a changed spec restarts from its next slot. */
export async function ensureSchedules(db: Db, defs: ScheduleDefinition[]): Promise<void> {
  if (defs.length === 0) return;
  for (const d of defs) parseScheduleSpec(d.spec); // fail fast on a bad spec
  await db.ownerTx(async (tx) => {
    const now = await databaseNow(tx);
    for (const d of defs) {
      await upsertSchedule(tx, { name: d.name, spec: d.spec, jobType: d.type, payload: d.payload ?? {}, nextRunAt: nextSlot(d.spec, now) });
    }
  });
}

/**
 * Turns each due schedule slot into one job (unique_key `schedule:<name>:<slot>`, so the slot
 * runs once even when several workers look at the same time). Slots missed while no worker was
 * running collapse into one run. Returns the number of jobs created.
 */
export async function materialiseSchedules(db: Db, limit = 50): Promise<number> {
  return db.ownerTx(async (tx) => {
    const due = await lockDueSchedules(tx, limit);
    if (due.length === 0) return 0;
    const now = await databaseNow(tx);
    let created = 0;
    for (const s of due) {
      const slot = new Date(s.next_run_at);
      const id = await insertJob(tx, s.job_type, s.payload, now, `schedule:${s.name}:${slot.toISOString()}`, null);
      if (id !== null) created++;
      let next: Date;
      try {
        next = nextSlot(s.spec, now);
      } catch {
        next = new Date(now.getTime() + 86_400_000); // a spec edited by hand into nonsense: retry tomorrow
      }
      await advanceSchedule(tx, s.name, now, next);
    }
    return created;
  });
}

export function createWorker(opts: WorkerOptions): Worker {
  const db = opts.db;
  const id = opts.workerId ?? `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;
  const pollMs = opts.pollMs ?? 1000;
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const leaseMs = Math.max(1000, opts.leaseMs ?? 300_000);
  const scheduleCheckMs = opts.scheduleCheckMs ?? 10_000;
  const stopTimeoutMs = opts.stopTimeoutMs ?? 10_000;
  const log = opts.logger ?? silentConsole;
  const types = Object.keys(opts.handlers);
  const running = new Set<Promise<void>>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | null = null;
  let started = false;
  let stopping = false;
  let ticking: Promise<void> | null = null;
  let again = false;
  let nextScheduleCheck = 0;

  const schedule = (ms: number) => {
    if (stopping) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void runTick(), ms);
  };

  async function execute(job: JobRow): Promise<void> {
    const handler = opts.handlers[job.type];
    const heartbeat = setInterval(() => {
      db.ownerTx((tx) => extendLease(tx, job.id, id, leaseMs)).catch(() => undefined);
    }, Math.max(500, Math.floor(leaseMs / 3)));
    heartbeat.unref();
    try {
      await handler(job.payload, { jobId: job.id, type: job.type, attempt: job.attempts, maxAttempts: job.max_attempts, db, signal: abort.signal });
      clearInterval(heartbeat);
      await db.ownerTx((tx) => completeJob(tx, job.id, id));
    } catch (err) {
      clearInterval(heartbeat);
      const message = err instanceof Error ? err.message || err.name : String(err);
      const delay = retryDelayMs(job.attempts, opts.backoff);
      try {
        const status = await db.ownerTx((tx) => failAttempt(tx, job.id, id, message, delay));
        if (status === 'failed') log.error(`Lavoro ${job.id} (${job.type}) fallito dopo ${job.attempts} tentativi: ${message}`);
        else log.warn(`Lavoro ${job.id} (${job.type}) tentativo ${job.attempts} non riuscito, nuovo tentativo tra ${Math.round(delay / 1000)} s: ${message}`);
      } catch (dbErr) {
        log.error(`Lavoro ${job.id}: esito non registrato (${(dbErr as Error).message}); riprenderà alla scadenza del lease`);
      }
    }
  }

  async function tick(): Promise<{ claimed: number; free: number }> {
    if (clock.now() >= nextScheduleCheck) {
      nextScheduleCheck = clock.now() + scheduleCheckMs;
      await materialiseSchedules(db);
    }
    const free = concurrency - running.size;
    if (free <= 0 || types.length === 0) return { claimed: 0, free };
    const jobs = await db.ownerTx(async (tx) => {
      await failExpiredLeases(tx);
      return claimJobs(tx, id, free, leaseMs, types);
    });
    for (const job of jobs) {
      const p: Promise<void> = execute(job).finally(() => {
        running.delete(p);
        if (!stopping) {
          if (ticking) again = true;
          else schedule(0);
        }
      });
      running.add(p);
    }
    return { claimed: jobs.length, free };
  }

  async function runTick(): Promise<void> {
    if (stopping) return;
    if (ticking) {
      again = true;
      return;
    }
    let result = { claimed: 0, free: 0 };
    ticking = tick()
      .then((r) => {
        result = r;
      })
      .catch((err) => log.error(`Worker ${id}: ${(err as Error).message}`));
    await ticking;
    ticking = null;
    if (stopping) return;
    if (again || (result.claimed > 0 && result.claimed === result.free)) {
      again = false;
      schedule(0);
    } else schedule(pollMs);
  }

  return {
    id,
    async start() {
      if (started) return;
      started = true;
      await ensureSchedules(db, opts.schedules ?? []);
      schedule(0);
      log.info(`Worker dei lavori avviato (${id}, concorrenza ${concurrency})`);
    },
    async stop() {
      if (stopping) return;
      stopping = true;
      if (timer) clearTimeout(timer);
      if (ticking) await ticking;
      if (running.size > 0) {
        let t: NodeJS.Timeout | undefined;
        const grace = new Promise<void>((resolve) => {
          t = setTimeout(resolve, stopTimeoutMs);
        });
        await Promise.race([Promise.allSettled([...running]), grace]);
        clearTimeout(t);
        abort.abort();
      }
    },
  };
}
