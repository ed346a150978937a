/**
 * The capacity rule inside the booking transaction. The caller has checked the calendar rules;
 * `admit` tells whether the candidate fits. Accepted AND pending bookings hold capacity: a
 * booking waiting for the operator's approval keeps its connections, so approving it can never
 * overbook the platform.
 * One round trip (conference_platform_admission, migration 0011): in a snapshot, without any
 * lock, the database sums the bookings overlapping the candidate; if it does not fit, the answer
 * is a refusal — correct as of the snapshot, and a refusal can never overbook — so refusals
 * neither wait for a lock nor write anything, and the loads of the suggestion window come back in
 * the same call. Otherwise the admission takes the lock of each UTC day the candidate touches
 * (overlapping bookings share a day: admissions of one platform and day run one after the other,
 * other days in parallel) and the platform's gate in shared mode (changes of the platform take it
 * exclusively), and the overlapping bookings are read again with the capacity, as they are once
 * the locks are granted; only then may the caller write. The rule itself is applied here, by
 * capacity.ts, on the rows returned: should it disagree with the database's sum on a refusal, the
 * admission is decided again under the locks.
 * `refusal` builds the 409 problem with the overflowing segments and the nearest fitting ranges;
 * the surrounding two weeks come with the refusal when no lock was taken, otherwise they are read in
 * a transaction of their own afterwards, so the lock is never held while searching.
 */
import type { Db, DbContext, Queryable } from '../../../platform/db/index.js';
import type { AppError } from '../../../platform/http/errors.js';
import { bookingViolation, type BookingRules } from './booking-rules.js';
import { romeOffsetMs, romeParts } from '../../../platform/calendar/rome.js';
import { isItalianHoliday } from '../../../platform/calendar/working-days.js';
import { nearestFits, overflows, overflowsFrom, usageTimeline, type Load, type Overflow, type Segment } from './capacity.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { suggestionLoadsCache } from '../platform-cache.js';
import { clock } from '../../../platform/clock.js';

/** How far around the requested range suggestions are searched. */
export const SUGGESTION_WINDOW_MS = 7 * 24 * 3600_000;

export interface Refusal {
  platformId: string;
  overflows: Overflow[];
  candidate: Load;
  /** The booking being changed, left out of the load. */
  except: string | null;
  /** The loads of the suggestion window, when read by `admit` (no lock held); null: `refusal` reads them. */
  window: Load[] | null;
}

const windowOf = (candidate: Load) => ({ from: candidate.start - SUGGESTION_WINDOW_MS, to: candidate.end + SUGGESTION_WINDOW_MS });

/**
 * The quick refusal of create-booking.ts: one statement outside any transaction
 * (`repo.precheck`, migration 0021). A refusal when the candidate does not fit in this snapshot
 * (its overflows computed from the loads overlapping it); null when it may fit — then only
 * `admit`, under the locks, decides — and null too should the database's sum and the rule
 * disagree.
 */
export async function quickRefusal(db: Queryable, platformId: string, candidate: Load, except: string | null): Promise<Refusal | null> {
  const a = await repo.precheck(db, platformId, candidate, except);
  if (!a) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  if (a.fits) return null;
  const seen = overflows(a.loads, candidate, a.capacity);
  return seen.length ? { platformId, overflows: seen, candidate, except, window: null } : null;
}

/**
 * The quick refusal from the loads of the days around the candidate as this process read them
 * at most `maxAgeMs` ago (`suggestionLoads`, shared with the suggestions and with concurrent
 * attempts; read now on a miss): no statement at all for most attempts on a busy platform. A
 * refusal when the candidate does not fit in that snapshot; null when it fits — then only
 * `admit`, under the locks, decides; undefined when the snapshot held is older than `maxAgeMs`
 * (the caller asks the database: `quickRefusal`). The snapshot can be stale by that long for a
 * booking freed in another process (docs/decisions/0005-caches.md, point 6): a refusal may come
 * late, an acceptance never comes from it.
 */
export async function snapshotRefusal(db: Db, ctx: DbContext, platformId: string, candidate: Load, capacity: number, maxAgeMs: number): Promise<Refusal | null | undefined> {
  const w = windowOf(candidate);
  const snapshot = await suggestionLoads(db, ctx, platformId, w.from, w.to, null);
  if (!snapshot.timeline || snapshot.readAt === undefined || clock.now() - snapshot.readAt > maxAgeMs) return undefined;
  const seen = overflowsFrom(snapshot.timeline, candidate, capacity);
  return seen.length ? { platformId, overflows: seen, candidate, except: null, window: null } : null;
}

/**
 * Whether the candidate fits, decided in the caller's transaction. With `lockAtOnce` (the caller
 * has just seen it fit, by `quickRefusal`) the locks are taken without looking first.
 */
export async function admit(tx: Queryable, platformId: string, candidate: Load, except: string | null, opts: { lockAtOnce?: boolean } = {}): Promise<Refusal | null> {
  const window = windowOf(candidate);
  let a = await repo.admission(tx, platformId, candidate, except, window, opts.lockAtOnce ?? false);
  if (!a) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  if (!a.locked) {
    const seen = overflows(a.loads, candidate, a.capacity);
    if (seen.length) return { platformId, overflows: seen, candidate, except, window: a.loads };
    // the database's sum and the rule disagree: decide under the lock
    a = await repo.admission(tx, platformId, candidate, except, window, true);
    if (!a) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  }
  if (a.archived) throw E.platformArchived('La piattaforma è stata dismessa nel frattempo.');
  const over = overflows(a.loads, candidate, a.capacity);
  return over.length ? { platformId, overflows: over, candidate, except, window: null } : null;
}

const MINUTE_MS = 60_000;
const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const DAY_MS = 86_400_000;

/** Per calendar date (as days since 1970-01-01): its YYYY-MM-DD and the lowest and highest Rome UTC offset (minutes) of its local times. */
interface DateFacts {
  date: string;
  low: number;
  high: number;
}
const dateFacts = new Map<number, DateFacts>();

/** A calendar date's facts, looked up in the time-zone database once per process (dates never change offsets). */
function factsOf(day: number): DateFacts {
  let f = dateFacts.get(day);
  if (!f) {
    const midnight = day * DAY_MS;
    // the date's local times run from (midnight - offset) to (next midnight - offset): at most one change in between
    const a = romeOffsetMs(midnight - 2 * 60 * MINUTE_MS) / MINUTE_MS;
    const b = romeOffsetMs(midnight + 23 * 60 * MINUTE_MS) / MINUTE_MS;
    f = { date: new Date(midnight).toISOString().slice(0, 10), low: Math.min(a, b), high: Math.max(a, b) };
    if (dateFacts.size >= 10_000) dateFacts.clear();
    dateFacts.set(day, f);
  }
  return f;
}

/**
 * A cheap superset of the instants where bookings may lie between `from` and `to`: the opening
 * windows of the Rome dates that the notice, the horizon and the holidays allow, as instants
 * (exact, except on the two days a year when the clocks change, where a window covers both
 * offsets), merged. The Rome offset of each date is looked up once per process, so the
 * suggestion search skips nights, weekends and closed days without calling `bookingViolation`,
 * which stays the authoritative rule for the candidates inside.
 */
export function bookableWindows(rules: BookingRules, from: number, to: number, now: number): { start: number; end: number }[] {
  const today = Date.parse(`${romeParts(now).date}T00:00:00Z`) / DAY_MS;
  const first = today + rules.minNoticeDays;
  const last = today + rules.maxHorizonDays;
  const out: { start: number; end: number }[] = [];
  for (let day = Math.max(first, Math.floor(from / DAY_MS) - 1); day <= Math.min(last, Math.floor(to / DAY_MS) + 1); day++) {
    // ISO weekday of a date counted from Thursday 1970-01-01
    const windows = rules.openingHours[String((((day + 3) % 7) + 7) % 7 + 1)];
    if (!windows?.length) continue;
    const f = factsOf(day);
    if (!rules.openOnHolidays && isItalianHoliday(f.date)) continue;
    const midnight = day * DAY_MS;
    // local time t of the date is the instant midnight + t - offset
    for (const [a, b] of windows) {
      out.push({ start: midnight + (minutesOf(a) - f.high) * MINUTE_MS, end: midnight + (minutesOf(b) - f.low) * MINUTE_MS });
    }
  }
  out.sort((x, y) => x.start - y.start);
  const merged: { start: number; end: number }[] = [];
  for (const w of out) {
    const prev = merged[merged.length - 1];
    if (prev && w.start <= prev.end) prev.end = Math.max(prev.end, w.end);
    else merged.push({ ...w });
  }
  return merged;
}

/**
 * The loads for the suggestions of a refusal: those of whole UTC days around the window, with
 * their usage timeline, reused for a moment when no booking is left out (platform-cache.ts,
 * SUGGESTION_LOADS_MS).
 */
async function suggestionLoads(
  db: Db,
  ctx: DbContext,
  platformId: string,
  from: number,
  to: number,
  except: string | null,
): Promise<{ loads: readonly Load[]; timeline?: readonly Segment[]; readAt?: number }> {
  if (except) return { loads: await db.tx(ctx, (tx) => repo.selectLoads(tx, platformId, from, to, except)) };
  const first = Math.floor(from / DAY_MS) * DAY_MS;
  const last = Math.ceil(to / DAY_MS) * DAY_MS;
  const cache = suggestionLoadsCache(db);
  const key = `${platformId} ${first} ${last}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const readAt = clock.now();
  // one statement, no transaction: the loads are anonymous and read by a security definer function (migration 0011)
  const read = repo.selectLoads(db, platformId, first, last, null).then((loads) => ({
    loads: Object.freeze(loads),
    timeline: Object.freeze(usageTimeline(loads, first, last)),
    readAt,
  }));
  cache.set(key, read); // at once: the refusals that come meanwhile wait for this read
  read.catch(() => cache.delete(key));
  return read;
}

export async function refusal(db: Db, ctx: DbContext, r: Refusal, rules: BookingRules, now: number): Promise<AppError> {
  const { candidate } = r;
  const from = candidate.start - SUGGESTION_WINDOW_MS;
  const to = candidate.end + SUGGESTION_WINDOW_MS;
  const { loads, timeline } = r.window ? { loads: r.window, timeline: undefined } : await suggestionLoads(db, ctx, r.platformId, from, to, r.except);
  const suggestions = nearestFits(loads, candidate, rules.capacity, {
    timeline,
    earliest: from,
    latest: to,
    windows: bookableWindows(rules, from, to, now),
    allowed: (s, e) => bookingViolation(rules, s, e, candidate.connections, now) === null,
  });
  const iso = (ms: number) => new Date(ms).toISOString();
  const worst = Math.max(...r.overflows.map((o) => o.excess));
  return E.capacityExceeded(
    `Nell’intervallo richiesto la piattaforma supera la capacità di ${rules.capacity} collegamenti (fino a ${worst} in più).`,
    {
      overflows: r.overflows.map((o) => ({ start: iso(o.start), end: iso(o.end), used: o.used, requested: o.requested, capacity: o.capacity, excess: o.excess })),
      suggestions: suggestions.map((s) => ({ start: iso(s.start), end: iso(s.end) })),
    },
  );
}

export function rulesOf(p: platformRepo.PlatformRow): BookingRules {
  return {
    capacity: p.capacity,
    minNoticeDays: p.minNoticeDays,
    maxHorizonDays: p.maxHorizonDays,
    maxDurationMinutes: p.maxDurationMinutes,
    openingHours: p.openingHours,
    openOnHolidays: p.openOnHolidays,
  };
}

export function mayBook(p: platformRepo.PlatformRow, organizationId: string): boolean {
  return p.access === 'everyone' || p.operatorId === organizationId || p.memberIds.includes(organizationId);
}
