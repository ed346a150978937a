/** Use case: search the directory by name (with or without accents), by code, kind and territory. */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { offsetOf } from '../../platform/http/pagination.js';
import * as repo from './organizations.repo.js';
import { searchNameOf } from './search-name.js';
import { directoryCache } from './directory-cache.js';
import { deepFreeze } from '../../platform/http/serializer.js';

export interface SearchInput {
  q?: string;
  kind?: repo.OrganizationKind;
  regionCode?: string;
  provinceCode?: string;
  page: number;
  pageSize: number;
}

export interface SearchPage {
  items: repo.OrganizationSummary[];
  page: number;
  pageSize: number;
  total: number;
}

/**
 * `cacheSeconds` > 0 reuses identical searches for that long in this process (the directory is
 * the same for every signed-in person; see directory-cache.ts).
 */
export async function searchOrganizations(db: Db, auth: AuthContext, input: SearchInput, opts: { cacheSeconds?: number } = {}): Promise<SearchPage> {
  const raw = input.q?.trim() || null;
  const cache = opts.cacheSeconds ? directoryCache<SearchPage>(db, opts.cacheSeconds) : null;
  // the normalized text is a function of the raw one: the key needs only the request
  const key = JSON.stringify([raw, input.kind, input.regionCode, input.provinceCode?.toUpperCase(), input.page, input.pageSize]);
  const hit = cache?.get(key);
  if (hit) return hit;
  const readAt = cache?.currentEpoch();
  const normalized = raw === null ? null : searchNameOf(raw);
  const { items, total } = await db.tx(dbContext(auth), (tx) =>
    repo.search(tx, {
      raw: normalized === '' ? null : raw,
      normalized: normalized === '' ? null : normalized,
      kind: input.kind ?? null,
      regionCode: input.regionCode ?? null,
      provinceCode: input.provinceCode?.toUpperCase() ?? null,
      limit: input.pageSize,
      offset: offsetOf(input),
    }),
  );
  // frozen: shared by the requests that hit the cache, and serialized once (platform/http/serializer.ts)
  const result = deepFreeze({ items, page: input.page, pageSize: input.pageSize, total });
  cache?.set(key, result, readAt);
  return result;
}
