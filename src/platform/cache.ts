/**
 * A small in-process cache with a time to live, a bounded size (least recently used entries go
 * first, approximately: a hit moves an entry to the newest end only when it has reached the older
 * half, so a hot entry is not re-inserted on every read) and an epoch: `invalidate()` makes every entry stored before it a miss at once.
 *
 * Use it only for data whose staleness is bounded and documented (docs/decisions/0005-caches.md):
 * every process of an instance has its own copy, so a change made by another process becomes
 * visible here after at most `ttlMs`; a change made by this process is visible at once because
 * the writer calls `invalidate()`.
 */
export interface TtlCacheOptions {
  /** Lifetime of an entry in ms; 0 disables the cache (every get is a miss). */
  ttlMs: number;
  /** Most entries kept (default 1000). */
  max?: number;
  /** Clock, for tests. */
  now?: () => number;
  /**
   * An epoch shared with writers elsewhere (e.g. a counter bumped by a repository's writes):
   * entries stored under another value of it are misses.
   */
  sharedEpoch?: () => number;
}

interface Entry<V> {
  value: V;
  expiresAt: number;
  epoch: number;
  /** when it was last put at the newest end, counted in insertions */
  seq: number;
}

export class TtlCache<K, V> {
  private readonly map = new Map<K, Entry<V>>();
  private epoch = 0;
  private seq = 0;
  private readonly ttlMs: number;
  private readonly max: number;
  private readonly now: () => number;
  private readonly sharedEpoch: () => number;
  hits = 0;
  misses = 0;

  constructor(opts: TtlCacheOptions) {
    this.ttlMs = opts.ttlMs;
    this.max = Math.max(1, opts.max ?? 1000);
    this.now = opts.now ?? Date.now;
    this.sharedEpoch = opts.sharedEpoch ?? (() => 0);
  }

  get(key: K): V | undefined {
    const e = this.map.get(key);
    if (!e || e.epoch !== this.currentEpoch() || e.expiresAt <= this.now()) {
      if (e) this.map.delete(key);
      this.misses++;
      return undefined;
    }
    // most recently used last (Map keeps insertion order), once it has reached the older half
    if (this.seq - e.seq >= this.max / 2) {
      this.map.delete(key);
      this.map.set(key, e);
      e.seq = ++this.seq;
    }
    this.hits++;
    return e.value;
  }

  /**
   * Stores a value read at epoch `readAt` (from `currentEpoch()` taken BEFORE the read): if an
   * invalidation happened meanwhile, the value may be stale and is not stored.
   */
  set(key: K, value: V, readAt = this.currentEpoch()): void {
    if (this.ttlMs <= 0 || readAt !== this.currentEpoch()) return;
    this.map.delete(key);
    this.map.set(key, { value, expiresAt: this.now() + this.ttlMs, epoch: readAt, seq: ++this.seq });
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
  }

  /** Forgets one entry. */
  delete(key: K): void {
    this.map.delete(key);
  }

  currentEpoch(): number {
    // two counters folded into one number: own invalidations and the shared ones
    return this.epoch * 1_000_003 + this.sharedEpoch();
  }

  /** Every entry stored so far becomes a miss. */
  invalidate(): void {
    this.epoch++;
    this.map.clear();
  }

  get size(): number {
    return this.map.size;
  }
}
