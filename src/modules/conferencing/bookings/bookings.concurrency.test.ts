/**
 * The capacity rule under concurrency: many clients book one platform at the same time through
 * the use case, then an independent SQL sweep over every booking boundary checks that no instant
 * exceeds the capacity and that the answers match what is stored. On PostgreSQL: 50 connections,
 * 50 concurrent clients, 2,000 attempts. On PGlite (one connection): a smaller serial run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { backend, createTestDb } from '../../../../test/helpers.js';
import { createUser, organizationId } from '../../../../test/auth-helpers.js';
import type { Db } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { AppError } from '../../../platform/http/errors.js';
import { createOrganization } from '../../organizations/create-organization.js';
import { addDays } from '../../../platform/calendar/rome.js';
import { createPlatform } from '../platforms/create-platform.js';
import { createBooking } from './create-booking.js';
import { updateBooking } from './update-booking.js';
import { cancelBooking } from './cancel-booking.js';
import { rome, workingDayAfter } from '../conferencing.test-support.js';

const onPg = backend() === 'postgresql';
const CLIENTS = onPg ? 50 : 1;
const ATTEMPTS = onPg ? 2000 : 150;
const CAPACITY = 250;

let db: Db;
let platformId: string;
const bodies: AuthContext[] = [];

function authOf(u: { id: string; email: string }, organizationId: string, roles: AuthContext['roles']): AuthContext {
  return { userId: u.id, email: u.email, displayName: u.email, organizationId, roles, via: 'session' };
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

beforeAll(async () => {
  db = await createTestDb({ poolSize: 50 });
  const aglie = await organizationId(db, '001001');
  const adminUser = await createUser(db, { organizationId: aglie, roles: ['platform_admin'] });
  const admin = authOf(adminUser, aglie, ['platform_admin']);
  const assoc = await createOrganization(db, admin, { kind: 'association', name: 'Associazione per la prova di concorrenza' });
  const codes = ['001001', '001002', '001003', '001004', '001006'];
  const memberIds: string[] = [];
  for (const code of codes) {
    const org = await organizationId(db, code);
    memberIds.push(org);
    bodies.push(authOf(await createUser(db, { organizationId: org, roles: ['employee'] }), org, ['employee']));
  }
  const every = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['08:00', '20:00']] as [string, string][]]));
  const p = await createPlatform(db, admin, { operatorId: assoc.id, name: 'Piattaforma sotto carico', capacity: CAPACITY, memberIds, openingHours: every, openOnHolidays: true });
  platformId = p.id;
}, 60_000);
afterAll(async () => db?.close());

describe('capacity under concurrency', () => {
  it(`never exceeds the capacity with ${CLIENTS} concurrent clients and ${ATTEMPTS} attempts`, async () => {
    const random = rng(20261125);
    const firstDay = workingDayAfter(5);
    const attempts = Array.from({ length: ATTEMPTS }, (_, i) => {
      const date = addDays(firstDay, Math.floor(random() * 2));
      const startQ = Math.floor(random() * 40); // quarter hours after 08:00
      const lengthQ = 1 + Math.floor(random() * Math.min(12, 48 - startQ));
      const hhmm = (q: number) => `${String(8 + Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
      return {
        auth: bodies[i % bodies.length],
        input: {
          platformId,
          title: `attempt-${i}`,
          kind: 'meeting' as const,
          start: rome(date, hhmm(startQ)),
          end: rome(date, hhmm(startQ + lengthQ)),
          expectedConnections: 1 + Math.floor(random() * 80),
          organiserName: 'Prova',
          organiserEmail: 'prova@example.it',
        },
      };
    });
    const answers: ({ accepted: string } | { refused: string })[] = new Array(ATTEMPTS);
    let next = 0;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ATTEMPTS) {
          const i = next++;
          try {
            answers[i] = { accepted: (await createBooking(db, attempts[i].auth, attempts[i].input)).id };
          } catch (err) {
            if (!(err instanceof AppError)) throw err;
            answers[i] = { refused: err.code };
          }
        }
      }),
    );
    const elapsedMs = Date.now() - started;
    const accepted = answers.filter((a): a is { accepted: string } => 'accepted' in a);
    const refused = answers.filter((a): a is { refused: string } => 'refused' in a);
    expect(new Set(refused.map((r) => r.refused))).toEqual(new Set(['booking.capacity_exceeded']));
    expect(accepted.length).toBeGreaterThan(50);
    expect(refused.length).toBeGreaterThan(50);

    // independent check: the use at every booking boundary, summed in SQL over accepted bookings
    const sweep = await db.query<{ at: Date; used: number }>(
      `with b as (select starts_at, ends_at, expected_connections as c from bookings where platform_id = $1 and status = 'accepted'),
            p as (select starts_at as at from b union select ends_at from b)
       select p.at, coalesce((select sum(b.c) from b where b.starts_at <= p.at and b.ends_at > p.at), 0)::int as used
         from p order by used desc limit 1`,
      [platformId],
    );
    const peakUsed = sweep.rows[0].used;
    expect(peakUsed).toBeLessThanOrEqual(CAPACITY);
    expect(peakUsed).toBeGreaterThan(CAPACITY - 80); // the platform was really filled

    const stored = await db.query<{ id: string; title: string; status: string; c: number }>(
      `select id, title, status, expected_connections as c from bookings where platform_id = $1`,
      [platformId],
    );
    expect(stored.rows.every((r) => r.status === 'accepted')).toBe(true);
    const byId = new Map(stored.rows.map((r) => [r.id, r]));
    expect(stored.rows.length).toBe(accepted.length);
    answers.forEach((a, i) => {
      if ('accepted' in a) {
        expect(byId.get(a.accepted)).toMatchObject({ title: `attempt-${i}`, c: attempts[i].input.expectedConnections });
      }
    });
    const storedTitles = new Set(stored.rows.map((r) => r.title));
    answers.forEach((a, i) => {
      if ('refused' in a) expect(storedTitles.has(`attempt-${i}`)).toBe(false);
    });
    // a refusal decided under the locks rolls back the booking it had inserted, its mail and its audit entry
    const mails = await db.query<{ n: number }>(`select count(*)::int as n from jobs where type = 'mail.send' and payload::text like '%attempt-%'`);
    expect(mails.rows[0].n).toBe(accepted.length);
    const audit = await db.query<{ n: number; orphans: number }>(
      `select count(*)::int as n, count(*) filter (where not exists (select 1 from bookings b where b.id::text = a.entity_id::text))::int as orphans
         from audit_log a where a.action = 'booking.create' and a.entity_id::text = any($1::text[])`,
      [accepted.map((a) => a.accepted)],
    );
    expect(audit.rows[0]).toEqual({ n: accepted.length, orphans: 0 });
    const allCreated = await db.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'booking.create'`);
    expect(allCreated.rows[0].n).toBe(accepted.length);
    console.log(JSON.stringify({ backend: backend(), clients: CLIENTS, attempts: ATTEMPTS, accepted: accepted.length, refused: refused.length, capacity: CAPACITY, peakUsed, elapsedMs }));
  }, 240_000);

  it('stays within the capacity while bookings are changed and cancelled concurrently', async () => {
    const random = rng(7);
    const rows = await db.query<{ id: string; organization_id: string }>(`select id, organization_id from bookings where platform_id = $1 and status = 'accepted'`, [platformId]);
    const ops = rows.rows.map((r) => ({ id: r.id, auth: bodies.find((b) => b.organizationId === r.organization_id)!, kind: random() < 0.3 ? 'cancel' : 'grow', by: 1 + Math.floor(random() * 60) }));
    const counts = { changed: 0, cancelled: 0, refused: 0 };
    let next = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (next < ops.length) {
          const op = ops[next++];
          try {
            if (op.kind === 'cancel') {
              await cancelBooking(db, op.auth, op.id);
              counts.cancelled++;
            } else {
              const current = await db.query<{ c: number }>(`select expected_connections as c from bookings where id = $1`, [op.id]);
              await updateBooking(db, op.auth, op.id, { expectedConnections: Math.min(CAPACITY, current.rows[0].c + op.by) });
              counts.changed++;
            }
          } catch (err) {
            if (!(err instanceof AppError) || err.code !== 'booking.capacity_exceeded') throw err;
            counts.refused++;
          }
        }
      }),
    );
    expect(counts.cancelled).toBeGreaterThan(0);
    expect(counts.refused).toBeGreaterThan(0);
    const sweep = await db.query<{ used: number }>(
      `with b as (select starts_at, ends_at, expected_connections as c from bookings where platform_id = $1 and status = 'accepted'),
            p as (select starts_at as at from b union select ends_at from b)
       select coalesce(max((select sum(b.c) from b where b.starts_at <= p.at and b.ends_at > p.at)), 0)::int as used from p`,
      [platformId],
    );
    expect(sweep.rows[0].used).toBeLessThanOrEqual(CAPACITY);
    console.log(JSON.stringify({ backend: backend(), changes: ops.length, ...counts, peakUsed: sweep.rows[0].used }));
  }, 240_000);

  it('refuses a random id as unknown platform without writing', async () => {
    await expect(createBooking(db, bodies[0], { platformId: randomUUID(), title: 'x', kind: 'meeting', start: rome(workingDayAfter(5), '10:00'), end: rome(workingDayAfter(5), '11:00'), expectedConnections: 1, organiserName: 'x', organiserEmail: 'x@example.it' })).rejects.toMatchObject({ code: 'platform.not_found' });
  });

  it('locks the platform while a booking is being inserted without a deadlock: gate first, then rows', async () => {
    if (!onPg) {
      // one connection: the two transactions cannot interleave; the lock still answers
      expect((await db.ownerTx((tx) => tx.query<{ ok: boolean }>('select conference_platform_lock($1) as ok', [platformId]))).rows[0].ok).toBe(true);
      return;
    }
    const url = (db as Db & { url?: string }).url!;
    const creator = new pg.Client({ connectionString: url });
    const canceller = new pg.Client({ connectionString: url });
    await Promise.all([creator.connect(), canceller.connect()]);
    try {
      // the creator holds what inserting a booking holds: a KEY SHARE lock on the platform's row
      await creator.query('begin');
      await creator.query('select 1 from conference_platforms where id = $1 for key share', [platformId]);
      // the canceller has the gate; the creator's admission now waits for it
      await canceller.query('begin');
      await canceller.query('select pg_advisory_xact_lock(conference_platform_gate($1))', [platformId]);
      const admission = Promise.allSettled([creator.query('select pg_advisory_xact_lock_shared(conference_platform_gate($1))', [platformId])]);
      await new Promise((r) => setTimeout(r, 100));
      // then the canceller locks the platform's row: it must not wait for the creator's KEY SHARE
      const locked = await Promise.allSettled([canceller.query('select conference_platform_lock($1) as ok', [platformId])]);
      await canceller.query(locked[0].status === 'fulfilled' ? 'commit' : 'rollback');
      const admitted = await admission;
      await creator.query(admitted[0].status === 'fulfilled' ? 'commit' : 'rollback');
      const failure = (r: PromiseSettledResult<unknown>) => (r.status === 'rejected' ? (r.reason as { code?: string }).code : null);
      expect([failure(locked[0]), failure(admitted[0])]).toEqual([null, null]);
    } finally {
      await Promise.all([creator.end(), canceller.end()]);
    }
  });
});
