/**
 * The capacity rule inside the booking transaction. The caller has checked the calendar rules;
 * `admit` locks the platform row (so concurrent bookings of one platform run one after the other),
 * loads the bookings that hold capacity around the candidate and tells whether it fits. Accepted
 * AND pending bookings hold capacity: a booking waiting for the operator's approval keeps its
 * connections, so approving it can never overbook the platform.
 * `refusal` builds the 409 problem with the overflowing segments and the nearest fitting ranges;
 * it is pure and runs after the transaction, so the lock is not held while searching.
 */
import type { Queryable } from '../../platform/db/index.js';
import type { AppError } from '../../platform/http/errors.js';
import { bookingViolation, type BookingRules } from './booking-rules.js';
import { nearestFits, overflows, type Load, type Overflow } from './capacity.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';

/** How far around the requested range suggestions are searched. */
export const SUGGESTION_WINDOW_MS = 7 * 24 * 3600_000;

export interface Refusal {
  overflows: Overflow[];
  loads: Load[];
  candidate: Load;
}

export async function admit(tx: Queryable, platformId: string, capacity: number, candidate: Load, except: string | null): Promise<Refusal | null> {
  if (!(await repo.lockPlatform(tx, platformId))) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
  const loads = await repo.selectLoads(tx, platformId, candidate.start - SUGGESTION_WINDOW_MS, candidate.end + SUGGESTION_WINDOW_MS, except);
  const over = overflows(loads, candidate, capacity);
  return over.length ? { overflows: over, loads, candidate } : null;
}

export function refusal(r: Refusal, rules: BookingRules, now: number): AppError {
  const { candidate } = r;
  const suggestions = nearestFits(r.loads, candidate, rules.capacity, {
    earliest: candidate.start - SUGGESTION_WINDOW_MS,
    latest: candidate.end + SUGGESTION_WINDOW_MS,
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
