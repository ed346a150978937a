import { describe, expect, it } from 'vitest';
import { TtlCache } from './cache.js';

describe('TtlCache', () => {
  it('returns a value until its time to live has passed', () => {
    let now = 1000;
    const c = new TtlCache<string, number>({ ttlMs: 100, now: () => now });
    c.set('a', 1);
    now = 1099;
    expect(c.get('a')).toBe(1);
    now = 1100;
    expect(c.get('a')).toBeUndefined();
  });

  it('drops the least recently used entry beyond its size', () => {
    const c = new TtlCache<string, number>({ ttlMs: 1000, max: 2 });
    c.set('a', 1);
    c.set('b', 2);
    expect(c.get('a')).toBe(1); // a is now more recent than b
    c.set('c', 3);
    expect(c.get('b')).toBeUndefined();
    expect(c.get('a')).toBe(1);
    expect(c.get('c')).toBe(3);
    expect(c.size).toBe(2);
  });

  it('forgets everything on invalidate, and refuses a value read before the invalidation', () => {
    const c = new TtlCache<string, number>({ ttlMs: 1000 });
    c.set('a', 1);
    const readAt = c.currentEpoch();
    c.invalidate();
    expect(c.get('a')).toBeUndefined();
    c.set('a', 2, readAt); // read before the invalidation: may be stale
    expect(c.get('a')).toBeUndefined();
    c.set('a', 3, c.currentEpoch());
    expect(c.get('a')).toBe(3);
  });

  it('stores nothing when the time to live is 0', () => {
    const c = new TtlCache<string, number>({ ttlMs: 0 });
    c.set('a', 1);
    expect(c.get('a')).toBeUndefined();
  });
});

describe('TtlCache with a shared epoch', () => {
  it('misses once the shared epoch moves, also for a value read before the move', () => {
    let shared = 0;
    const c = new TtlCache<string, number>({ ttlMs: 1000, sharedEpoch: () => shared });
    c.set('a', 1);
    expect(c.get('a')).toBe(1);
    const readAt = c.currentEpoch();
    shared++;
    expect(c.get('a')).toBeUndefined();
    c.set('a', 2, readAt);
    expect(c.get('a')).toBeUndefined();
  });
});
