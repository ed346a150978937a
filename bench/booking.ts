/**
 * Booking benchmark (PostgreSQL): 50 concurrent clients book one platform of capacity 250
 * through `POST /api/v1/bookings` of the real app, then the database is read back: the peak used
 * capacity by an independent SQL sweep (must be ≤ the capacity, else the run fails) and every
 * answer against what is stored. Side by side in the same run, the ceiling: the same booking
 * SQL (`quickRefusal` of booking-capacity.ts — one statement, no transaction — then, when the
 * candidate may fit, a transaction with `admit` under the locks and the insert) issued directly
 * with pg at the same concurrency, without HTTP, authentication, tenant context, audit, mail or
 * suggestions: what the database sustains when it decides every attempt. The app, with the
 * default PLATFORM_CACHE_SECONDS (above 0), answers most refusals from the loads it read at most
 * 2 s ago, without any statement (decision 0005, point 6), so it can answer more than that;
 * `PLATFORM_CACHE_SECONDS=0 npm run bench -- booking` makes every refusal a statement again.
 *
 *   npm run bench -- booking [--duration 15] [--connections 50] [--days 5] [--pool 20]
 *
 * DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; a fresh
 * database agilepa_bench_<ts> is created, prepared and dropped at the end. Bookings: 8 member
 * bodies, each with its own API token, pick random ranges on `--days` working days starting 3
 * days ahead (quarter hours 08:00–20:00 Europe/Rome, 15 min–4 h, 1–80 connections), so that
 * the platform fills and most later attempts are refused (409 booking.capacity_exceeded, with
 * suggestions). autocannon runs in a child process (bench/lib/booking-load.ts) after a 3 s
 * warm-up on another platform. Prints one JSON object last.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Queryable } from '../src/platform/db/index.js';
import * as repo from '../src/modules/conferencing/bookings/bookings.repo.js';
import { admit, quickRefusal } from '../src/modules/conferencing/bookings/booking-capacity.js';
import { suggestionLoadsCache } from '../src/modules/conferencing/platform-cache.js';
import { arg, cpuBetween, databaseCpuSeconds, freshDatabase, listenApp, machine, percentile, round2 } from './lib/pg-bench.js';
import { addPlatform, peakUsed, randomBooking, setUpBodies, workingDays } from './lib/conferencing.js';
import { rng } from './lib/planner-instances.js';
import type { LoadInput, LoadOutput } from './lib/booking-load.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const CAPACITY = 250;

function load(input: LoadInput): Promise<LoadOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'lib', 'booking-load.ts')], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, BOOKING_LOAD: JSON.stringify(input) },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as LoadOutput) : reject(new Error(`booking-load: ${code} ${err}`))));
  });
}

function fail(message: string): never {
  console.error(`BENCHMARK FAILED: ${message}`);
  process.exit(1);
}

/** Checks every answer against the stored bookings of the platform; returns the counts. */
async function reconcile(db: Queryable, platformId: string, run: LoadOutput) {
  const stored = await db.query<{ id: string; title: string; status: string }>(`select id, title, status from bookings where platform_id = $1`, [platformId]);
  const byTitle = new Map(stored.rows.map((r) => [r.title, r]));
  const codes: Record<string, number> = {};
  let accepted = 0;
  let refused = 0;
  for (const [title, status, detail] of run.answers) {
    const key = `${status} ${status === 201 ? 'created' : detail}`;
    codes[key] = (codes[key] ?? 0) + 1;
    const row = byTitle.get(title);
    if (status === 201) {
      accepted++;
      if (!row || row.id !== detail || row.status !== 'accepted') fail(`accepted ${title} (${detail}) is not a stored accepted booking`);
    } else if (status === 409 && detail === 'booking.capacity_exceeded') {
      refused++;
      if (row) fail(`refused ${title} was stored`);
    } else fail(`unexpected answer ${status} ${detail} for ${title}`);
  }
  const unanswered = new Set(run.unanswered);
  const answeredTitles = new Set(run.answers.map((a) => a[0]));
  let storedUnanswered = 0;
  for (const r of stored.rows) {
    if (answeredTitles.has(r.title)) continue;
    if (!unanswered.has(r.title)) fail(`stored booking ${r.title} was never requested`);
    storedUnanswered++; // in flight when autocannon stopped: stored, answer not read
  }
  const ms = (status: number, after = 0) => run.answers.filter((a) => a[1] === status && a[4] >= after).map((a) => a[3]).sort((x, y) => x - y);
  const latency = (xs: number[]) => ({ p50: round2(percentile(xs, 50)), p99: round2(percentile(xs, 99)) });
  const storedAccepted = stored.rows.filter((r) => r.status === 'accepted').length;
  if (storedAccepted !== accepted + storedUnanswered) fail(`stored ${storedAccepted} accepted, answered ${accepted} + ${storedUnanswered} in flight`);
  return {
    accepted,
    refused,
    storedAccepted,
    inFlightAtStop: unanswered.size,
    storedInFlight: storedUnanswered,
    answers: codes,
    acceptedLatency: latency(ms(201)),
    refusedLatency: latency(ms(409)),
    // once the platform is full (after the first 3 seconds): nearly only refusals
    after3s: { ...latency([...ms(201, 3000), ...ms(409, 3000)].sort((x, y) => x - y)), accepted: ms(201, 3000).length, answers: ms(201, 3000).length + ms(409, 3000).length },
    // when the accepted answers came: seconds since the start at which 50 % and 90 % of them had arrived
    acceptedBySeconds: (() => {
      const at = run.answers.filter((a) => a[1] === 201).map((a) => a[4] / 1000).sort((x, y) => x - y);
      return { half: round2(percentile(at, 50)), ninetyPercent: round2(percentile(at, 90)) };
    })(),
  };
}

/** The ceiling: the booking's SQL straight on a pg pool (the quick refusal, then the admission's transaction when it may fit), `connections` callers for `seconds`. */
async function ceiling(db: Queryable, url: string, platformId: string, organizationId: string, days: string[], seconds: number, connections: number, poolSize: number) {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => undefined); // an idle client closed by the server when the database is dropped
  const direct: Queryable = {
    query: async (sql, params) => {
      const r = await pool.query(sql, params);
      return { rows: r.rows, rowCount: r.rowCount ?? 0 };
    },
    exec: async (sql) => void (await pool.query(sql)),
  };
  const dbBefore = await databaseCpuSeconds(db);
  const random = rng(7);
  const times: number[] = [];
  let accepted = 0;
  let refused = 0;
  let n = 0;
  const prepared = Array.from({ length: seconds * 3000 }, (_, i) => randomBooking(random, days, `ceiling-${i}`));
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < until) {
        const b = prepared[n % prepared.length];
        n++;
        const candidate = { start: Date.parse(b.start), end: Date.parse(b.end), connections: b.expectedConnections };
        const t0 = performance.now();
        // the quick refusal: one statement, no transaction
        if (await quickRefusal(direct, platformId, candidate, null)) {
          refused++;
          times.push(performance.now() - t0);
          continue;
        }
        const client = await pool.connect();
        const tx: Queryable = {
          query: async (sql, params) => {
            const r = await client.query(sql, params);
            return { rows: r.rows, rowCount: r.rowCount ?? 0 };
          },
          exec: async (sql) => void (await client.query(sql)),
        };
        try {
          await client.query('begin');
          if (!(await admit(tx, platformId, candidate, null, { lockAtOnce: true }))) {
            await repo.insertBooking(tx, {
              id: randomUUID(), platformId, organizationId, createdBy: null as unknown as string, title: b.title, kind: b.kind,
              start: candidate.start, end: candidate.end, expectedConnections: b.expectedConnections,
              organiserName: 'Benchmark', organiserEmail: 'bench@agilepa.example', organiserPhone: null, status: 'accepted',
            });
            accepted++;
          } else refused++;
          await client.query('commit');
        } catch (err) {
          await client.query('rollback').catch(() => undefined);
          throw err;
        } finally {
          client.release();
        }
        times.push(performance.now() - t0);
      }
    }),
  );
  const dbCpu = cpuBetween(dbBefore, await databaseCpuSeconds(db));
  await pool.end();
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round(times.length / seconds),
    accepted,
    refused,
    p50Ms: round2(percentile(times, 50)),
    p99Ms: round2(percentile(times, 99)),
    dbCpuMsPerRequest: round2((dbCpu * 1000) / times.length),
  };
}

async function main() {
  const duration = Number(arg('duration', '15'));
  const connections = Number(arg('connections', '50'));
  const dayCount = Number(arg('days', '5'));
  const poolSize = Number(arg('pool', '20'));
  const fresh = await freshDatabase(poolSize);
  const { db } = fresh;
  let app: Awaited<ReturnType<typeof listenApp>>['app'] | null = null;
  try {
    const setup = await setUpBodies(db);
    const warmId = await addPlatform(db, setup, 'Piattaforma di riscaldamento', CAPACITY);
    const platformId = await addPlatform(db, setup, 'Piattaforma sotto carico', CAPACITY);
    const ceilingId = await addPlatform(db, setup, 'Piattaforma del tetto (SQL diretto)', CAPACITY);
    await db.query('analyze');
    const days = workingDays(3, dayCount);

    const listening = await listenApp(fresh);
    app = listening.app;
    const { config, base } = listening;
    const tokens = setup.members.map((m) => m.token);

    await load({ url: base, platformId: warmId, tokens, days, seconds: 3, connections, seed: 1, prefix: 'warm' });
    const dbBefore = await databaseCpuSeconds(db);
    const cpuBefore = process.cpuUsage();
    const loadsCache = suggestionLoadsCache(db);
    const [hits0, misses0] = [loadsCache.hits, loadsCache.misses];
    const run = await load({ url: base, platformId, tokens, days, seconds: duration, connections, seed: 2026, prefix: 'b' });
    const cpu = process.cpuUsage(cpuBefore);
    const dbCpu = cpuBetween(dbBefore, await databaseCpuSeconds(db));
    const checked = await reconcile(db, platformId, run);
    const peak = await peakUsed(db, platformId);
    if (peak > CAPACITY) fail(`peak used ${peak} > capacity ${CAPACITY} on the HTTP platform`);
    if (run.errors > 0) fail(`${run.errors} connection errors`);

    await app.close();
    app = null;
    const top = await ceiling(db, fresh.url, ceilingId, setup.members[0].organizationId, days, duration, connections, poolSize);
    const ceilingPeak = await peakUsed(db, ceilingId);
    if (ceilingPeak > CAPACITY) fail(`peak used ${ceilingPeak} > capacity ${CAPACITY} on the ceiling platform`);

    const result = {
      benchmark: 'booking',
      request: 'POST /api/v1/bookings (Bearer token of one of 8 member bodies)',
      connections,
      durationSeconds: duration,
      days,
      attempts: checked.accepted + checked.refused,
      accepted: checked.accepted,
      refused: checked.refused,
      inFlightAtStop: checked.inFlightAtStop,
      capacity: CAPACITY,
      peakUsed: peak,
      requestsPerSecond: Math.round(run.requestsPerSecond),
      p50Ms: run.p50Ms,
      p90Ms: run.p90Ms,
      p99Ms: run.p99Ms,
      maxMs: run.maxMs,
      answers: checked.answers,
      acceptedMs: checked.acceptedLatency,
      refusedMs: checked.refusedLatency,
      after3sMs: checked.after3s,
      acceptedBySeconds: checked.acceptedBySeconds,
      suggestionLoads: { hits: loadsCache.hits - hits0, misses: loadsCache.misses - misses0 },
      serverCpuMsPerRequest: round2((cpu.user + cpu.system) / 1000 / (run.sent - run.unanswered.length)),
      dbCpuMsPerRequest: round2((dbCpu * 1000) / (run.sent - run.unanswered.length)),
      ceilingRequestsPerSecond: top.requestsPerSecond,
      ceilingP50Ms: top.p50Ms,
      ceilingP99Ms: top.p99Ms,
      ceilingAccepted: top.accepted,
      ceilingRefused: top.refused,
      ceilingPeakUsed: ceilingPeak,
      ceilingDbCpuMsPerRequest: top.dbCpuMsPerRequest,
      poolSize,
      platformCacheSeconds: config.PLATFORM_CACHE_SECONDS,
      loadAverage: os.loadavg().map((x) => round2(x)),
      machine: machine(),
      date: new Date().toISOString(),
    };
    console.log(JSON.stringify(result));
  } finally {
    if (app) await app.close().catch(() => undefined);
    await fresh.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
