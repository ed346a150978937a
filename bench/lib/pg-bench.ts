/**
 * Shared pieces of the PostgreSQL benchmarks of the conferencing module: command-line options,
 * the machine line, percentiles, and a fresh database created, prepared and dropped per run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type Db, type Queryable } from '../../src/platform/db/index.js';
import { prepareDatabase } from '../../src/app/prepare.js';
import { buildApp } from '../../src/app/build-app.js';
import { loadConfig, type Config } from '../../src/platform/config.js';
import { createMailer } from '../../src/platform/mail/index.js';

export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : 0;
}

export const round2 = (x: number) => Number(x.toFixed(2));

/**
 * The real app on a fresh database, listening on a free port of 127.0.0.1, as in production but
 * with the rate limits out of the way and no background jobs. `base` is its address.
 */
export async function listenApp(fresh: FreshDatabase): Promise<{ app: Awaited<ReturnType<typeof buildApp>>; config: Config; base: string }> {
  const unlimited = '1000000000';
  const config = loadConfig({
    ...process.env, DATABASE_URL: fresh.url, LOG_LEVEL: 'silent', RATE_LIMIT_MAX: unlimited, RATE_LIMIT_ADDRESS_MAX: unlimited,
    RATE_LIMIT_FAILED_AUTH_MAX: unlimited, JOBS: 'off', DATA_DIR: fresh.dataDir, PORT: '0', NODE_ENV: 'production',
  });
  const app = await buildApp({ config, db: fresh.db, mailer: createMailer(config) });
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, config, base: `http://127.0.0.1:${(app.server.address() as { port: number }).port}` };
}

export interface FreshDatabase {
  db: Db;
  url: string;
  dataDir: string;
  /** Closes what was opened (call in finally) and drops the database. */
  drop(): Promise<void>;
}

/**
 * A new database `agilepa_bench_<ts>` on the server of DATABASE_URL (default the local one),
 * migrated and loaded with the official list of bodies by the same code as a real start.
 */
export async function freshDatabase(poolSize: number): Promise<FreshDatabase> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `agilepa_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-bench-'));
  const db = await openDb({ databaseUrl: u.toString(), poolSize });
  const drop = async () => {
    await db.close().catch(() => undefined);
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await prepareDatabase(db);
  } catch (err) {
    await drop();
    throw err;
  }
  return { db, url: u.toString(), dataDir, drop };
}

/** CPU seconds (user + system) used so far by the server processes of the current database's connections. */
export async function databaseCpuSeconds(db: Queryable): Promise<Map<number, number>> {
  const r = await db.query<{ pid: number }>(`select pid from pg_stat_activity where datname = current_database()`);
  const ticks = 100; // USER_HZ on Linux
  const out = new Map<number, number>();
  for (const { pid } of r.rows) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
    } catch {
      // not on this machine (remote server) or already gone
    }
  }
  return out;
}

/** CPU seconds the database's server processes used between two readings (processes started meanwhile count whole). */
export function cpuBetween(before: Map<number, number>, after: Map<number, number>): number {
  let total = 0;
  for (const [pid, s] of after) total += s - (before.get(pid) ?? 0);
  return total;
}
