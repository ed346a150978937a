/**
 * Indicators at national scale (PostgreSQL): ~3.2 million employees of the 8,023 bodies of the
 * directory (7,896 municipalities, 107 provinces and metropolitan cities, 20 regions) in ~80,000
 * offices, ~35% with a registered agreement, and 20 planned working days each in the current
 * month: ~64 million rw_plan_days rows. Then, through the use cases, the p95 of a body's
 * dashboard and of the national view (medians of 3 runs), and the staleness: the time from a
 * write to its appearance in the roll-ups with the instance's worker and its schedules running.
 *
 *   npm run bench -- indicators [--keep] [--employees 3200000] [--iterations 2000] [--staleness 3]
 *
 * DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server.
 * Without --keep a fresh database agilepa_bench_ind_<ts> is generated and dropped at the end.
 * With --keep the database agilepa_bench_indicators is generated once (about 20-30 minutes on
 * 2 cores) and reused by later runs with the same --employees; drop it by hand when done
 * (`dropdb agilepa_bench_indicators`). Before generating, the free disk space is checked
 * (`df`): when it is short, the employees are scaled down and the JSON says so (`scaledDown`).
 * The load: plain INSERT … SELECT generate_series in a few big statements, triggers and foreign
 * key checks off (session_replication_role = replica; the data is consistent by construction),
 * the indexes of rw_plan_days dropped and rebuilt around it; then the dirty marks of every slice,
 * and the initial build of the roll-ups by the refresh job itself (timed: `initialBuildSeconds`).
 * Prints one JSON object last: {rows, bodyP95Ms, nationalP95Ms, stalenessSeconds, …}.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../src/platform/db/index.js';
import { prepareDatabase } from '../src/app/prepare.js';
import { loadConfig } from '../src/platform/config.js';
import { createMailer } from '../src/platform/mail/index.js';
import { startPlatformWorker } from '../src/platform/jobs/index.js';
import { moduleJobs } from '../src/app/registry.js';
import type { AuthContext } from '../src/platform/auth/context.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { createUser } from '../src/modules/people/index.js';
import { indicatorBacklog, refreshIndicators } from '../src/modules/remote-work/indicators/refresh-indicators.js';
import { showBodyIndicators } from '../src/modules/remote-work/indicators/show-body-indicators.js';
import { showTerritoryIndicators } from '../src/modules/remote-work/indicators/show-territory-indicators.js';
import { listTerritoryBodyIndicators } from '../src/modules/remote-work/indicators/list-territory-body-indicators.js';
import { currentMonth, daysOfMonth, isoWeekday } from '../src/modules/remote-work/indicators/indicator-rules.js';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] && !process.argv[i + 1].startsWith('--')) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq ? eq.slice(name.length + 3) : fallback;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}, Node ${process.version}`;
}

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] : 0;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const r2 = (x: number) => Math.round(x * 100) / 100;
const log = (msg: string) => console.error(`[indicators ${new Date().toISOString().slice(11, 19)}] ${msg}`);

const DAYS_PER_EMPLOYEE = 20;
const AGREEMENT_PERCENT = 35;
const EMPLOYEES_PER_OFFICE = 40;
/** Bytes per planned day on disk, heap and three indexes included, plus WAL and roll-ups (measured ~ 230). */
const BYTES_PER_ROW = 300;
const KEEP_NAME = 'agilepa_bench_indicators';
const SETTING = 'bench_indicators';

/** Free space where PostgreSQL keeps its data (df), in bytes; null if it cannot be read. */
async function freeBytes(client: pg.Client): Promise<{ bytes: number | null; where: string }> {
  let where = '/';
  try {
    where = (await client.query<{ d: string }>(`select setting as d from pg_settings where name = 'data_directory'`)).rows[0].d;
  } catch {
    /* not a superuser: the root file system is the best guess */
  }
  for (const dir of [where, path.dirname(where), '/']) {
    const df = spawnSync('df', ['-Pk', dir], { encoding: 'utf8' });
    const line = df.status === 0 ? df.stdout.trim().split('\n')[1] : undefined;
    if (line) return { bytes: Number(line.split(/\s+/)[3]) * 1024, where: dir };
  }
  return { bytes: null, where };
}

/** The weekdays of the month, first DAYS_PER_EMPLOYEE of them (a synthetic working month). */
function planDays(month: string): string[] {
  return daysOfMonth(month).filter((d) => isoWeekday(d) <= 5).slice(0, DAYS_PER_EMPLOYEE);
}

async function load(url: string, employees: number, month: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const times: Record<string, number> = {};
  const step = async (name: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const r = await c.query(sql, params);
    times[name] = (times[name] ?? 0) + (performance.now() - t0) / 1000;
    log(`${name}: ${r.rowCount ?? 0} rows, ${Math.round(times[name])} s`);
    return r;
  };
  try {
    await c.query(`set maintenance_work_mem = '1GB'; set work_mem = '256MB'; set synchronous_commit = off`);
    // no triggers, no foreign key checks: the rows are consistent by construction, marks come after
    await c.query(`set session_replication_role = replica`);
    // the bodies, ranked (regions, metropolitan cities, provinces, then municipalities in a fixed
    // pseudo-random order) with a Zipf-like size: a few bodies of tens of thousands, most of tens
    await step(
      'bodies',
      `create unlogged table bench_bodies as
       with b as (
         select id, row_number() over (order by case kind when 'region' then 0 when 'metropolitan_city' then 1 when 'province' then 2 else 3 end,
                                                md5(id::text)) as r
           from organizations where kind in ('region', 'metropolitan_city', 'province', 'municipality')
       ), w as (select id, r, power(r, -0.8) as w from b)
       select id as organization_id, r::int as ord,
              greatest(3, round($1::float8 * w / sum(w) over ()))::int as employees
         from w`,
      [employees],
    );
    await c.query(`alter table bench_bodies add column offices integer; update bench_bodies set offices = greatest(1, ceil(employees / ${EMPLOYEES_PER_OFFICE}.0))`);
    await step(
      'offices',
      `insert into rw_offices (organization_id, code, name)
       select organization_id, 'U' || k, 'Ufficio ' || k from bench_bodies, generate_series(0, offices - 1) as k`,
    );
    await step(
      'employees',
      `insert into rw_employees (organization_id, office_id, tax_code, first_name, last_name)
       select b.organization_id, o.id, 'BENCH' || lpad(e::text, 11, '0'), 'Nome', 'Cognome'
         from bench_bodies b cross join lateral generate_series(1, b.employees) as e
         join rw_offices o on o.organization_id = b.organization_id and o.code = 'U' || (e % b.offices)`,
    );
    await c.query(`analyze rw_employees`);
    // agreements of ~35% of the employees, registered, started in the last two months, open-ended
    await step(
      'agreements',
      `insert into rw_agreements (organization_id, employee_id, status, starts_on, max_remote_per_week, registered_at)
       select organization_id, id, 'registered', $1::date - (abs(hashtext(id::text || 's')) % 60), 2, now()
         from rw_employees where abs(hashtext(id::text)) % 100 < ${AGREEMENT_PERCENT}`,
      [`${month}-01`],
    );
    // the planned days, without the table's indexes (kept aside and rebuilt after)
    const idx = await c.query<{ name: string; def: string; constraint: boolean }>(
      `select i.relname as name, coalesce(pg_get_constraintdef(con.oid), pg_get_indexdef(i.oid)) as def, con.oid is not null as constraint
         from pg_index x join pg_class i on i.oid = x.indexrelid
         left join pg_constraint con on con.conindid = x.indexrelid and con.conrelid = x.indrelid
        where x.indrelid = 'rw_plan_days'::regclass`,
    );
    for (const i of idx.rows) await c.query(i.constraint ? `alter table rw_plan_days drop constraint ${i.name}` : `drop index ${i.name}`);
    const days = planDays(month);
    const chunks = 8;
    const bodies = Number((await c.query<{ n: number }>(`select count(*)::int as n from bench_bodies`)).rows[0].n);
    for (let k = 0; k < chunks; k++) {
      // ~4 remote days in 10 for people with an agreement, ~5% absences, the rest on site; body
      // by body, as the planner writes them (a body's month is one run)
      await step(
        'planDays',
        `insert into rw_plan_days (employee_id, organization_id, office_id, day, kind)
         select e.id, e.organization_id, e.office_id, d.day,
                case when h.v < 5 then 'absent'
                     when abs(hashtext(e.id::text)) % 100 < ${AGREEMENT_PERCENT} and h.v < 45 then 'remote'
                     else 'onsite' end
           from bench_bodies b
           join rw_employees e on e.organization_id = b.organization_id
           cross join unnest($1::date[]) as d(day)
           cross join lateral (select abs(hashtext(e.id::text || d.day::text)) % 100 as v) h
          where b.ord > $2 * ${k} and b.ord <= $2 * ${k + 1}
          order by b.ord, e.id, d.day`,
        [days, Math.ceil(bodies / chunks)],
      );
    }
    for (const i of idx.rows) {
      await step(
        `index ${i.name}`,
        i.constraint ? `alter table rw_plan_days add constraint ${i.name} ${i.def}` : i.def,
      );
    }
    await c.query(`set session_replication_role = origin`);
    await step('analyze', `analyze`);
    // the marks the triggers would have left (the same statements as migration 0016's backfill)
    await step(
      'marks',
      `insert into rw_ind_dirty (organization_id, month)
       select organization_id, $1::date from bench_bodies
       union
       select distinct a.organization_id, m.month from rw_agreements a
         cross join lateral rw_ind_agreement_months(a.organization_id, a.starts_on, least(a.ends_on, a.withdrawal_effective_on)) as m(month)
        where a.registered_at is not null and a.status in ('registered', 'withdrawn', 'expired')`,
      [`${month}-01`],
    );
    await c.query(`drop table bench_bodies`);
  } finally {
    await c.end();
  }
  return times;
}

/** The initial build of the roll-ups: the refresh job itself, run until nothing is marked (resumable). */
async function build(db: Db): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const r = await refreshIndicators(db, { timeBudgetMs: 120_000, batch: 5000 });
    log(`initial build: ${r.slices} slices in ${Math.round(r.ms / 1000)} s, ${r.remaining} left`);
    if (r.remaining === 0) break;
  }
  await db.query(`analyze`);
  return (performance.now() - t0) / 1000;
}

interface Timing {
  p50: number;
  p95: number;
  p99: number;
}

async function measure(n: number, fn: (i: number) => Promise<unknown>): Promise<Timing> {
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return { p50: r2(percentile(t, 50)), p95: r2(percentile(t, 95)), p99: r2(percentile(t, 99)) };
}

async function main() {
  const keep = flag('keep');
  const iterations = Number(arg('iterations', '2000'));
  const stalenessSamples = Number(arg('staleness', '3'));
  let employees = Number(arg('employees', '3200000'));
  const adminUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
  const dbName = keep ? KEEP_NAME : `agilepa_bench_ind_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const url = new URL(adminUrl);
  url.pathname = `/${dbName}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'agilepa-bench-'));
  let db: Db | null = null;
  let generated = false;
  try {
    const exists = (await admin.query(`select 1 from pg_database where datname = $1`, [dbName])).rowCount! > 0;
    if (!exists) await admin.query(`create database ${dbName}`);
    db = await openDb({ databaseUrl: url.toString(), poolSize: 10 });
    await prepareDatabase(db);
    type Saved = { phase: 'loaded' | 'built'; requested: number; month: string; times: Record<string, number>; scaledDown: boolean; freeGB: number | null; employees?: number; rows?: number; resumed?: boolean };
    const readSaved = async () => (await db!.query<{ value: Saved }>(`select value from platform_settings where key = $1`, [SETTING])).rows[0]?.value;
    const save = (v: Saved) => db!.query(`insert into platform_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`, [SETTING, JSON.stringify(v)]);
    let saved = await readSaved();
    const requested = employees;
    if (saved && saved.requested !== requested) throw new Error(`${dbName} holds a different size (${saved.requested}): drop it first (dropdb ${dbName})`);

    if (!saved) {
      // disk: what the rows need against what is free
      const free = await freeBytes(admin);
      const needed = employees * DAYS_PER_EMPLOYEE * BYTES_PER_ROW;
      log(`free disk at ${free.where}: ${free.bytes === null ? 'unknown' : `${(free.bytes / 2 ** 30).toFixed(1)} GiB`}, needed ~${(needed / 2 ** 30).toFixed(1)} GiB`);
      let scaledDown = false;
      if (free.bytes !== null && free.bytes * 0.8 < needed) {
        employees = Math.floor((free.bytes * 0.8) / (DAYS_PER_EMPLOYEE * BYTES_PER_ROW));
        scaledDown = true;
        log(`only ${(free.bytes / 2 ** 30).toFixed(1)} GiB free at ${free.where}: scaled down to ${employees} employees`);
      }
      const month = currentMonth();
      const times = await load(url.toString(), employees, month);
      saved = { phase: 'loaded', requested, month, times, scaledDown, freeGB: free.bytes === null ? null : r2(free.bytes / 2 ** 30) };
      await save(saved);
      generated = true;
    }
    if (saved.phase === 'loaded') {
      // a load interrupted during the initial build resumes it: the marks left are the work left
      if (!generated) log(`resuming the initial build of ${dbName}`);
      const seconds = await build(db);
      saved = {
        ...saved,
        phase: 'built',
        resumed: saved.resumed || !generated,
        times: { ...saved.times, initialBuild: (saved.times.initialBuild ?? 0) + seconds },
        employees: Number((await db.query<{ n: number }>(`select count(*) as n from rw_employees`)).rows[0].n),
        rows: Number((await db.query<{ n: number }>(`select count(*) as n from rw_plan_days`)).rows[0].n),
      };
      await save(saved);
    } else log(`reusing ${dbName}: ${saved.rows} planned days of ${saved.month}, generated earlier`);
    const info = saved as Saved & { employees: number; rows: number };
    const month = info.month;

    // the bodies to ask: the 5 largest and 195 others spread over the sizes
    const bodies = (
      await db.query<{ organization_id: string; headcount: number }>(
        `select organization_id, headcount from rw_ind_org_heads order by headcount desc, organization_id`,
      )
    ).rows;
    const sample = [...bodies.slice(0, 5), ...Array.from({ length: 195 }, (_, i) => bodies[Math.floor(((i + 1) * bodies.length) / 196)])];
    const hr = (organizationId: string): AuthContext => ({
      userId: crypto.randomUUID(),
      email: 'bench@agilepa.example',
      displayName: 'Bench',
      organizationId,
      roles: ['hr_manager'],
      via: 'session',
    });
    const auths = sample.map((b) => hr(b.organization_id));
    const lombardy = (await db.query<{ id: string }>(`select id from organizations where kind = 'region' and region_code = '03'`)).rows[0].id;
    const officerEmail = `bench-officer-${Date.now().toString(36)}@agilepa.example`;
    const officerUser = await createUser(db, { email: officerEmail, displayName: 'Bench', password: 'bench-password-123', organizationId: lombardy, roles: ['region_officer'] }, systemActor('bench'));
    const officer: AuthContext = { ...hr(lombardy), userId: officerUser.id, roles: ['region_officer'] };

    // warm-up, then 3 runs of each, medians
    await measure(200, (i) => showBodyIndicators(db!, auths[i % auths.length], { month }));
    await measure(50, () => showTerritoryIndicators(db!, auths[0], 'nation', null, { month }));
    const bodyRuns: Timing[] = [];
    const nationRuns: Timing[] = [];
    const regionRuns: Timing[] = [];
    const bodiesRuns: Timing[] = [];
    for (let run = 0; run < 3; run++) {
      bodyRuns.push(await measure(iterations, (i) => showBodyIndicators(db!, auths[i % auths.length], { month })));
      nationRuns.push(await measure(Math.max(100, iterations / 4), () => showTerritoryIndicators(db!, auths[run], 'nation', null, { month })));
      regionRuns.push(await measure(Math.max(100, iterations / 4), () => showTerritoryIndicators(db!, auths[run], 'region', '03', { month })));
      bodiesRuns.push(await measure(Math.max(100, iterations / 10), () => listTerritoryBodyIndicators(db!, officer, 'region', '03', { month, page: 1, pageSize: 50 })));
      log(`run ${run + 1}: body p95 ${bodyRuns[run].p95} ms, national p95 ${nationRuns[run].p95} ms`);
    }
    const nationCheck = await showTerritoryIndicators(db, auths[0], 'nation', null, { month });
    const largest = await showBodyIndicators(db, auths[0], { month });

    // staleness: the instance's worker with the module's schedules (refresh every minute);
    // a body's planned days change; how long until the roll-up shows it
    const config = loadConfig({ ...process.env, DATABASE_URL: url.toString(), LOG_LEVEL: 'silent', JOBS: 'on', DATA_DIR: dataDir, NODE_ENV: 'production' });
    const mailer = createMailer(config);
    const jobs = moduleJobs({ config, db, mailer });
    const quiet = { info: () => undefined, warn: (m: string) => log(m), error: (m: string) => log(m) };
    const worker = await startPlatformWorker({ config, db, mailer, handlers: jobs.handlers, schedules: jobs.schedules, logger: quiet, pollMs: 500 });
    const staleness: number[] = [];
    const refreshMs: number[] = [];
    try {
      for (let s = 0; s < stalenessSamples; s++) {
        const b = sample[10 + s * 7];
        const before = (await db.query<{ remote: number }>(`select remote from rw_ind_org_months where organization_id = $1 and month = $2`, [b.organization_id, `${month}-01`])).rows[0]?.remote ?? 0;
        // wait a random part of a minute, so the change does not always land just before a slot
        await new Promise((r) => setTimeout(r, Math.floor(Math.random() * 30_000)));
        const changed = await db.tx({ organizationId: b.organization_id }, async (tx) => {
          const r = await tx.query(
            `update rw_plan_days set kind = 'remote' where (employee_id, day) in (
               select employee_id, day from rw_plan_days where organization_id = $1 and day >= $2 and day < ($2::date + interval '1 month') and kind = 'onsite' limit 20)`,
            [b.organization_id, `${month}-01`],
          );
          return r.rowCount;
        });
        const t0 = performance.now();
        for (;;) {
          const now = (await db.query<{ remote: number }>(`select remote from rw_ind_org_months where organization_id = $1 and month = $2`, [b.organization_id, `${month}-01`])).rows[0]?.remote ?? 0;
          if (now === before + changed) break;
          if (performance.now() - t0 > 600_000) throw new Error('the roll-up did not catch up in 10 minutes');
          await new Promise((r) => setTimeout(r, 200));
        }
        staleness.push((performance.now() - t0) / 1000);
        log(`staleness sample ${s + 1}: ${staleness[s].toFixed(1)} s (${changed} days changed in a body of ${b.headcount})`);
      }
    } finally {
      await worker.stop();
    }
    // one refresh run for a single change, timed on its own (the work per minute of a quiet instance)
    for (const b of [sample[0], sample[100]]) {
      await db.tx({ organizationId: b.organization_id }, (tx) =>
        tx.query(`update rw_plan_days set kind = case kind when 'remote' then 'onsite' else kind end where organization_id = $1 and day = $2`, [b.organization_id, planDays(month)[0]]),
      );
      const r = await refreshIndicators(db);
      refreshMs.push(r.ms);
    }
    const backlog = await indicatorBacklog(db);
    const sizes = (await db.query<{ t: string; bytes: number }>(
      `select relname as t, pg_total_relation_size(oid) as bytes from pg_class where relname in ('rw_plan_days', 'rw_ind_office_days', 'rw_ind_org_days', 'rw_ind_org_months', 'rw_ind_territory_days', 'rw_ind_territory_months')`,
    )).rows;

    const result = {
      benchmark: 'indicators',
      rows: info.rows,
      bodyP95Ms: median(bodyRuns.map((r) => r.p95)),
      nationalP95Ms: median(nationRuns.map((r) => r.p95)),
      stalenessSeconds: r2(Math.max(...staleness)),
      stalenessSamplesSeconds: staleness.map(r2),
      bodyP50Ms: median(bodyRuns.map((r) => r.p50)),
      bodyP99Ms: median(bodyRuns.map((r) => r.p99)),
      nationalP50Ms: median(nationRuns.map((r) => r.p50)),
      regionP95Ms: median(regionRuns.map((r) => r.p95)),
      regionBodiesP95Ms: median(bodiesRuns.map((r) => r.p95)),
      bodyRunsP95Ms: bodyRuns.map((r) => r.p95),
      nationalRunsP95Ms: nationRuns.map((r) => r.p95),
      iterations,
      refreshRunMs: refreshMs,
      backlogAfter: backlog.slices,
      employees: info.employees,
      bodies: bodies.length,
      offices: Number((await db.query<{ n: number }>(`select count(*) as n from rw_offices`)).rows[0].n),
      agreements: Number((await db.query<{ n: number }>(`select count(*) as n from rw_agreements`)).rows[0].n),
      largestBody: { headcount: largest.headcount, offices: largest.offices.length },
      national: { headcount: nationCheck.headcount, agreementSharePercent: nationCheck.summary.agreementSharePercent, remoteSharePercent: nationCheck.summary.remoteSharePercent },
      month,
      scaledDown: info.scaledDown,
      requestedEmployees: info.requested,
      freeDiskGB: info.freeGB,
      generatedNow: generated,
      buildResumed: !!info.resumed,
      loadSeconds: Object.fromEntries(Object.entries(info.times).map(([k, v]) => [k, Math.round(v)])),
      sizesMB: Object.fromEntries(sizes.map((s) => [s.t, Math.round(Number(s.bytes) / 2 ** 20)])),
      kept: keep ? dbName : null,
      machine: machine(),
      date: new Date().toISOString(),
    };
    console.log(JSON.stringify(result));
  } finally {
    await db?.close().catch(() => undefined);
    if (!keep) await admin.query(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
    await admin.end();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
