/**
 * The face of the organizations module (the directory of public bodies): what other modules
 * may call. Never reach into the module's tables or files from outside.
 */
import type { Queryable } from '../../platform/db/index.js';
import * as repo from './organizations.repo.js';

export type { OrganizationKind } from './organizations.repo.js';
export { ORGANIZATION_KINDS } from './organizations.repo.js';
export { searchNameOf } from './search-name.js';
export { organizationErrors } from './organizations.errors.js';

/** The names of the given bodies, by id (ids that do not exist are simply absent). */
export async function getOrganizationNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const rows = await repo.selectNames(db, unique);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * A body by its code: ISTAT code ('001001' municipality, '001' province, '01' region), IPA code
 * (case-insensitive, e.g. 'anci_pie') or a province's sigla ('TO'). Null when none matches.
 */
export async function findOrganizationByCode(
  db: Queryable,
  code: string,
): Promise<{ id: string; name: string; kind: repo.OrganizationKind } | null> {
  const c = code.trim();
  if (c.length === 0 || c.length > 20) return null;
  return repo.selectByCode(db, c);
}

/** Where a body is: its kind, its region (ISTAT code) and province (sigla); null when it does not exist. */
export async function getOrganizationPlace(
  db: Queryable,
  id: string,
): Promise<{ id: string; kind: repo.OrganizationKind; name: string; regionCode: string | null; provinceCode: string | null } | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  const o = await repo.selectById(db, id);
  return o ? { id: o.id, kind: o.kind, name: o.name, regionCode: o.regionCode, provinceCode: o.provinceCode } : null;
}

/** A body's patron day ('MM-DD', a holiday of its own), or null when it has none or does not exist. */
export async function getPatronDay(db: Queryable, id: string): Promise<string | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return null;
  return (await repo.selectById(db, id))?.patronDay ?? null;
}
