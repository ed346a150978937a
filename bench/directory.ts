/**
 * Directory benchmark (PostgreSQL): an authenticated search of the directory ("san", page of 20)
 * under autocannon, side by side with a bare Fastify "hello" route in the same run as the ceiling,
 * plus the search query timed inside the database (EXPLAIN ANALYZE, 1000 runs). The platform
 * runs as configured by default: resolved tokens and search pages are reused per process for a
 * few seconds (docs/decisions/0005-caches.md), so a repeated search is a cache hit; a second
 * instance with DIRECTORY_CACHE_SECONDS=0 gives the figure of a search that runs its query.
 *
 *   npm run bench -- directory [--duration 20] [--connections 50]
 *
 * DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; a fresh
 * database agilepa_bench_<ts> is created, prepared and dropped at the end. autocannon runs in a
 * child process so that it does not share the server's event loop. Prints one JSON object last.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import Fastify from 'fastify';
import { openDb } from '../src/platform/db/index.js';
import { prepareDatabase } from '../src/app/prepare.js';
import { loadConfig } from '../src/platform/config.js';
import { buildApp } from '../src/app/build-app.js';
import { createMailer } from '../src/platform/mail/index.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { createUser } from '../src/modules/people/index.js';
import { createApiToken } from '../src/modules/people/index.js';
import { findOrganizationByCode } from '../src/modules/organizations/index.js';
import { SEARCH_SQL, searchParams } from '../src/modules/organizations/organizations.repo.js';
import { searchNameOf } from '../src/modules/organizations/search-name.js';

const require = createRequire(import.meta.url);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1]) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
}

interface CannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
}

function autocannon(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<CannonResult> {
  const bin = path.join(path.dirname(require.resolve('autocannon/package.json')), 'autocannon.js');
  const args = [bin, '-j', '-c', String(connections), '-d', String(seconds)];
  for (const [k, v] of Object.entries(headers)) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon: ${code} ${err}`));
      resolve(JSON.parse(out) as CannonResult);
    });
  });
}

async function main() {
  const duration = Number(arg('duration', '20'));
  const connections = Number(arg('connections', '50'));
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = `agilepa_bench_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${dbName}`);
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-bench-'));
  const closers: (() => Promise<unknown>)[] = [];
  try {
    const db = await openDb({ databaseUrl: url.toString(), poolSize: 20 });
    closers.push(() => db.close());
    await prepareDatabase(db);
    await db.query('analyze');

    // a signed-in employee of a municipality, calling with a personal API token
    const aglie = await findOrganizationByCode(db, '001001');
    const user = await createUser(db, { email: 'bench@agilepa.example', displayName: 'Bench', password: 'bench-password-123', organizationId: aglie!.id, roles: ['employee'] }, systemActor('bench'));
    const { token } = await createApiToken(db, { userId: user.id, name: 'bench' });

    const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', RATE_LIMIT_MAX: '1000000000', RATE_LIMIT_ADDRESS_MAX: '1000000000', RATE_LIMIT_FAILED_AUTH_MAX: '1000000000', JOBS: 'off', DATA_DIR: dataDir, PORT: '0', NODE_ENV: 'production' });
    const app = await buildApp({ config, db, mailer: createMailer(config) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    closers.unshift(() => app.close());
    const appPort = (app.server.address() as { port: number }).port;

    // the same platform with the directory cache off: every request runs the query (cache misses)
    const uncachedApp = await buildApp({ config: { ...config, DIRECTORY_CACHE_SECONDS: 0 }, db, mailer: createMailer(config) });
    await uncachedApp.listen({ port: 0, host: '127.0.0.1' });
    closers.unshift(() => uncachedApp.close());
    const uncachedPort = (uncachedApp.server.address() as { port: number }).port;

    const bare = Fastify({ logger: false });
    bare.get('/hello', async () => ({ hello: 'world' }));
    await bare.listen({ port: 0, host: '127.0.0.1' });
    closers.unshift(() => bare.close());
    const barePort = (bare.server.address() as { port: number }).port;

    const searchUrl = `http://127.0.0.1:${appPort}/api/v1/organizations?q=san&pageSize=20`;
    const auth = { authorization: `Bearer ${token}` };
    const probe = await fetch(searchUrl, { headers: auth });
    if (probe.status !== 200) throw new Error(`search answered ${probe.status}: ${await probe.text()}`);
    const body = (await probe.json()) as { items: unknown[]; total: number };
    if (body.items.length !== 20) throw new Error('search returned fewer than 20 items');

    // the search query inside the database: EXPLAIN ANALYZE execution time, 1000 runs
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    closers.unshift(() => client.end());
    const timeQuery = async (q: string, runs: number) => {
      const times: number[] = [];
      const params = searchParams({ raw: q, normalized: searchNameOf(q), kind: null, regionCode: null, provinceCode: null, limit: 20, offset: 0 });
      for (let i = 0; i < runs; i++) {
        const r = await client.query(`explain (analyze, format json) ${SEARCH_SQL}`, params);
        times.push((r.rows[0]['QUERY PLAN'] as [{ 'Execution Time': number }])[0]['Execution Time']);
      }
      return times.sort((a, b) => a - b);
    };
    await timeQuery('san', 50); // warm-up
    const san = await timeQuery('san', 1000);
    const mixQueries = ['san', 'aglie', 'torino', '001001', 'reggio', 'monte', 'TO', 'castel', 'lucca', 'valle'];
    const mix: number[] = [];
    for (const q of mixQueries) mix.push(...(await timeQuery(q, 100)));
    mix.sort((a, b) => a - b);

    // HTTP: warm up both, then measure the ceiling and the directory in the same run
    await autocannon(`http://127.0.0.1:${barePort}/hello`, 3, connections);
    await autocannon(searchUrl, 3, connections, auth);
    // CPU of this process (the servers) per answered request, microseconds
    const cpuPerRequest = async (run: Promise<CannonResult>) => {
      const before = process.cpuUsage();
      const r = await run;
      const used = process.cpuUsage(before);
      return { r, us: Math.round((used.user + used.system) / (r.requests.average * duration)) };
    };
    const { r: ceiling, us: ceilingCpuUs } = await cpuPerRequest(autocannon(`http://127.0.0.1:${barePort}/hello`, duration, connections));
    const { r: directory, us: directoryCpuUs } = await cpuPerRequest(autocannon(searchUrl, duration, connections, auth));
    if (directory.non2xx > 0 || directory.errors > 0) throw new Error(`directory run had ${directory.non2xx} non-2xx and ${directory.errors} errors`);
    const uncachedUrl = searchUrl.replace(`:${appPort}/`, `:${uncachedPort}/`);
    await autocannon(uncachedUrl, 3, connections, auth);
    const uncached = await autocannon(uncachedUrl, duration, connections, auth);
    if (uncached.non2xx > 0 || uncached.errors > 0) throw new Error(`uncached run had ${uncached.non2xx} non-2xx and ${uncached.errors} errors`);

    const result = {
      benchmark: 'directory',
      query: 'GET /api/v1/organizations?q=san&pageSize=20 (Bearer token)',
      connections,
      durationSeconds: duration,
      requestsPerSecond: Math.round(directory.requests.average),
      p50Ms: directory.latency.p50,
      p99Ms: directory.latency.p99,
      ceilingRequestsPerSecond: Math.round(ceiling.requests.average),
      ceilingP99Ms: ceiling.latency.p99,
      ratio: Number((directory.requests.average / ceiling.requests.average).toFixed(3)),
      serverCpuUsPerRequest: directoryCpuUs,
      ceilingServerCpuUsPerRequest: ceilingCpuUs,
      // DIRECTORY_CACHE_SECONDS=0: the search query runs on every request
      uncachedRequestsPerSecond: Math.round(uncached.requests.average),
      uncachedP50Ms: uncached.latency.p50,
      uncachedP99Ms: uncached.latency.p99,
      dbSearchP50Ms: Number(percentile(san, 50).toFixed(3)),
      dbSearchP99Ms: Number(percentile(san, 99).toFixed(3)),
      dbSearchMixP99Ms: Number(percentile(mix, 99).toFixed(3)),
      bodies: Number((await client.query('select count(*) from organizations')).rows[0].count),
      matchesForSan: body.total,
      machine: machine(),
      date: new Date().toISOString(),
    };
    console.log(JSON.stringify(result));
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
