/**
 * The in-process cache of resolved sessions and API tokens (docs/decisions/0005-caches.md).
 * Every write that can change what a session or token resolves to (sign-out, revocation,
 * membership and role changes, switching body, password change, disabling a user) goes through
 * the people module's repo (src/modules/people/people.repo.ts), which calls `authChanged()`: the entries of this process are dropped at once.
 * Other processes drop theirs after AUTH_CACHE_SECONDS at most.
 */
import { TtlCache } from '../cache.js';

let epoch = 0;

/** Called by the repository's writes of sessions, tokens, memberships and users. */
export function authChanged(): void {
  epoch++;
}

export function authEpoch(): number {
  return epoch;
}

export function createAuthCache<V>(ttlSeconds: number): TtlCache<string, V> {
  return new TtlCache<string, V>({ ttlMs: ttlSeconds * 1000, max: 20_000, sharedEpoch: authEpoch });
}
