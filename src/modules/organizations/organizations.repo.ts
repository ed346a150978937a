/** The SQL of the directory of public bodies: the only file of the module that touches the database. */
import { directoryChanged } from './directory-cache.js';
import type { Queryable } from '../../platform/db/index.js';
import type { OfficialList } from './official-list.js';

export const ORGANIZATION_KINDS = [
  'region',
  'province',
  'metropolitan_city',
  'municipality',
  'union_of_municipalities',
  'mountain_community',
  'ministry',
  'other_public_body',
  'provider',
  'association',
] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export const OFFICIAL_KINDS: readonly OrganizationKind[] = ['region', 'province', 'metropolitan_city', 'municipality'];
export const PROVINCE_LEVEL = ['province', 'metropolitan_city'];

export interface OrganizationRow {
  id: string;
  kind: OrganizationKind;
  name: string;
  istatCode: string | null;
  ipaCode: string | null;
  taxCode: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  patronDay: string | null;
  website: string | null;
  pec: string | null;
  population: number | null;
  source: 'istat' | 'operator';
  createdAt: string;
  updatedAt: string;
}

export interface OrganizationLink {
  id: string;
  kind: OrganizationKind;
  name: string;
  relation: 'part_of' | 'member_of';
}

const COLUMNS = `o.id, o.kind, o.name, o.istat_code as "istatCode", o.ipa_code as "ipaCode", o.tax_code as "taxCode",
  o.region_code as "regionCode", o.province_code as "provinceCode", o.patron_day as "patronDay", o.website, o.pec,
  o.population, o.source, o.created_at as "createdAt", o.updated_at as "updatedAt"`;

function toRow(r: Record<string, unknown>): OrganizationRow {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
  return { ...(r as unknown as OrganizationRow), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

// ---------------------------------------------------------------- reads used by other modules

export async function selectNames(db: Queryable, ids: string[]): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const r = await db.query<{ id: string; name: string }>(`select id, name from organizations where id = any($1::uuid[])`, [ids]);
  return r.rows;
}

/** By ISTAT code, IPA code (case-insensitive) or, for provinces, sigla. */
export async function selectByCode(db: Queryable, code: string): Promise<{ id: string; name: string; kind: OrganizationKind } | null> {
  const r = await db.query<{ id: string; name: string; kind: OrganizationKind }>(
    `select id, name, kind from organizations
      where istat_code = $1 or ipa_code = lower($1)
         or (province_code = upper($1) and kind in ('province', 'metropolitan_city'))
      order by case when istat_code = $1 then 0 when ipa_code = lower($1) then 1 else 2 end
      limit 1`,
    [code],
  );
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------- search and show

export interface SearchFilters {
  /** the raw query (for codes) and its searchable form (for names); both null for no text filter */
  raw: string | null;
  normalized: string | null;
  kind: OrganizationKind | null;
  regionCode: string | null;
  provinceCode: string | null;
  limit: number;
  offset: number;
}

export type OrganizationSummary = Pick<OrganizationRow, 'id' | 'kind' | 'name' | 'istatCode' | 'ipaCode' | 'regionCode' | 'provinceCode'>;

/**
 * Relevance: exact code, exact name, name prefix, word prefix, substring; within each, shorter
 * names first (the closest to the query), then alphabetical. Text matching is a substring LIKE on
 * search_name (trigram GIN index; on the ~8,000 bodies the planner may prefer a sequential scan,
 * which takes about a millisecond). Ordering by search_name with the "C" collation: it is already
 * lower case without accents, and avoids the cost of locale-aware comparison.
 */
const CODE_MATCH = `(o.istat_code = $1 or o.ipa_code = lower($1)
          or (o.province_code = upper($1) and o.kind in ('province', 'metropolitan_city')))`;
const FILTERS = `($3::text is null or o.kind = $3)
     and ($4::text is null or o.region_code = $4)
     and ($5::text is null or o.province_code = $5)`;
const SUMMARY = `o.id, o.kind, o.name, o.istat_code as "istatCode", o.ipa_code as "ipaCode",
         o.region_code as "regionCode", o.province_code as "provinceCode"`;

export const SEARCH_SQL = `
  select ${SUMMARY}, count(*) over () as total
    from organizations o
   where ${FILTERS}
     and ($1::text is null or o.search_name like '%' || $2 || '%' or ${CODE_MATCH})
   order by case when $1::text is null then 6
                 when ${CODE_MATCH} then 0
                 when o.search_name = $2 then 1
                 when o.search_name like $2 || '%' then 2
                 when o.search_name like '% ' || $2 || '%' then 3
                 else 4 end,
            case when $1::text is null then 0 else length(o.search_name) end,
            o.search_name collate "C", o.id
   limit $6 offset $7`;

/** When nothing contains the query: names similar to it (typos), by trigram similarity. */
export const FUZZY_SQL = `
  select ${SUMMARY}, count(*) over () as total
    from organizations o
   where ${FILTERS} and $1::text is not null and o.search_name % $2
   order by similarity(o.search_name, $2) desc, o.search_name collate "C", o.id
   limit $6 offset $7`;

export function searchParams(f: SearchFilters): unknown[] {
  // LIKE wildcards typed by the user are literal characters of a name
  const like = f.normalized === null ? null : f.normalized.replace(/[\\%_]/g, (c) => `\\${c}`);
  return [f.raw, like, f.kind, f.regionCode, f.provinceCode, f.limit, f.offset];
}

async function page(db: Queryable, sql: string, params: unknown[]): Promise<{ items: OrganizationSummary[]; total: number }> {
  const r = await db.query<OrganizationSummary & { total: number }>(sql, params);
  let total = Number(r.rows[0]?.total ?? 0);
  if (r.rows.length === 0 && Number(params[6]) > 0) {
    // past the last page: still tell the caller how many there are
    const c = await db.query<{ n: number }>(`select count(*)::int as n from (${sql.replace(/limit \$6 offset \$7\s*$/, 'limit $6 offset 0')}) s`, [
      ...params.slice(0, 5),
      1_000_000,
    ]);
    total = c.rows[0]?.n ?? 0;
  }
  return { items: r.rows.map(({ total: _t, ...rest }) => rest), total };
}

export async function search(db: Queryable, f: SearchFilters): Promise<{ items: OrganizationSummary[]; total: number }> {
  const params = searchParams(f);
  const found = await page(db, SEARCH_SQL, params);
  if (found.total > 0 || f.normalized === null || f.normalized.length < 3) return found;
  return page(db, FUZZY_SQL, params);
}

export async function selectById(db: Queryable, id: string): Promise<OrganizationRow | null> {
  const r = await db.query<Record<string, unknown>>(`select ${COLUMNS} from organizations o where o.id = $1`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function selectByIdForUpdate(db: Queryable, id: string): Promise<OrganizationRow | null> {
  const r = await db.query<Record<string, unknown>>(`select ${COLUMNS} from organizations o where o.id = $1 for update`, [id]);
  return r.rows[0] ? toRow(r.rows[0]) : null;
}

export async function selectParents(db: Queryable, id: string): Promise<OrganizationLink[]> {
  const r = await db.query<OrganizationLink>(
    `select p.id, p.kind, p.name, l.relation from organization_links l join organizations p on p.id = l.parent_id
      where l.organization_id = $1 order by l.relation, p.kind, p.name`,
    [id],
  );
  return r.rows;
}

export async function selectChildren(db: Queryable, id: string, limit: number, offset: number): Promise<{ items: OrganizationLink[]; total: number }> {
  const r = await db.query<OrganizationLink & { total: number }>(
    `select c.id, c.kind, c.name, l.relation, count(*) over () as total
       from organization_links l join organizations c on c.id = l.organization_id
      where l.parent_id = $1 order by c.name, c.id limit $2 offset $3`,
    [id, limit, offset],
  );
  const total = r.rows[0]?.total ?? (offset > 0 ? (await db.query<{ n: number }>(`select count(*)::int as n from organization_links where parent_id = $1`, [id])).rows[0].n : 0);
  return { items: r.rows.map(({ total: _t, ...rest }) => rest), total: Number(total) };
}


export async function ipaCodeTaken(db: Queryable, ipaCode: string, exceptId: string | null): Promise<boolean> {
  const r = await db.query(`select 1 from organizations where ipa_code = $1 and id is distinct from $2::uuid`, [ipaCode, exceptId]);
  return r.rows.length > 0;
}

// ---------------------------------------------------------------- writes

/** A body created by an operator: no ISTAT code (only the official list has one), timestamps from the database. */
export type NewOrganization = Omit<OrganizationRow, 'istatCode' | 'source' | 'createdAt' | 'updatedAt'> & { searchName: string };

export async function insertOrganization(db: Queryable, o: NewOrganization): Promise<void> {
  await db.query(
    `insert into organizations (id, kind, name, search_name, ipa_code, tax_code, region_code, province_code, patron_day, website, pec, population, source)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'operator')`,
    [o.id, o.kind, o.name, o.searchName, o.ipaCode, o.taxCode, o.regionCode, o.provinceCode, o.patronDay, o.website, o.pec, o.population],
  );
  directoryChanged();
}

const UPDATABLE: Record<string, string> = {
  name: 'name',
  searchName: 'search_name',
  ipaCode: 'ipa_code',
  taxCode: 'tax_code',
  patronDay: 'patron_day',
  website: 'website',
  pec: 'pec',
  population: 'population',
  regionCode: 'region_code',
  provinceCode: 'province_code',
};

export async function updateOrganization(db: Queryable, id: string, changes: Record<string, unknown>): Promise<void> {
  const sets: string[] = [];
  const params: unknown[] = [id];
  for (const [key, value] of Object.entries(changes)) {
    const column = UPDATABLE[key];
    if (!column) throw new Error(`campo non aggiornabile: ${key}`);
    params.push(value);
    sets.push(`${column} = $${params.length}`);
  }
  if (sets.length === 0) return;
  const r = await db.query(`update organizations set ${sets.join(', ')}, updated_at = now() where id = $1`, params);
  directoryChanged();
  if (r.rowCount !== 1) throw new Error('aggiornamento dell’ente non applicato');
}

export async function insertLinks(db: Queryable, links: { organizationId: string; parentId: string; relation: 'part_of' | 'member_of' }[]): Promise<void> {
  if (links.length === 0) return;
  await db.query(
    `insert into organization_links (organization_id, parent_id, relation)
     select * from unnest($1::uuid[], $2::uuid[], $3::text[]) on conflict do nothing`,
    [links.map((l) => l.organizationId), links.map((l) => l.parentId), links.map((l) => l.relation)],
  );
}

// ---------------------------------------------------------------- official list (owner transaction)

export const OFFICIAL_LIST_KEY = 'organizations.official_list';

export async function selectLoadedVersion(db: Queryable): Promise<string | null> {
  const r = await db.query<{ v: string }>(`select value #>> '{}' as v from platform_settings where key = $1`, [OFFICIAL_LIST_KEY]);
  return r.rows[0]?.v ?? null;
}

/** Upserts regions, provinces and municipalities in three multi-row statements, then the parent links. */
export async function upsertOfficialList(db: Queryable, list: OfficialList, searchName: (s: string) => string): Promise<void> {
  directoryChanged();
  const changed = `updated_at = now()`;
  await db.query(
    `insert into organizations (kind, name, search_name, istat_code, region_code, source)
     select 'region', n, s, c, c, 'istat' from unnest($1::text[], $2::text[], $3::text[]) as t(n, s, c)
     on conflict (istat_code) where istat_code is not null do update
       set name = excluded.name, search_name = excluded.search_name, kind = excluded.kind, region_code = excluded.region_code, ${changed}
     where (organizations.name, organizations.kind, organizations.region_code) is distinct from (excluded.name, excluded.kind, excluded.region_code)`,
    [list.regions.map((r) => r.name), list.regions.map((r) => searchName(r.name)), list.regions.map((r) => r.istatCode)],
  );
  await db.query(
    `insert into organizations (kind, name, search_name, istat_code, province_code, region_code, source)
     select k, n, s, c, p, r, 'istat' from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) as t(k, n, s, c, p, r)
     on conflict (province_code) where kind in ('province', 'metropolitan_city') do update
       set kind = excluded.kind, name = excluded.name, search_name = excluded.search_name, istat_code = excluded.istat_code,
           region_code = excluded.region_code, ${changed}
     where (organizations.kind, organizations.name, organizations.istat_code, organizations.region_code)
           is distinct from (excluded.kind, excluded.name, excluded.istat_code, excluded.region_code)`,
    [
      list.provinces.map((p) => p.kind),
      list.provinces.map((p) => p.name),
      list.provinces.map((p) => searchName(p.name)),
      list.provinces.map((p) => p.istatCode),
      list.provinces.map((p) => p.sigla),
      list.provinces.map((p) => p.regionCode),
    ],
  );
  const m = list.municipalities;
  await db.query(
    `insert into organizations (kind, name, search_name, istat_code, province_code, region_code, source)
     select 'municipality', n, s, c, p, r, 'istat' from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as t(n, s, c, p, r)
     on conflict (istat_code) where istat_code is not null do update
       set kind = excluded.kind, name = excluded.name, search_name = excluded.search_name, province_code = excluded.province_code,
           region_code = excluded.region_code, ${changed}
     where (organizations.kind, organizations.name, organizations.province_code, organizations.region_code)
           is distinct from (excluded.kind, excluded.name, excluded.province_code, excluded.region_code)`,
    [m.map((x) => x.name), m.map((x) => searchName(x.name)), m.map((x) => x.istatCode), m.map((x) => x.provinceCode), m.map((x) => x.regionCode)],
  );
  // parent links of the official bodies: drop those that no longer hold, add the missing ones
  await db.query(
    `delete from organization_links l using organizations c, organizations p
      where l.organization_id = c.id and l.parent_id = p.id and l.relation = 'part_of'
        and c.source = 'istat' and p.source = 'istat'
        and not ((p.kind = 'region' and p.region_code = c.region_code and c.kind <> 'region')
              or (p.kind in ('province', 'metropolitan_city') and p.province_code = c.province_code and c.kind = 'municipality'))`,
  );
  await db.query(
    `insert into organization_links (organization_id, parent_id, relation)
     select c.id, p.id, 'part_of' from organizations c
       join organizations p on p.kind = 'region' and p.region_code = c.region_code
      where c.source = 'istat' and c.kind <> 'region'
     union all
     select c.id, p.id, 'part_of' from organizations c
       join organizations p on p.kind in ('province', 'metropolitan_city') and p.province_code = c.province_code
      where c.source = 'istat' and c.kind = 'municipality'
     on conflict do nothing`,
  );
  await db.query(
    `insert into platform_settings (key, value, updated_at) values ($1, to_jsonb($2::text), now())
     on conflict (key) do update set value = excluded.value, updated_at = now()`,
    [OFFICIAL_LIST_KEY, list.version],
  );
  directoryChanged();
}

/** Sets a patron day on an official body by ISTAT code (demo data, CLI). */
export async function setPatronDayByIstat(db: Queryable, istatCode: string, patronDay: string): Promise<void> {
  await db.query(`update organizations set patron_day = $2, updated_at = now() where istat_code = $1`, [istatCode, patronDay]);
  directoryChanged();
}

export async function selectLinkTargets(
  db: Queryable,
  ids: string[],
): Promise<{ id: string; kind: OrganizationKind; regionCode: string | null; provinceCode: string | null }[]> {
  if (ids.length === 0) return [];
  const r = await db.query<{ id: string; kind: OrganizationKind; regionCode: string | null; provinceCode: string | null }>(
    `select id, kind, region_code as "regionCode", province_code as "provinceCode" from organizations where id = any($1::uuid[])`,
    [ids],
  );
  return r.rows;
}

/** Ids of official municipalities by name within one province (demo data). */
export async function selectMunicipalityIds(db: Queryable, provinceCode: string, names: string[]): Promise<{ id: string; name: string }[]> {
  const r = await db.query<{ id: string; name: string }>(
    `select id, name from organizations where kind = 'municipality' and province_code = $1 and name = any($2::text[]) order by name`,
    [provinceCode, names],
  );
  return r.rows;
}
