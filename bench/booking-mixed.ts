/**
 * Mixed booking benchmark (PostgreSQL): what a busy morning does to one platform, through the
 * real app over HTTP — clients that book, move their own bookings and cancel them, all at once
 * (by default 60 % creations, 20 % changes, 20 % cancellations). The run fails on any 5xx, on a
 * peak above the capacity (independent SQL sweep) or when a stored booking differs from the last
 * change acknowledged for it. Before migration 0024 a creation and a cancellation on the same
 * platform deadlocked (40P01, about a second lost each, then a retry or a 503).
 *
 *   npm run bench -- booking-mixed [--duration 15] [--connections 12] [--days 3] [--pool 20]
 *
 * DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres) names the server; a fresh
 * database is created, prepared and dropped at the end. Prints one JSON object last.
 */
import os from 'node:os';
import { arg, freshDatabase, listenApp, machine, percentile, round2 } from './lib/pg-bench.js';
import { addPlatform, peakUsed, randomBooking, setUpBodies, workingDays } from './lib/conferencing.js';
import { rng } from './lib/planner-instances.js';

const CAPACITY = 250;
type Kind = 'create' | 'change' | 'cancel';
interface Known {
  status: 'accepted' | 'cancelled';
  start: string;
  end: string;
  connections: number;
}

function fail(message: string): never {
  console.error(`BENCHMARK FAILED: ${message}`);
  process.exit(1);
}

async function main() {
  const duration = Number(arg('duration', '15'));
  const connections = Number(arg('connections', '12'));
  const dayCount = Number(arg('days', '3'));
  const poolSize = Number(arg('pool', '20'));
  const fresh = await freshDatabase(poolSize);
  const { db } = fresh;
  let app: Awaited<ReturnType<typeof listenApp>>['app'] | null = null;
  try {
    const setup = await setUpBodies(db);
    const platformId = await addPlatform(db, setup, 'Piattaforma della mattina affollata', CAPACITY);
    await db.query('analyze');
    const days = workingDays(3, dayCount);
    const listening = await listenApp(fresh);
    app = listening.app;
    const base = `${listening.base}/api/v1`;

    const known = new Map<string, Known>();
    const times: Record<Kind, number[]> = { create: [], change: [], cancel: [] };
    const answers: Record<string, number> = {};
    let serverErrors = 0;
    let n = 0;
    const until = performance.now() + duration * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        const random = rng(1000 + c);
        const member = setup.members[c % setup.members.length];
        const headers = { authorization: `Bearer ${member.token}`, 'content-type': 'application/json' };
        const mine: string[] = [];
        while (performance.now() < until) {
          const roll = random();
          const kind: Kind = mine.length === 0 || roll < 0.6 ? 'create' : roll < 0.8 ? 'change' : 'cancel';
          const t0 = performance.now();
          let res: Response;
          let id: string | null = null;
          let next: Known | null = null;
          if (kind === 'create') {
            const b = randomBooking(random, days, `mix-${c}-${n++}`);
            const body = { platformId, title: b.title, kind: b.kind, start: b.start, end: b.end, expectedConnections: b.expectedConnections, organiserName: 'Mattina', organiserEmail: 'mattina@comune.example.it' };
            res = await fetch(`${base}/bookings`, { method: 'POST', headers, body: JSON.stringify(body) });
            next = { status: 'accepted', start: b.start, end: b.end, connections: b.expectedConnections };
          } else {
            id = mine[Math.floor(random() * mine.length)];
            if (kind === 'change') {
              const b = randomBooking(random, days, 'moved');
              res = await fetch(`${base}/bookings/${id}`, { method: 'PATCH', headers, body: JSON.stringify({ start: b.start, end: b.end, expectedConnections: b.expectedConnections }) });
              next = { status: 'accepted', start: b.start, end: b.end, connections: b.expectedConnections };
            } else {
              res = await fetch(`${base}/bookings/${id}`, { method: 'DELETE', headers: { authorization: headers.authorization } });
              next = { ...known.get(id)!, status: 'cancelled' };
            }
          }
          const payload = (await res.json()) as { id?: string; code?: string };
          times[kind].push(performance.now() - t0);
          const key = `${kind} ${res.status}${res.ok ? '' : ` ${payload.code}`}`;
          answers[key] = (answers[key] ?? 0) + 1;
          if (res.status >= 500) serverErrors++;
          if (!res.ok) continue;
          const bookingId = id ?? payload.id!;
          known.set(bookingId, next!);
          if (kind === 'create') mine.push(bookingId);
          if (kind === 'cancel') mine.splice(mine.indexOf(bookingId), 1);
        }
      }),
    );
    if (serverErrors) fail(`${serverErrors} answers 5xx: ${JSON.stringify(answers)}`);
    const stored = await db.query<{ id: string; status: string; start: string; end: string; connections: number }>(
      `select id, status, starts_at as start, ends_at as end, expected_connections as connections from bookings where platform_id = $1`,
      [platformId],
    );
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    for (const [id, k] of known) {
      const row = byId.get(id);
      if (!row) fail(`acknowledged booking ${id} is not stored`);
      const same = row.status === k.status && Date.parse(String(row.start)) === Date.parse(k.start) && Date.parse(String(row.end)) === Date.parse(k.end) && row.connections === k.connections;
      if (!same) fail(`booking ${id} stored as ${JSON.stringify(row)}, last acknowledged ${JSON.stringify(k)}`);
    }
    if (stored.rows.length !== known.size) fail(`${stored.rows.length} stored bookings, ${known.size} acknowledged`);
    const peak = await peakUsed(db, platformId);
    if (peak > CAPACITY) fail(`peak used ${peak} > capacity ${CAPACITY}`);
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { answers: s.length, perSecond: round2(s.length / duration), p50Ms: round2(percentile(s, 50)), p99Ms: round2(percentile(s, 99)) };
    };
    const all = [...times.create, ...times.change, ...times.cancel];
    console.log(
      JSON.stringify({
        benchmark: 'booking-mixed',
        request: 'POST /api/v1/bookings, PATCH and DELETE /api/v1/bookings/{id} (Bearer tokens of 8 member bodies)',
        connections,
        durationSeconds: duration,
        days,
        capacity: CAPACITY,
        peakUsed: peak,
        requestsPerSecond: round2(all.length / duration),
        all: stats(all),
        create: stats(times.create),
        change: stats(times.change),
        cancel: stats(times.cancel),
        answers,
        serverErrors,
        storedBookings: stored.rows.length,
        loadAverage: os.loadavg().map((x) => round2(x)),
        machine: machine(),
        date: new Date().toISOString(),
      }),
    );
  } finally {
    if (app) await app.close().catch(() => undefined);
    await fresh.drop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
