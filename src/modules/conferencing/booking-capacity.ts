/**
 * The capacity rule inside the booking transaction. The caller has checked the calendar rules;
 * `admit` locks the platform row (so concurrent bookings of one platform run one after the other),
 * loads the bookings that hold capacity around the candidate and tells whether it fits. Accepted
 * AND pending bookings hold capacity: a booking waiting for the operator's approval keeps its
 * connections, so approving it can never overbook the platform.
 * Under the lock only the bookings that overlap the requested range are read.
 * `refusal` builds the 409 problem with the overflowing segments and the nearest fitting ranges;
 * it runs after the transaction (its own read of the surrounding week), so the lock is not held
 * while loading the wider window or searching.
 */
import type { Db, DbContext, Queryable } from '../../platform/db/index.js';
import type { AppError } from '../../platform/http/errors.js';
import { bookingViolation, type BookingRules } from './booking-rules.js';
import { nearestFits, overflows, type Load, type Overflow } from './capacity.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';

/** How far around the requested range suggestions are searched. */
export const SUGGESTION_WINDOW_MS = 7 * 24 * 3600_000;

export interface Refusal {
  platformId: string;
  overflows: Overflow[];
  candidate: Load;
  /** The booking being changed, left out of the load. */
  except: string | null;
}

export async function admit(tx: Queryable, platformId: string, capacity: number, candidate: Load, except: string | null): Promise<Refusal | null> {
  if (!(await repo.lockPlatform(tx, platformId))) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  const loads = await repo.selectLoads(tx, platformId, candidate.start, candidate.end, except);
  const over = overflows(loads, candidate, capacity);
  return over.length ? { platformId, overflows: over, candidate, except } : null;
}

export async function refusal(db: Db, ctx: DbContext, r: Refusal, rules: BookingRules, now: number): Promise<AppError> {
  const { candidate } = r;
  const from = candidate.start - SUGGESTION_WINDOW_MS;
  const to = candidate.end + SUGGESTION_WINDOW_MS;
  const loads = await db.tx(ctx, (tx) => repo.selectLoads(tx, r.platformId, from, to, r.except));
  const suggestions = nearestFits(loads, candidate, rules.capacity, {
    earliest: from,
    latest: to,
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

export function rulesOf(p: repo.PlatformRow): BookingRules {
  return {
    capacity: p.capacity,
    minNoticeDays: p.minNoticeDays,
    maxHorizonDays: p.maxHorizonDays,
    maxDurationMinutes: p.maxDurationMinutes,
    openingHours: p.openingHours,
    openOnHolidays: p.openOnHolidays,
  };
}

export function mayBook(p: repo.PlatformRow, organizationId: string): boolean {
  return p.access === 'everyone' || p.operatorId === organizationId || p.memberIds.includes(organizationId);
}
