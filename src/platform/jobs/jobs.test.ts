import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../../test/helpers.js';
import { openDb, type Db } from '../db/index.js';
import { migrate } from '../db/migrate.js';
import { createWorker, enqueue, ensureSchedules, materialiseSchedules, type JobHandler, type Worker } from './index.js';
import { claimJobs } from './jobs.repo.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ORG = '11111111-1111-4111-8111-111111111111';

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000, stepMs = 25): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, stepMs));
  }
  throw new Error('condition not met in time');
}

async function jobRow(db: Db, id: number) {
  const r = await db.ownerTx((tx) =>
    tx.query<{ status: string; attempts: number; last_error: string | null; run_at: Date; finished_at: Date | null }>(
      'select status, attempts, last_error, run_at, finished_at from jobs where id = $1',
      [id],
    ),
  );
  return r.rows[0];
}

let db: Db & { url?: string };
const workers: Worker[] = [];
function worker(handlers: Record<string, JobHandler>, extra: Partial<Parameters<typeof createWorker>[0]> = {}, on: Db = db): Worker {
  const w = createWorker({ db: on, handlers, pollMs: 20, concurrency: 2, logger: silent, ...extra });
  workers.push(w);
  return w;
}

beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await db?.close();
});

describe('enqueue', () => {
  it('a job enqueued in a rolled-back transaction never exists nor runs', async () => {
    const ran: unknown[] = [];
    await expect(
      db.tx({ organizationId: ORG }, async (tx) => {
        await enqueue(tx, 'test.rollback', { n: 1 });
        throw new Error('the write failed');
      }),
    ).rejects.toThrow('the write failed');
    const w = worker({ 'test.rollback': async (p) => void ran.push(p) });
    await w.start();
    await new Promise((r) => setTimeout(r, 300));
    await w.stop();
    expect(ran).toEqual([]);
    const n = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from jobs where type = 'test.rollback'`));
    expect(n.rows[0].n).toBe(0);
  });

  it('a job enqueued by the application role in a committed transaction runs once', async () => {
    const ran: unknown[] = [];
    const id = await db.tx({ organizationId: ORG }, (tx) => enqueue(tx, 'test.commit', { hello: 'mondo', n: 2 }));
    expect(id).toBeTypeOf('number');
    const w = worker({ 'test.commit': async (p) => void ran.push(p) });
    await w.start();
    await waitFor(async () => (await jobRow(db, id!)).status === 'done');
    await w.stop();
    expect(ran).toEqual([{ hello: 'mondo', n: 2 }]);
    expect((await jobRow(db, id!)).attempts).toBe(1);
  });

  it('de-duplicates by unique key and refuses bad arguments', async () => {
    const a = await db.ownerTx((tx) => enqueue(tx, 'test.unique', {}, { uniqueKey: 'k-1', runAt: new Date(Date.now() + 3_600_000) }));
    const b = await db.ownerTx((tx) => enqueue(tx, 'test.unique', {}, { uniqueKey: 'k-1' }));
    expect(a).toBeTypeOf('number');
    expect(b).toBeNull();
    await expect(db.ownerTx((tx) => enqueue(tx, 'Bad Type', {}))).rejects.toThrow(/non valido/);
    await expect(db.ownerTx((tx) => enqueue(tx, 'test.x', {}, { maxAttempts: 0 }))).rejects.toThrow(/maxAttempts/);
    await expect(db.ownerTx((tx) => enqueue(tx, 'test.x', {}, { uniqueKey: 'x'.repeat(301) }))).rejects.toThrow(/uniqueKey/);
  });

  it('the application role cannot change jobs, and reads them only in platform scope', async () => {
    await expect(db.tx({ organizationId: ORG }, (tx) => tx.query(`update jobs set status = 'done'`))).rejects.toThrow(/permission denied/);
    await expect(db.tx({ organizationId: ORG }, (tx) => tx.query(`insert into jobs (type) values ('test.direct')`))).rejects.toThrow(/permission denied/);
    const none = await db.tx({ organizationId: ORG }, (tx) => tx.query('select id from jobs'));
    expect(none.rows).toEqual([]);
    const all = await db.tx({ platform: true }, (tx) => tx.query('select id from jobs'));
    expect(all.rows.length).toBeGreaterThan(0);
  });
});

describe('worker', () => {
  it('retries a failing job with growing backoff, then marks it failed with the last error', async () => {
    const attemptsAt: number[] = [];
    const id = await db.ownerTx((tx) => enqueue(tx, 'test.always-fails', {}, { maxAttempts: 3 }));
    const w = worker({
      'test.always-fails': async (_p, ctx) => {
        attemptsAt.push(Date.now());
        throw new Error(`SMTP 451 al tentativo ${ctx.attempt}`);
      },
    }, { backoff: { baseMs: 200, capMs: 10_000 } });
    await w.start();
    await waitFor(async () => (await jobRow(db, id!)).status === 'failed');
    await w.stop();
    const row = await jobRow(db, id!);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, last_error: 'SMTP 451 al tentativo 3' });
    expect(row.finished_at).not.toBeNull();
    expect(attemptsAt).toHaveLength(3);
    // Jitter keeps each delay in [50%, 100%] of 200 ms · 2^(n−1).
    expect(attemptsAt[1] - attemptsAt[0]).toBeGreaterThanOrEqual(90);
    expect(attemptsAt[2] - attemptsAt[1]).toBeGreaterThanOrEqual(190);
  });

  it('succeeds on a later attempt', async () => {
    let calls = 0;
    const id = await db.ownerTx((tx) => enqueue(tx, 'test.flaky', {}));
    const w = worker({
      'test.flaky': async () => {
        if (++calls === 1) throw new Error('temporaneo');
      },
    }, { backoff: { baseMs: 20 } });
    await w.start();
    await waitFor(async () => (await jobRow(db, id!)).status === 'done');
    await w.stop();
    expect(await jobRow(db, id!)).toMatchObject({ status: 'done', attempts: 2, last_error: 'temporaneo' });
  });

  it('does not run a job before its runAt', async () => {
    const ran: number[] = [];
    const id = await db.ownerTx((tx) => enqueue(tx, 'test.later', {}, { runAt: new Date(Date.now() + 600) }));
    const w = worker({ 'test.later': async () => void ran.push(Date.now()) });
    const t0 = Date.now();
    await w.start();
    await waitFor(async () => (await jobRow(db, id!)).status === 'done');
    await w.stop();
    expect(ran[0] - t0).toBeGreaterThanOrEqual(450);
  });

  it('retries the job of a crashed worker once its lease has expired', async () => {
    const id = await db.ownerTx((tx) => enqueue(tx, 'test.crash', { x: 1 }));
    // A worker claims the job and dies without reporting.
    const claimed = await db.ownerTx((tx) => claimJobs(tx, 'crashed-worker', 10, 1000, ['test.crash']));
    expect(claimed.map((j) => j.id)).toEqual([id]);
    const attempts: number[] = [];
    const w = worker({ 'test.crash': async (_p, ctx) => void attempts.push(ctx.attempt) });
    await w.start();
    await new Promise((r) => setTimeout(r, 300));
    expect(attempts).toEqual([]); // the lease still holds
    await waitFor(async () => (await jobRow(db, id!)).status === 'done');
    await w.stop();
    expect(attempts).toEqual([2]);
  });

  it('extends the lease of a long job so that no other worker takes it', async () => {
    let runs = 0;
    const id = await db.ownerTx((tx) => enqueue(tx, 'test.long', {}));
    const handler: JobHandler = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 2500));
    };
    const a = worker({ 'test.long': handler }, { leaseMs: 1000 });
    const b = worker({ 'test.long': handler }, { leaseMs: 1000 });
    await a.start();
    await b.start();
    await waitFor(async () => (await jobRow(db, id!)).status === 'done');
    await a.stop();
    await b.stop();
    expect(runs).toBe(1);
  });
});

describe('schedules', () => {
  it('turns a due slot into exactly one job and moves to the next slot', async () => {
    await ensureSchedules(db, [{ name: 'test.every', spec: 'every 5 minutes', type: 'test.scheduled', payload: { a: 1 } }]);
    await expect(ensureSchedules(db, [{ name: 'test.bad', spec: 'sometimes', type: 'x' }])).rejects.toThrow(/non valida/);
    await db.ownerTx((tx) => tx.query(`update job_schedules set next_run_at = now() - interval '1 hour' where name = 'test.every'`));
    const [a, b] = await Promise.all([materialiseSchedules(db), materialiseSchedules(db)]);
    const c = await materialiseSchedules(db);
    expect(a + b + c).toBe(1);
    const jobs = await db.ownerTx((tx) => tx.query<{ unique_key: string; payload: unknown }>(`select unique_key, payload from jobs where type = 'test.scheduled'`));
    expect(jobs.rows).toHaveLength(1);
    expect(jobs.rows[0].unique_key).toMatch(/^schedule:test\.every:\d{4}-/);
    expect(jobs.rows[0].payload).toEqual({ a: 1 });
    const s = await db.ownerTx((tx) => tx.query<{ next_run_at: Date; last_run_at: Date }>(`select next_run_at, last_run_at from job_schedules where name = 'test.every'`));
    expect(new Date(s.rows[0].next_run_at).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(s.rows[0].next_run_at).getTime() % 300_000).toBe(0);
    // Re-declaring the same schedule keeps its pending slot.
    const before = s.rows[0].next_run_at;
    await ensureSchedules(db, [{ name: 'test.every', spec: 'every 5 minutes', type: 'test.scheduled', payload: { a: 1 } }]);
    const again = await db.ownerTx((tx) => tx.query<{ next_run_at: Date }>(`select next_run_at from job_schedules where name = 'test.every'`));
    expect(new Date(again.rows[0].next_run_at).getTime()).toBe(new Date(before).getTime());
  });

  it('a running worker executes a due schedule', async () => {
    const ran: unknown[] = [];
    await ensureSchedules(db, [{ name: 'test.daily', spec: 'daily 06:00', type: 'test.daily-run', payload: { d: true } }]);
    await db.ownerTx((tx) => tx.query(`update job_schedules set next_run_at = now() - interval '1 minute' where name = 'test.daily'`));
    const w = worker({ 'test.daily-run': async (p) => void ran.push(p) }, { scheduleCheckMs: 50 });
    await w.start();
    await waitFor(() => ran.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    await w.stop();
    expect(ran).toEqual([{ d: true }]);
  });
});

describe('concurrency and restarts', () => {
  it('two workers on separate connections run each of 200 jobs exactly once', async () => {
    await db.ownerTx(async (tx) => {
      for (let i = 0; i < 200; i++) await enqueue(tx, 'test.many', { i });
    });
    // PostgreSQL: a second pool, i.e. other connections. PGlite has one connection per process.
    const other = backend() === 'postgresql' ? await openDb({ databaseUrl: db.url!, poolSize: 4 }) : db;
    const seen = new Map<number, string[]>();
    const handler = (name: string): JobHandler => async (p: { i: number }) => {
      seen.set(p.i, [...(seen.get(p.i) ?? []), name]);
      await new Promise((r) => setTimeout(r, Math.random() * 3));
    };
    const a = worker({ 'test.many': handler('a') }, { concurrency: 4, pollMs: 5 });
    const b = worker({ 'test.many': handler('b') }, { concurrency: 4, pollMs: 5 }, other);
    await Promise.all([a.start(), b.start()]);
    await waitFor(async () => {
      const r = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from jobs where type = 'test.many' and status = 'done'`));
      return r.rows[0].n === 200;
    }, 60_000);
    await Promise.all([a.stop(), b.stop()]);
    if (other !== db) await other.close();
    expect(seen.size).toBe(200);
    for (const [, by] of seen) expect(by).toHaveLength(1);
    const byWorker = [...seen.values()].flat();
    expect(byWorker.filter((x) => x === 'a').length).toBeGreaterThan(0);
    expect(byWorker.filter((x) => x === 'b').length).toBeGreaterThan(0);
    const r = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from jobs where type = 'test.many' and attempts <> 1`));
    expect(r.rows[0].n).toBe(0);
  });

  it('a job survives a restart: the database is closed and reopened, then a new worker runs it', async () => {
    let dir: string | null = null;
    let first: Db;
    if (backend() === 'postgresql') first = await openDb({ databaseUrl: db.url!, poolSize: 2 });
    else {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-jobs-'));
      first = await openDb({ dataDir: dir });
      await migrate(first);
    }
    try {
      const id = await first.tx({ organizationId: ORG }, (tx) => enqueue(tx, 'test.restart', { kept: 'sì' }));
      await first.close();
      const second = backend() === 'postgresql' ? await openDb({ databaseUrl: db.url!, poolSize: 2 }) : await openDb({ dataDir: dir! });
      try {
        const ran: unknown[] = [];
        const w = worker({ 'test.restart': async (p) => void ran.push(p) }, {}, second);
        await w.start();
        await waitFor(() => ran.length === 1);
        await w.stop();
        expect(ran).toEqual([{ kept: 'sì' }]);
        expect((await jobRow(second, id!)).status).toBe('done');
      } finally {
        await second.close();
      }
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
