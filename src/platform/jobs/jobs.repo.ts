/** The SQL of the jobs table and the schedules (migrations/0006_jobs.sql). */
import type { Queryable } from '../db/index.js';

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: number;
  type: string;
  payload: unknown;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  last_error: string | null;
}

export interface ScheduleRow {
  name: string;
  spec: string;
  job_type: string;
  payload: unknown;
  next_run_at: Date;
}

export async function insertJob(
  tx: Queryable,
  type: string,
  payload: unknown,
  runAt: Date | null,
  uniqueKey: string | null,
  maxAttempts: number | null,
): Promise<number | null> {
  const r = await tx.query<{ id: number | null }>('select job_enqueue($1, $2::jsonb, $3, $4, $5) as id', [
    type,
    JSON.stringify(payload ?? {}),
    runAt,
    uniqueKey,
    maxAttempts,
  ]);
  return r.rows[0]?.id ?? null;
}

/** Jobs whose lease expired after their last allowed attempt: they fail instead of running again. */
export async function failExpiredLeases(tx: Queryable): Promise<number> {
  const r = await tx.query(
    `update jobs set status = 'failed', finished_at = now(), locked_by = null, locked_until = null,
            last_error = 'Lease expired: the worker stopped during the last attempt. ' || coalesce(last_error, '')
      where status = 'running' and locked_until < now() and attempts >= max_attempts`,
  );
  return r.rowCount;
}

/**
 * Claims up to `limit` due jobs (queued and due, or running with an expired lease) for `workerId`
 * with a lease of `leaseMs`. SKIP LOCKED: two workers never claim the same row.
 */
export async function claimJobs(tx: Queryable, workerId: string, limit: number, leaseMs: number, types: string[]): Promise<JobRow[]> {
  const r = await tx.query<JobRow>(
    `with next as (
       select id from jobs
        where type = any($4::text[])
          and ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
        order by run_at, id
        limit $1
        for update skip locked
     )
     update jobs j set status = 'running', locked_by = $2, locked_until = now() + ($3::bigint * interval '1 millisecond'),
            attempts = j.attempts + 1
       from next where j.id = next.id
     returning j.id, j.type, j.payload, j.status, j.attempts, j.max_attempts, j.run_at, j.last_error`,
    [limit, workerId, leaseMs, types],
  );
  return r.rows.sort((a, b) => a.id - b.id);
}

export async function extendLease(tx: Queryable, id: number, workerId: string, leaseMs: number): Promise<boolean> {
  const r = await tx.query(
    `update jobs set locked_until = now() + ($3::bigint * interval '1 millisecond')
      where id = $1 and locked_by = $2 and status = 'running'`,
    [id, workerId, leaseMs],
  );
  return r.rowCount > 0;
}

export async function completeJob(tx: Queryable, id: number, workerId: string): Promise<boolean> {
  const r = await tx.query(
    `update jobs set status = 'done', finished_at = now(), locked_by = null, locked_until = null
      where id = $1 and locked_by = $2 and status = 'running'`,
    [id, workerId],
  );
  return r.rowCount > 0;
}

/** Records a failed attempt: back to the queue after `delayMs`, or failed when no attempt is left. */
export async function failAttempt(tx: Queryable, id: number, workerId: string, error: string, delayMs: number): Promise<JobStatus | null> {
  const r = await tx.query<{ status: JobStatus }>(
    `update jobs set
        status = case when attempts >= max_attempts then 'failed' else 'queued' end,
        finished_at = case when attempts >= max_attempts then now() end,
        run_at = case when attempts >= max_attempts then run_at else now() + ($4::bigint * interval '1 millisecond') end,
        last_error = $3, locked_by = null, locked_until = null
      where id = $1 and locked_by = $2 and status = 'running'
      returning status`,
    [id, workerId, error.slice(0, 4000), delayMs],
  );
  return r.rows[0]?.status ?? null;
}

export async function upsertSchedule(tx: Queryable, s: { name: string; spec: string; jobType: string; payload: unknown; nextRunAt: Date }): Promise<void> {
  // A changed spec starts again from its next slot; an unchanged one keeps its pending slot.
  await tx.query(
    `insert into job_schedules (name, spec, job_type, payload, next_run_at) values ($1, $2, $3, $4::jsonb, $5)
     on conflict (name) do update set job_type = excluded.job_type, payload = excluded.payload, enabled = true,
       next_run_at = case when job_schedules.spec = excluded.spec then job_schedules.next_run_at else excluded.next_run_at end,
       spec = excluded.spec, updated_at = now()`,
    [s.name, s.spec, s.jobType, JSON.stringify(s.payload ?? {}), s.nextRunAt],
  );
}

export async function lockDueSchedules(tx: Queryable, limit: number): Promise<ScheduleRow[]> {
  const r = await tx.query<ScheduleRow>(
    `select name, spec, job_type, payload, next_run_at from job_schedules
      where enabled and next_run_at <= now() order by next_run_at limit $1 for update skip locked`,
    [limit],
  );
  return r.rows;
}

export async function advanceSchedule(tx: Queryable, name: string, ranAt: Date, nextRunAt: Date): Promise<void> {
  await tx.query('update job_schedules set last_run_at = $2, next_run_at = $3, updated_at = now() where name = $1', [name, ranAt, nextRunAt]);
}

export async function databaseNow(tx: Queryable): Promise<Date> {
  const r = await tx.query<{ now: Date }>('select now() as now');
  return new Date(r.rows[0].now);
}

/** Removes finished jobs older than `days` (their unique keys become free again). */
export async function deleteFinishedJobs(tx: Queryable, days: number): Promise<number> {
  const r = await tx.query(
    `delete from jobs where status in ('done', 'failed') and finished_at < now() - ($1::int * interval '1 day')`,
    [days],
  );
  return r.rowCount;
}

// The admin overview (read as the application role in platform scope: RLS allows only that).

export async function jobCounts(tx: Queryable): Promise<Record<JobStatus, number>> {
  const r = await tx.query<{ status: JobStatus; n: number }>('select status, count(*)::int as n from jobs group by status');
  const out: Record<JobStatus, number> = { queued: 0, running: 0, done: 0, failed: 0 };
  for (const row of r.rows) out[row.status] = Number(row.n);
  return out;
}

export interface JobSummaryRow {
  id: number;
  type: string;
  status: JobStatus;
  attempts: number;
  max_attempts: number;
  run_at: Date;
  created_at: Date;
  finished_at: Date | null;
  last_error: string | null;
}

/** The latest jobs of one status: failed and done by finishing time, the others by due time. */
export async function latestJobs(tx: Queryable, status: JobStatus, limit: number): Promise<JobSummaryRow[]> {
  const order = status === 'failed' || status === 'done' ? 'finished_at desc nulls last, id desc' : 'run_at, id';
  const r = await tx.query<JobSummaryRow>(
    `select id, type, status, attempts, max_attempts, run_at, created_at, finished_at, last_error
       from jobs where status = $1 order by ${order} limit $2`,
    [status, limit],
  );
  return r.rows;
}

export interface ScheduleSummaryRow {
  name: string;
  spec: string;
  job_type: string;
  enabled: boolean;
  next_run_at: Date;
  last_run_at: Date | null;
}

export async function listSchedules(tx: Queryable): Promise<ScheduleSummaryRow[]> {
  const r = await tx.query<ScheduleSummaryRow>('select name, spec, job_type, enabled, next_run_at, last_run_at from job_schedules order by name limit 200');
  return r.rows;
}
