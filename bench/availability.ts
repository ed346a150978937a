/**
 * Availability benchmark (PostgreSQL): one platform of capacity 250 holding 100,000 bookings over
 * five years (from two years ago to three years ahead: about 80 bookings per working day, so a
 * calendar month holds about 1,600), inserted in bulk in the order they would have been made (up
 * to 90 days before they start, so a month's bookings lie scattered in the table). Then a month's availability (the timeline
 * {start, end, used, free} of a random calendar month, Europe/Rome) is asked many times:
 *   - through the use case (`showAvailability`, one transaction as a member body): p50Ms, p99Ms,
 *     and the CPU per call of this process (cpuMsPerCall) and of the database (dbCpuMsPerCall);
 *   - through HTTP (`GET /api/v1/conference-platforms/{id}/availability`, API token, one request
 *     at a time): httpP50Ms, httpP99Ms;
 *   - the loads query inside the database (conference_platform_loads_json, EXPLAIN ANALYZE
 *     execution time): dbP50Ms, dbP99Ms.
 *
 *   npm run bench -- availability [--bookings 100000] [--runs 500] [--keep]
 *
 * The bookings are generated so that no instant exceeds the capacity (quarter hours 08:00–20:00
 * on working days, 15 min–2 h, 1–40 connections, a candidate that would overflow is drawn again).
 * DATABASE_URL as for the other PostgreSQL benchmarks; a fresh database is created and dropped
 * (`--keep` keeps it and prints its URL and the platform, to look at plans with EXPLAIN ANALYZE).
 * Prints one JSON object last.
 */
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { showAvailability } from '../src/modules/conferencing/bookings/show-availability.js';
import { addDays } from '../src/platform/calendar/rome.js';
import { isItalianHoliday } from '../src/platform/calendar/working-days.js';
import { rome } from '../src/modules/conferencing/conferencing.test-support.js';
import { arg, cpuBetween, databaseCpuSeconds, freshDatabase, listenApp, machine, percentile, round2 } from './lib/pg-bench.js';
import { addPlatform, peakUsed, setUpBodies } from './lib/conferencing.js';
import { rng } from './lib/planner-instances.js';

const CAPACITY = 250;
const YEARS = 5;
const KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'];

interface Generated {
  start: number[];
  end: number[];
  connections: number[];
}

/** `count` bookings spread evenly over the working days of [firstDate, firstDate + YEARS years), never over the capacity. */
function generate(count: number, firstDate: string, random: () => number): Generated {
  const days: string[] = [];
  const lastDate = `${Number(firstDate.slice(0, 4)) + YEARS}${firstDate.slice(4)}`;
  for (let d = firstDate; d < lastDate; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6 && !isItalianHoliday(d)) days.push(d);
  }
  const out: Generated = { start: [], end: [], connections: [] };
  const quarter = (date: string, q: number) => Date.parse(rome(date, `${String(8 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`));
  days.forEach((date, i) => {
    const want = Math.floor(((i + 1) * count) / days.length) - Math.floor((i * count) / days.length);
    const used = new Array<number>(48).fill(0);
    const starts = Array.from({ length: 49 }, (_, q) => quarter(date, q));
    for (let made = 0, tries = 0; made < want && tries < want * 50; tries++) {
      const q = Math.floor(random() * 47);
      const len = 1 + Math.floor(random() * Math.min(8, 48 - q));
      const c = 1 + Math.floor(random() * 40);
      let fits = true;
      for (let k = q; k < q + len; k++) if (used[k] + c > CAPACITY) fits = false;
      if (!fits) continue;
      for (let k = q; k < q + len; k++) used[k] += c;
      out.start.push(starts[q]);
      out.end.push(starts[q + len]);
      out.connections.push(c);
      made++;
    }
  });
  return out;
}

async function main() {
  const count = Number(arg('bookings', '100000'));
  const runs = Number(arg('runs', '500'));
  const fresh = await freshDatabase(20);
  const { db } = fresh;
  let app: Awaited<ReturnType<typeof listenApp>>['app'] | null = null;
  let platformIdForKeep = '';
  try {
    const setup = await setUpBodies(db);
    const platformId = await addPlatform(db, setup, 'Piattaforma con cinque anni di prenotazioni', CAPACITY, 1000);
    platformIdForKeep = platformId;
    const now = new Date();
    const firstDate = `${now.getUTCFullYear() - 2}-${String(now.getUTCMonth() + 1).padStart(2, '0')}-01`;
    const t0 = performance.now();
    const random0 = rng(20261125);
    const g = generate(count, firstDate, random0);
    if (g.start.length !== count) throw new Error(`generated ${g.start.length} bookings instead of ${count}`);
    // stored in the order they would have been made (up to 90 days before they start), so that a
    // month's bookings are spread over the table as in real use, not packed together
    const madeAt = g.start.map((s) => s - random0() * 90 * 86_400_000);
    const order = madeAt.map((_, i) => i).sort((a, b) => madeAt[a] - madeAt[b]);
    const CHUNK = 10_000;
    for (let i = 0; i < count; i += CHUNK) {
      const n = Math.min(CHUNK, count - i);
      const idx = order.slice(i, i + n);
      await db.ownerTx((tx) =>
        tx.query(
          `insert into bookings (id, platform_id, organization_id, title, kind, starts_at, ends_at, expected_connections,
             organiser_name, organiser_email, status)
           select id, $1, org, 'Riunione ' || n, kind, to_timestamp(s / 1000.0), to_timestamp(e / 1000.0), c,
                  'Organizzatore', 'organizzatore@example.it', 'accepted'
             from unnest($2::uuid[], $3::uuid[], $4::int[], $5::text[], $6::float8[], $7::float8[], $8::int[]) as t(id, org, n, kind, s, e, c)`,
          [
            platformId,
            idx.map(() => randomUUID()),
            idx.map((j) => setup.members[j % setup.members.length].organizationId),
            idx,
            idx.map((j) => KINDS[j % KINDS.length]),
            idx.map((j) => g.start[j]),
            idx.map((j) => g.end[j]),
            idx.map((j) => g.connections[j]),
          ],
        ),
      );
    }
    await db.query('vacuum analyze bookings');
    const insertSeconds = round2((performance.now() - t0) / 1000);
    const peak = await peakUsed(db, platformId);
    if (peak > CAPACITY) throw new Error(`generated load peaks at ${peak} > ${CAPACITY}`);

    // the calendar months wholly inside the five years, as Rome-local [first day 00:00, next first day 00:00)
    const months: { from: number; to: number; label: string }[] = [];
    for (let m = 1; m < YEARS * 12 - 1; m++) {
      const y = Number(firstDate.slice(0, 4)) + Math.floor((Number(firstDate.slice(5, 7)) - 1 + m) / 12);
      const mm = ((Number(firstDate.slice(5, 7)) - 1 + m) % 12) + 1;
      const next = mm === 12 ? `${y + 1}-01-01` : `${y}-${String(mm + 1).padStart(2, '0')}-01`;
      const label = `${y}-${String(mm).padStart(2, '0')}-01`;
      months.push({ from: Date.parse(rome(label, '00:00')), to: Date.parse(rome(next, '00:00')), label });
    }
    const random = rng(7);
    const pick = () => months[Math.floor(random() * months.length)];
    const member = setup.members[0];
    const monthCounts = await db.query<{ n: number }>(
      `select count(*)::int as n from bookings where platform_id = $1 and starts_at < $3 and ends_at > $2`,
      [platformId, new Date(months[12].from).toISOString(), new Date(months[12].to).toISOString()],
    );

    // 1. the use case (with the CPU it costs here and in the database's server processes)
    const useCase: number[] = [];
    let segments = 0;
    let cpuBefore = process.cpuUsage();
    let dbBefore = await databaseCpuSeconds(db);
    for (let i = 0; i < runs + 50; i++) {
      if (i === 50) {
        cpuBefore = process.cpuUsage();
        dbBefore = await databaseCpuSeconds(db);
      }
      const m = pick();
      const t = performance.now();
      const timeline = await showAvailability(db, member.auth, platformId, m.from, m.to);
      const ms = performance.now() - t;
      if (i >= 50) {
        useCase.push(ms);
        segments += timeline.length;
      }
    }
    const cpu = process.cpuUsage(cpuBefore);
    const dbCpu = cpuBetween(dbBefore, await databaseCpuSeconds(db));
    useCase.sort((a, b) => a - b);

    // 2. the loads query inside the database
    const dbTimes: number[] = [];
    for (let i = 0; i < runs + 50; i++) {
      const m = pick();
      const r = await db.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
        `explain (analyze, format json) select conference_platform_loads_json($1, $2, $3, null)`,
        [platformId, new Date(m.from).toISOString(), new Date(m.to).toISOString()],
      );
      if (i >= 50) dbTimes.push(r.rows[0]['QUERY PLAN'][0]['Execution Time']);
    }
    dbTimes.sort((a, b) => a - b);

    // 3. HTTP, one request at a time
    const listening = await listenApp(fresh);
    app = listening.app;
    const { base } = listening;
    const http: number[] = [];
    let bytes = 0;
    for (let i = 0; i < runs + 50; i++) {
      const m = pick();
      const url = `${base}/api/v1/conference-platforms/${platformId}/availability?from=${encodeURIComponent(new Date(m.from).toISOString())}&to=${encodeURIComponent(new Date(m.to).toISOString())}`;
      const t = performance.now();
      const res = await fetch(url, { headers: { authorization: `Bearer ${member.token}` } });
      const body = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`availability answered ${res.status}: ${body.slice(0, 300)}`);
      if (i >= 50) {
        http.push(ms);
        bytes += body.length;
      }
    }
    http.sort((a, b) => a - b);

    console.log(
      JSON.stringify({
        benchmark: 'availability',
        bookings: count,
        horizon: `${firstDate} + ${YEARS} years, working days 08:00-20:00 Europe/Rome`,
        bookingsInAMonth: monthCounts.rows[0].n,
        capacity: CAPACITY,
        peakUsed: peak,
        runs,
        p50Ms: round2(percentile(useCase, 50)),
        p99Ms: round2(percentile(useCase, 99)),
        segmentsPerMonth: Math.round(segments / runs),
        cpuMsPerCall: round2((cpu.user + cpu.system) / 1000 / runs),
        dbCpuMsPerCall: round2((dbCpu * 1000) / runs),
        httpP50Ms: round2(percentile(http, 50)),
        httpP99Ms: round2(percentile(http, 99)),
        httpBytesPerMonth: Math.round(bytes / runs),
        dbP50Ms: round2(percentile(dbTimes, 50)),
        dbP99Ms: round2(percentile(dbTimes, 99)),
        insertSeconds,
        loadAverage: os.loadavg().map((x) => round2(x)),
        machine: machine(),
        date: new Date().toISOString(),
      }),
    );
  } finally {
    if (app) await app.close().catch(() => undefined);
    if (process.argv.includes('--keep')) {
      console.error(`kept: ${fresh.url} platform ${platformIdForKeep}`);
      await fresh.db.close();
      process.exit(0);
    }
    await fresh.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
