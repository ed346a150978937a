/**
 * Pages of directory search results reused for DIRECTORY_CACHE_SECONDS per process
 * (docs/decisions/0005-caches.md). The directory is public to every signed-in person (its RLS
 * read policy is `true`), so a page does not depend on who asks. Every write of the
 * organizations table goes through organizations.repo.ts, which calls `directoryChanged()`:
 * this process forgets its pages at once; other processes after the cache lifetime at most.
 */
import { TtlCache } from '../../platform/cache.js';
import type { Db } from '../../platform/db/index.js';

let epoch = 0;

export function directoryChanged(): void {
  epoch++;
}

// one cache per database: tests and tools may open several in one process
const caches = new WeakMap<Db, TtlCache<string, unknown>>();

export function directoryCache<V>(db: Db, ttlSeconds: number): TtlCache<string, V> {
  let c = caches.get(db);
  if (!c) {
    c = new TtlCache<string, unknown>({ ttlMs: ttlSeconds * 1000, max: 5000, sharedEpoch: () => epoch });
    caches.set(db, c);
  }
  return c as TtlCache<string, V>;
}
