/**
 * The shortcuts of the booking path: the suggestion windows are never narrower than the calendar
 * rules (so they change no suggestion), the fast ISO formatting equals toISOString, and a refused
 * admission neither locks nor writes while an accepted one holds the platform lock.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { backend, createTestDb } from '../../../../test/helpers.js';
import { createUser, organizationId } from '../../../../test/auth-helpers.js';
import type { Db } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { dbContext } from '../../../platform/auth/context.js';
import { bookingViolation, type BookingRules, type OpeningHours } from './booking-rules.js';
import { admit, bookableWindows, snapshotRefusal, SUGGESTION_WINDOW_MS } from './booking-capacity.js';
import { nearestFits, overflows } from './capacity.js';
import * as repo from './bookings.repo.js';
import * as platformRepo from '../platforms/platforms.repo.js';
import type { Queryable } from '../../../platform/db/index.js';
import { randomUUID } from 'node:crypto';
import { isoInstant } from './show-availability.js';
import { createPlatform } from '../platforms/create-platform.js';
import { createBooking } from './create-booking.js';
import { rome, workingDayAfter } from '../conferencing.test-support.js';
import { createOrganization } from '../../organizations/create-organization.js';

const Q = 15 * 60_000;
const DAY = 86_400_000;

const hhmm = (q: number) => `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
const windowArb = fc.tuple(fc.integer({ min: 0, max: 95 }), fc.integer({ min: 1, max: 96 })).map(([a, len]) => [hhmm(a), hhmm(Math.min(96, a + len))] as [string, string]);
const hoursArb: fc.Arbitrary<OpeningHours> = fc.dictionary(fc.constantFrom('1', '2', '3', '4', '5', '6', '7'), fc.array(windowArb, { maxLength: 2 }));
const rulesArb: fc.Arbitrary<BookingRules> = fc.record({
  capacity: fc.constant(250),
  minNoticeDays: fc.integer({ min: 0, max: 3 }),
  maxHorizonDays: fc.integer({ min: 4, max: 60 }),
  maxDurationMinutes: fc.integer({ min: 15, max: 1440 }),
  openingHours: hoursArb,
  openOnHolidays: fc.boolean(),
});
// "now" around the clock changes of 2026 and 2027 (last Sundays of March and October) and Christmas
const nowArb = fc.constantFrom('2026-03-20T09:00:00Z', '2026-10-20T21:30:00Z', '2026-12-20T12:00:00Z', '2027-03-25T23:10:00Z').map(Date.parse);

describe('bookableWindows', () => {
  it('holds every range that the calendar rules allow (property, across clock changes and holidays)', () => {
    fc.assert(
      fc.property(rulesArb, nowArb, fc.integer({ min: 0, max: 30 * 96 }), fc.integer({ min: 1, max: 96 }), (rules, now, startQ, lengthQ) => {
        const start = Math.floor(now / Q) * Q + startQ * Q;
        const end = start + lengthQ * Q;
        if (bookingViolation(rules, start, end, 1, now) !== null) return true;
        const windows = bookableWindows(rules, start - DAY, end + DAY, now);
        return windows.some((w) => w.start <= start && end <= w.end);
      }),
      { numRuns: 3000 },
    );
  });

  it('hold every allowed range of the days the clocks change (exhaustive on quarter hours)', () => {
    const rules: BookingRules = { capacity: 10, minNoticeDays: 0, maxHorizonDays: 60, maxDurationMinutes: 1440, openingHours: { '6': [['00:00', '24:00']], '7': [['00:00', '24:00']] }, openOnHolidays: true };
    let allowed = 0;
    for (const [sunday, now] of [['2026-03-29', '2026-03-20T09:00:00Z'], ['2026-10-25', '2026-10-20T09:00:00Z']]) {
      const windows = bookableWindows(rules, Date.parse(`${sunday}T00:00:00Z`) - 2 * DAY, Date.parse(`${sunday}T00:00:00Z`) + 2 * DAY, Date.parse(now));
      const first = Date.parse(`${sunday}T00:00:00Z`) - 4 * 3_600_000;
      for (let s = first; s < first + 32 * 3_600_000; s += Q) {
        for (let e = s + Q; e <= s + 26 * 3_600_000; e += Q) {
          if (bookingViolation(rules, s, e, 1, Date.parse(now)) !== null) continue;
          allowed++;
          expect(windows.some((w) => w.start <= s && e <= w.end), `${new Date(s).toISOString()} – ${new Date(e).toISOString()}`).toBe(true);
        }
      }
    }
    expect(allowed).toBeGreaterThan(5_000);
  });

  it('are sorted, disjoint and exact on an ordinary day', () => {
    const rules: BookingRules = { capacity: 10, minNoticeDays: 1, maxHorizonDays: 90, maxDurationMinutes: 480, openingHours: { '4': [['08:00', '12:00'], ['14:00', '18:00']] }, openOnHolidays: false };
    const now = Date.parse('2026-11-25T10:00:00Z');
    expect(bookableWindows(rules, Date.parse('2026-11-30T00:00:00Z'), Date.parse('2026-12-08T00:00:00Z'), now)).toEqual([
      { start: Date.parse(rome('2026-12-03', '08:00')), end: Date.parse(rome('2026-12-03', '12:00')) },
      { start: Date.parse(rome('2026-12-03', '14:00')), end: Date.parse(rome('2026-12-03', '18:00')) },
    ]);
  });

  it('change no suggestion of nearestFits (property)', () => {
    const loadArb = fc.record({ d: fc.integer({ min: 0, max: 20 * 96 }), len: fc.integer({ min: 1, max: 48 }), c: fc.integer({ min: 1, max: 250 }) });
    fc.assert(
      fc.property(rulesArb, nowArb, fc.array(loadArb, { maxLength: 40 }), fc.integer({ min: 0, max: 10 * 96 }), fc.integer({ min: 1, max: 32 }), fc.integer({ min: 1, max: 250 }), (rules, now, raw, startQ, lengthQ, c) => {
        const base = Math.floor(now / Q) * Q;
        const loads = raw.map((l) => ({ start: base + l.d * Q, end: base + (l.d + l.len) * Q, connections: l.c }));
        const candidate = { start: base + startQ * Q, end: base + (startQ + lengthQ) * Q, connections: c };
        const search = {
          earliest: candidate.start - SUGGESTION_WINDOW_MS,
          latest: candidate.end + SUGGESTION_WINDOW_MS,
          allowed: (s: number, e: number) => bookingViolation(rules, s, e, c, now) === null,
        };
        const plain = nearestFits(loads, candidate, 250, search);
        const windowed = nearestFits(loads, candidate, 250, { ...search, windows: bookableWindows(rules, search.earliest, search.latest, now) });
        expect(windowed).toEqual(plain);
      }),
      { numRuns: 150 },
    );
  });
});

describe('isoInstant', () => {
  it('equals toISOString (property and bounds)', () => {
    const days = new Map<number, string>();
    fc.assert(
      fc.property(fc.integer({ min: -62_167_219_200_000, max: 253_402_300_799_999 }), (ms) => isoInstant(ms, days) === new Date(ms).toISOString()),
      { numRuns: 5000 },
    );
    for (const ms of [0, -1, -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_001, 1.5, Date.UTC(2026, 2, 29, 1)]) {
      expect(isoInstant(ms, days)).toBe(new Date(ms).toISOString());
    }
  });
});

describe('admit without a database', () => {
  it('decides again under the lock when the database refused but the rule finds it fits', async () => {
    const calls: unknown[][] = [];
    const candidate = { start: 10 * Q, end: 12 * Q, connections: 5 };
    const fake: Queryable = {
      exec: async () => undefined,
      query: async <T>(_sql: string, params?: unknown[]) => {
        calls.push(params ?? []);
        const lock = params?.[7] === true;
        // not locked: a window whose loads leave room (the database's sum "disagreed"); locked: one load of 96
        const a = lock
          ? { locked: true, capacity: 100, s: [11 * Q], e: [13 * Q], c: [96] }
          : { locked: false, capacity: 100, s: [0], e: [11 * Q], c: [95] };
        const rows = [{ a }];
        return { rows: rows as T[], rowCount: rows.length };
      },
    };
    const r = await admit(fake, 'p', candidate, null);
    expect(calls.map((c) => c[7])).toEqual([false, true]);
    expect(r?.window).toBeNull();
    expect(r?.overflows).toEqual([{ start: 11 * Q, end: 12 * Q, used: 96, requested: 5, capacity: 100, excess: 1 }]);
  });

  it('throws platform.not_found when the database finds no platform', async () => {
    const none: Queryable = { exec: async () => undefined, query: async <T>() => ({ rows: [{ a: null }] as T[], rowCount: 1 }) };
    await expect(admit(none, 'p', { start: 0, end: Q, connections: 1 }, null)).rejects.toMatchObject({ code: 'platform.not_found' });
  });
});

/** The advisory locks this transaction holds: mode and the low 32 bits of the key (a UTC day, or all ones for the gate). */
async function advisoryLocks(tx: Queryable): Promise<{ mode: string; low: number }[]> {
  const r = await tx.query<{ mode: string; low: string }>(
    `select mode, objid::text as low from pg_locks where locktype = 'advisory' and pid = pg_backend_pid() and granted order by mode, objid`,
  );
  return r.rows.map((x) => ({ mode: x.mode, low: Number(x.low) }));
}

const GATE = 4_294_967_295;
const utcDay = (ms: number) => Math.floor(ms / DAY);

describe('admit', () => {
  let db: Db;
  let member: AuthContext;
  let platformId: string;
  const day = workingDayAfter(5);

  beforeAll(async () => {
    db = await createTestDb();
    const aglie = await organizationId(db, '001001');
    const adminUser = await createUser(db, { organizationId: aglie, roles: ['platform_admin'] });
    const admin: AuthContext = { userId: adminUser.id, email: adminUser.email, displayName: 'a', organizationId: aglie, roles: ['platform_admin'], via: 'session' };
    const assoc = await createOrganization(db, admin, { kind: 'association', name: 'Associazione per la prova del blocco' });
    const org = await organizationId(db, '001002');
    const u = await createUser(db, { organizationId: org, roles: ['employee'] });
    member = { userId: u.id, email: u.email, displayName: 'm', organizationId: org, roles: ['employee'], via: 'session' };
    platformId = (await createPlatform(db, admin, { operatorId: assoc.id, name: 'Piattaforma del blocco', capacity: 100, memberIds: [org] })).id;
    await createBooking(db, member, { platformId, title: 'piena', kind: 'meeting', start: rome(day, '10:00'), end: rome(day, '12:00'), expectedConnections: 100, organiserName: 'x', organiserEmail: 'x@example.it' });
  }, 60_000);
  afterAll(async () => db?.close());

  it('refuses from a snapshot without locking or writing, with the suggestion window read', async () => {
    const candidate = { start: Date.parse(rome(day, '11:00')), end: Date.parse(rome(day, '13:00')), connections: 1 };
    const out = await db.tx(dbContext(member), async (tx) => {
      const refused = await admit(tx, platformId, candidate, null);
      const xid = await tx.query<{ xid: string | null }>(`select txid_current_if_assigned()::text as xid`);
      return { refused, xid: xid.rows[0].xid, locks: await advisoryLocks(tx) };
    });
    expect(out.xid).toBeNull(); // no row lock, no write: the transaction never got an id
    expect(out.locks).toEqual([]); // nor any lock of the platform
    expect(out.refused?.overflows).toEqual([{ start: Date.parse(rome(day, '11:00')), end: Date.parse(rome(day, '12:00')), used: 100, requested: 1, capacity: 100, excess: 1 }]);
    expect(out.refused?.window).toEqual([{ start: Date.parse(rome(day, '10:00')), end: Date.parse(rome(day, '12:00')), connections: 100 }]);
  });

  it('refuses in the database exactly when the rule refuses (random loads and candidates, half-open ranges)', async () => {
    let seed = 42;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    const base = Date.parse(rome(day, '08:00'));
    const otherId = await db.ownerTx(async (tx) => {
      const p = await platformRepo.selectPlatform(tx, platformId);
      const id = randomUUID();
      await platformRepo.insertPlatform(tx, { ...p!, id, name: 'Piattaforma casuale' }, p!.memberIds);
      for (let i = 0; i < 60; i++) {
        const q = Math.floor(next() * 40);
        await repo.insertBooking(tx, {
          id: randomUUID(), platformId: id, organizationId: member.organizationId!, createdBy: member.userId, title: `b${i}`, kind: 'meeting',
          start: base + q * Q, end: base + (q + 1 + Math.floor(next() * 8)) * Q, expectedConnections: 1 + Math.floor(next() * 30),
          organiserName: 'x', organiserEmail: 'x@example.it', organiserPhone: null, status: next() < 0.1 ? 'cancelled' : next() < 0.2 ? 'pending' : 'accepted',
        });
      }
      return id;
    });
    const all = await db.tx(dbContext(member), (tx) => repo.selectLoads(tx, otherId, base - DAY, base + DAY));
    let refusals = 0;
    for (let i = 0; i < 150; i++) {
      const q = Math.floor(next() * 44);
      const candidate = { start: base + q * Q, end: base + (q + 1 + Math.floor(next() * 6)) * Q, connections: 1 + Math.floor(next() * 100) };
      const a = await db.tx(dbContext(member), (tx) => repo.admission(tx, otherId, candidate, null, { from: base - DAY, to: base + DAY }, false));
      const ruleRefuses = overflows(all, candidate, 100).length > 0;
      expect(a!.locked, JSON.stringify(candidate)).toBe(!ruleRefuses);
      if (ruleRefuses) {
        refusals++;
        expect(a!.loads.length).toBe(all.length); // the whole window came back
      }
    }
    expect(refusals).toBeGreaterThan(20);
    expect(refusals).toBeLessThan(130);
  });

  it('admits under the platform gate (shared) and the lock of each UTC day the range touches', async () => {
    const candidate = { start: Date.parse(rome(day, '12:00')), end: Date.parse(rome(day, '13:00')), connections: 100 };
    const out = await db.tx(dbContext(member), async (tx) => {
      const refused = await admit(tx, platformId, candidate, null);
      return { refused, locks: await advisoryLocks(tx) };
    });
    expect(out.refused).toBeNull();
    expect(out.locks).toEqual([
      { mode: 'ExclusiveLock', low: utcDay(candidate.start) },
      { mode: 'ShareLock', low: GATE },
    ]);
    // a range across UTC midnight takes both days, in ascending order
    const across = { start: Date.parse(`${day}T23:00:00Z`), end: Date.parse(`${day}T23:00:00Z`) + 2 * 3_600_000, connections: 1 };
    const locks = await db.tx(dbContext(member), async (tx) => {
      await admit(tx, platformId, across, null);
      return advisoryLocks(tx);
    });
    expect(locks.filter((l) => l.mode === 'ExclusiveLock').map((l) => l.low)).toEqual([utcDay(across.start), utcDay(across.start) + 1]);
    // a platform change takes the gate exclusively
    const change = await db.tx(dbContext(member), async (tx) => {
      expect(await platformRepo.lockPlatform(tx, platformId)).toBe(true);
      return advisoryLocks(tx);
    });
    expect(change).toEqual([{ mode: 'ExclusiveLock', low: GATE }]);
  });

  it('lets admissions of other days through while one holds its day; the same day and platform changes wait (PostgreSQL)', async () => {
    // PGlite has one connection: transactions run one after the other, so only the locks taken are checked above
    if (backend() !== 'postgresql') {
      expect(db.kind).toBe('pglite');
      return;
    }
    const other = workingDayAfter(8);
    const at = (d: string, from: string, to: string) => ({ start: Date.parse(rome(d, from)), end: Date.parse(rome(d, to)), connections: 1 });
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let holding!: () => void;
    const isHolding = new Promise<void>((r) => (holding = r));
    const first = db.tx(dbContext(member), async (tx) => {
      expect(await admit(tx, platformId, at(day, '14:00', '15:00'), null)).toBeNull();
      holding();
      await held;
    });
    await isHolding;
    const settled = (p: Promise<unknown>, ms: number) => Promise.race([p.then(() => true), new Promise((r) => setTimeout(() => r(false), ms))]);
    const otherDay = db.tx(dbContext(member), (tx) => admit(tx, platformId, at(other, '14:00', '15:00'), null));
    expect(await settled(otherDay, 5_000)).toBe(true);
    const sameDay = db.tx(dbContext(member), (tx) => admit(tx, platformId, at(day, '16:00', '17:00'), null));
    const change = db.tx(dbContext(member), (tx) => platformRepo.lockPlatform(tx, platformId));
    expect(await settled(sameDay, 500)).toBe(false);
    expect(await settled(change, 100)).toBe(false);
    release();
    await first;
    expect(await settled(sameDay, 5_000)).toBe(true);
    expect(await settled(change, 5_000)).toBe(true);
  });
});

describe('snapshotRefusal', () => {
  let db: Db;
  let member: AuthContext;
  let platformId: string;
  const day = workingDayAfter(6);
  const at = (from: string, to: string, connections: number) => ({ start: Date.parse(rome(day, from)), end: Date.parse(rome(day, to)), connections });
  const booking = (from: string, to: string, connections: number) => ({
    platformId, title: 'piena', kind: 'meeting' as const, start: rome(day, from), end: rome(day, to), expectedConnections: connections, organiserName: 'x', organiserEmail: 'x@example.it',
  });

  beforeAll(async () => {
    db = await createTestDb();
    const aglie = await organizationId(db, '001001');
    const adminUser = await createUser(db, { organizationId: aglie, roles: ['platform_admin'] });
    const admin: AuthContext = { userId: adminUser.id, email: adminUser.email, displayName: 'a', organizationId: aglie, roles: ['platform_admin'], via: 'session' };
    const assoc = await createOrganization(db, admin, { kind: 'association', name: 'Associazione della fotografia' });
    const org = await organizationId(db, '001002');
    const u = await createUser(db, { organizationId: org, roles: ['employee'] });
    member = { userId: u.id, email: u.email, displayName: 'm', organizationId: org, roles: ['employee'], via: 'session' };
    platformId = (await createPlatform(db, admin, { operatorId: assoc.id, name: 'Piattaforma della fotografia', capacity: 100, memberIds: [org] })).id;
    await createBooking(db, member, booking('10:00', '12:00', 100));
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    await db?.close();
  });

  it('refuses from the loads read a moment ago: stale by at most their age, and dropped when this process writes a booking', async () => {
    // this process's clock only (the cache of this database is created under it)
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
    const candidate = at('11:00', '13:00', 1);
    const first = await snapshotRefusal(db, dbContext(member), platformId, candidate, 100, 2_000);
    expect(first?.overflows).toEqual([{ start: at('11:00', '12:00', 1).start, end: at('11:00', '12:00', 1).end, used: 100, requested: 1, capacity: 100, excess: 1 }]);
    expect(await snapshotRefusal(db, dbContext(member), platformId, at('12:00', '13:00', 100), 100, 2_000)).toBeNull(); // fits: only the admission decides

    // cancelled by another process: this one is not told
    await db.ownerTx((tx) => tx.query(`update bookings set status = 'cancelled' where platform_id = $1`, [platformId]));
    vi.setSystemTime(Date.now() + 1_500);
    expect((await snapshotRefusal(db, dbContext(member), platformId, candidate, 100, 2_000))?.overflows).toEqual(first?.overflows);
    expect(await snapshotRefusal(db, dbContext(member), platformId, candidate, 100, 1_000)).toBeUndefined(); // older than the caller accepts
    vi.setSystemTime(Date.now() + 600); // 2.1 s: the loads have expired and are read again
    expect(await snapshotRefusal(db, dbContext(member), platformId, candidate, 100, 2_000)).toBeNull();

    // a booking written by this process drops them at once
    await createBooking(db, member, booking('11:00', '13:00', 100));
    expect((await snapshotRefusal(db, dbContext(member), platformId, candidate, 100, 2_000))?.overflows).toHaveLength(1);
    vi.useRealTimers();
  });
});
