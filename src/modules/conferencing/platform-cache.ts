/**
 * Two short-lived caches of this process for create-booking.ts. First, platforms as this process read them a moment ago, for PLATFORM_CACHE_SECONDS
 * (docs/decisions/0005-caches.md), together with whether a body may book them. They serve ONE
 * purpose: answering refusals of bookings without a transaction (create-booking.ts). An
 * admission never relies on them: it reads the platform again in its own transaction, under the
 * locks. So a change of a platform made by another process can, for at most the cache lifetime,
 * make this process refuse a booking that the new rules allow (the person may simply retry), but
 * never accept one that they forbid.
 * Every write of a platform, of its members or of its video settings goes through
 * conferencing.repo.ts, which calls `platformsChanged()`: this process forgets them at once.
 */
import { TtlCache } from '../../platform/cache.js';
import type { Db } from '../../platform/db/index.js';
import type { PlatformRow } from './platforms/index.js';
import type { Load, Segment } from './bookings/index.js';

export interface CachedPlatform {
  platform: PlatformRow;
  /** Whether the body of the key may book it (members, territory, everyone). */
  mayBook: boolean;
}

let epoch = 0;

export function platformsChanged(): void {
  epoch++;
}

// one cache per database: tests and tools may open several in one process
const caches = new WeakMap<Db, TtlCache<string, CachedPlatform>>();

/** The cache of a database, keyed by `platformCacheKey`. */
export function platformCache(db: Db, ttlSeconds: number): TtlCache<string, CachedPlatform> {
  let c = caches.get(db);
  if (!c) {
    c = new TtlCache<string, CachedPlatform>({ ttlMs: ttlSeconds * 1000, max: 5000, sharedEpoch: () => epoch });
    caches.set(db, c);
  }
  return c;
}

export const platformCacheKey = (platformId: string, organizationId: string) => `${platformId} ${organizationId}`;

/**
 * The loads of the days around a booking, reused for `SUGGESTION_LOADS_MS` (booking-capacity.ts):
 * most attempts on a busy platform look at the same days. They give the suggestions of a refusal
 * and, when PLATFORM_CACHE_SECONDS allows stale refusals, the quick refusal itself
 * (`snapshotRefusal`; docs/decisions/0005-caches.md, point 6). Every write of a booking through
 * the repo calls `bookingsChanged()`, which drops them in this process; a booking made or
 * cancelled in another process shows in them after at most that long. Nothing is ever ACCEPTED
 * from them: an admission is decided under the locks, and so is booking a suggestion.
 */
let bookingsEpoch = 0;

export function bookingsChanged(): void {
  bookingsEpoch++;
}

export const SUGGESTION_LOADS_MS = 2_000;

/** The loads of whole UTC days [from, to) and their usage timeline over that range, computed once. */
export interface SuggestionLoads {
  loads: readonly Load[];
  timeline: readonly Segment[];
  /** When the read began (epoch ms, this process's clock): the snapshot is at least this recent. */
  readAt: number;
}

const loadCaches = new WeakMap<Db, TtlCache<string, Promise<SuggestionLoads>>>();

/** The cache of a database, keyed by platform and UTC days; it holds the reads in flight too, so concurrent refusals share one. */
export function suggestionLoadsCache(db: Db): TtlCache<string, Promise<SuggestionLoads>> {
  let c = loadCaches.get(db);
  if (!c) {
    c = new TtlCache<string, Promise<SuggestionLoads>>({ ttlMs: SUGGESTION_LOADS_MS, max: 500, sharedEpoch: () => bookingsEpoch });
    loadCaches.set(db, c);
  }
  return c;
}
