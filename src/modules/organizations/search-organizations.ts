/** Use case: search the directory by name (with or without accents), by code, kind and territory. */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { offsetOf } from '../../platform/http/pagination.js';
import * as repo from './organizations.repo.js';
import { searchNameOf } from './search-name.js';

export interface SearchInput {
  q?: string;
  kind?: repo.OrganizationKind;
  regionCode?: string;
  provinceCode?: string;
  page: number;
  pageSize: number;
}

export async function searchOrganizations(db: Db, auth: AuthContext, input: SearchInput) {
  const raw = input.q?.trim() || null;
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
  return { items, page: input.page, pageSize: input.pageSize, total };
}
