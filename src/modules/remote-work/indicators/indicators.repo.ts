/**
 * SQL of the indicators' area (migrations/0016_remote_work_indicators.sql): the refresh of the
 * roll-ups from the raw rows (run by the job as the owner) and the reads of the dashboards (as
 * the application role: row-level security decides which rows a caller sees).
 *
 * Province and region codes are read by joining `organizations` read-only, inside the database:
 * the territory sums and the region officers' policies need them in SQL, one body at a time
 * through the organizations module's face would be thousands of round trips (decision 0004).
 */
import type { Queryable } from '../../../platform/db/index.js';

// ------------------------------------------------------------------------------------------ refresh

/** Agreements that count: registered, then possibly withdrawn or expired (in force on their past days). */
const COUNTED = `a.registered_at is not null and a.status in ('registered', 'withdrawn', 'expired')`;
/** The agreement's last day in force: the earlier of its end and its withdrawal (null: open-ended). */
const LAST_DAY = `least(a.ends_on, a.withdrawal_effective_on)`;

export interface Slice {
  organizationId: string;
  /** First day of the month, YYYY-MM-DD. */
  month: string;
}

/** The (body, month) slices that have marks, oldest marks first. */
export async function selectDirtySlices(tx: Queryable, limit: number): Promise<Slice[]> {
  const r = await tx.query<{ organization_id: string; month: string }>(
    `select organization_id, month from rw_ind_dirty group by organization_id, month order by min(id) limit $1`,
    [limit],
  );
  return r.rows.map((x) => ({ organizationId: x.organization_id, month: x.month }));
}

/**
 * One refresher per slice at a time (two job runs overlapping wait for each other). The commit
 * does not wait for the disk: a slice lost in a crash loses its mark deletion with it (same
 * transaction), so it is simply recomputed again. Sorts of a large body stay in memory (64 MB);
 * no JIT compilation (it costs more than it saves on these short statements).
 */
export async function lockSlice(tx: Queryable, s: Slice): Promise<void> {
  await tx.query(
    `select set_config('synchronous_commit', 'off', true), set_config('work_mem', '64MB', true), set_config('jit', 'off', true),
            pg_advisory_xact_lock(hashtextextended($1, 7312016))`,
    [`${s.organizationId}:${s.month}`],
  );
}

/** Deletes the marks of a slice visible now; the recomputation that follows sees at least their writes. */
export async function takeSliceMarks(tx: Queryable, s: Slice): Promise<number> {
  const r = await tx.query(`delete from rw_ind_dirty where organization_id = $1 and month = $2`, [s.organizationId, s.month]);
  return r.rowCount;
}

/** Recomputes every roll-up row of one body and one month from the raw rows. */
export async function recomputeSlice(tx: Queryable, s: Slice): Promise<void> {
  const p = [s.organizationId, s.month];
  const end = `($2::date + interval '1 month')::date`;
  await tx.query(`delete from rw_ind_office_days where organization_id = $1 and day >= $2 and day < ${end}`, p);
  await tx.query(
    `insert into rw_ind_office_days (organization_id, office_id, day, remote, onsite, absent, with_agreement)
     select $1, office_id, day, sum(remote), sum(onsite), sum(absent), sum(agr) from (
       select p.office_id, p.day,
              count(*) filter (where p.kind = 'remote') as remote,
              count(*) filter (where p.kind = 'onsite') as onsite,
              count(*) filter (where p.kind = 'absent') as absent, 0 as agr
         from rw_plan_days p
        where p.organization_id = $1 and p.day >= $2 and p.day < ${end}
        group by p.office_id, p.day
       union all
       select e.office_id, d.day, 0, 0, 0, count(distinct e.id)
         from (select $2::date + i as day from generate_series(0, ${end} - $2::date - 1) as i) d
         join rw_agreements a on a.starts_on <= d.day and (${LAST_DAY} is null or ${LAST_DAY} >= d.day)
         join rw_employees e on e.id = a.employee_id and e.organization_id = a.organization_id and e.active
        where a.organization_id = $1 and ${COUNTED} and a.starts_on < ${end}
          and (${LAST_DAY} is null or ${LAST_DAY} >= $2)
        group by e.office_id, d.day
     ) x
     group by office_id, day`,
    p,
  );
  await tx.query(`delete from rw_ind_office_months where organization_id = $1 and month = $2`, p);
  await tx.query(
    `insert into rw_ind_office_months (organization_id, office_id, month, remote, onsite, absent, with_agreement)
     select $1, office_id, $2, sum(remote), sum(onsite), sum(absent), sum(agr) from (
       select office_id, sum(remote) as remote, sum(onsite) as onsite, sum(absent) as absent, 0 as agr
         from rw_ind_office_days where organization_id = $1 and day >= $2 and day < ${end}
        group by office_id
       union all
       select e.office_id, 0, 0, 0, count(distinct e.id)
         from rw_agreements a
         join rw_employees e on e.id = a.employee_id and e.organization_id = a.organization_id and e.active
        where a.organization_id = $1 and ${COUNTED} and a.starts_on < ${end}
          and (${LAST_DAY} is null or ${LAST_DAY} >= $2)
        group by e.office_id
     ) x
     group by office_id`,
    p,
  );
  await tx.query(`delete from rw_ind_org_days where organization_id = $1 and day >= $2 and day < ${end}`, p);
  await tx.query(
    `insert into rw_ind_org_days (organization_id, day, remote, onsite, absent, with_agreement)
     select $1, day, sum(remote), sum(onsite), sum(absent), sum(with_agreement)
       from rw_ind_office_days where organization_id = $1 and day >= $2 and day < ${end}
      group by day`,
    p,
  );
  await tx.query(`delete from rw_ind_org_months where organization_id = $1 and month = $2`, p);
  await tx.query(
    `insert into rw_ind_org_months (organization_id, month, remote, onsite, absent, with_agreement, refreshed_at)
     select $1, $2, sum(remote), sum(onsite), sum(absent), sum(with_agreement), now()
       from rw_ind_office_months where organization_id = $1 and month = $2
     having count(*) > 0`,
    p,
  );
}

/** The body's current headcount per office and its target. */
export async function recomputeHeads(tx: Queryable, organizationId: string): Promise<void> {
  await tx.query(`delete from rw_ind_office_heads where organization_id = $1`, [organizationId]);
  await tx.query(
    `insert into rw_ind_office_heads (organization_id, office_id, headcount)
     select $1, office_id, count(*) from rw_employees where organization_id = $1 and active group by office_id`,
    [organizationId],
  );
  await tx.query(`delete from rw_ind_org_heads where organization_id = $1`, [organizationId]);
  await tx.query(
    `insert into rw_ind_org_heads (organization_id, headcount, target_percent, refreshed_at)
     select $1, h.headcount, coalesce(t.target_percent, 30), now()
       from (select count(*)::int as headcount from rw_employees where organization_id = $1 and active) h
       left join rw_targets t on t.organization_id = $1
      where h.headcount > 0 or t.organization_id is not null`,
    [organizationId],
  );
}

/** Leaves a territory mark for the month and the body's region (null: a body outside any region). */
export async function markTerritory(tx: Queryable, s: Slice): Promise<void> {
  await tx.query(
    `insert into rw_ind_dirty_territory (month, region_code)
     select $2, (select region_code from organizations where id = $1)`,
    [s.organizationId, s.month],
  );
}

export interface TerritoryMarks {
  ids: number[];
  months: string[];
  regions: string[];
  /** Some body outside any region changed: only the national rows move. */
  noRegion: boolean;
}

/** One territory refresher at a time; returns the marks visible now. */
export async function takeTerritoryMarks(tx: Queryable, limit: number): Promise<TerritoryMarks> {
  await tx.query(`select set_config('synchronous_commit', 'off', true), pg_advisory_xact_lock(7312016)`);
  const r = await tx.query<{ id: number; month: string; region_code: string | null }>(
    `select id, month, region_code from rw_ind_dirty_territory order by id limit $1`,
    [limit],
  );
  const months = new Set<string>();
  const regions = new Set<string>();
  let noRegion = false;
  for (const m of r.rows) {
    months.add(m.month);
    if (m.region_code === null) noRegion = true;
    else regions.add(m.region_code);
  }
  return { ids: r.rows.map((x) => Number(x.id)), months: [...months].sort(), regions: [...regions].sort(), noRegion };
}

export async function deleteTerritoryMarks(tx: Queryable, ids: number[]): Promise<void> {
  await tx.query(`delete from rw_ind_dirty_territory where id = any($1::bigint[])`, [ids]);
}

/**
 * Recomputes the province and region rows of the given regions and the national rows, for the
 * given months (sums of the bodies' rows), and the headcounts of those territories.
 */
export async function recomputeTerritory(tx: Queryable, months: string[], regions: string[]): Promise<void> {
  const p = [months, regions];
  // months
  await tx.query(
    `delete from rw_ind_territory_months
      where month = any($1::date[]) and (level = 'nation' or region_code = any($2::text[]))`,
    p,
  );
  for (const [level, key, filter] of [
    ['province', 'o.province_code', 'and o.province_code is not null'],
    ['region', 'o.region_code', ''],
  ] as const) {
    await tx.query(
      `insert into rw_ind_territory_months (level, code, region_code, month, bodies, remote, onsite, absent, with_agreement)
       select '${level}', ${key}, min(o.region_code), m.month, count(*), sum(m.remote), sum(m.onsite), sum(m.absent), sum(m.with_agreement)
         from rw_ind_org_months m join organizations o on o.id = m.organization_id
        where m.month = any($1::date[]) and o.region_code = any($2::text[]) ${filter}
        group by ${key}, m.month`,
      p,
    );
  }
  await tx.query(
    `insert into rw_ind_territory_months (level, code, region_code, month, bodies, remote, onsite, absent, with_agreement)
     select 'nation', 'IT', null, month, sum(bodies), sum(remote), sum(onsite), sum(absent), sum(with_agreement) from (
       select month, bodies, remote, onsite, absent, with_agreement
         from rw_ind_territory_months where level = 'region' and month = any($1::date[])
       union all
       select m.month, 1, m.remote, m.onsite, m.absent, m.with_agreement
         from organizations o join rw_ind_org_months m on m.organization_id = o.id
        where m.month = any($1::date[]) and o.region_code is null
     ) x group by month`,
    [months],
  );
  // days
  const dayRange = `d.day >= m0 and d.day < (m0 + interval '1 month')`;
  await tx.query(
    `delete from rw_ind_territory_days t using unnest($1::date[]) as m0
      where t.day >= m0 and t.day < (m0 + interval '1 month') and (t.level = 'nation' or t.region_code = any($2::text[]))`,
    p,
  );
  for (const [level, key, filter] of [
    ['province', 'o.province_code', 'and o.province_code is not null'],
    ['region', 'o.region_code', ''],
  ] as const) {
    await tx.query(
      `insert into rw_ind_territory_days (level, code, region_code, day, remote, onsite, absent, with_agreement)
       select '${level}', ${key}, min(o.region_code), d.day, sum(d.remote), sum(d.onsite), sum(d.absent), sum(d.with_agreement)
         from unnest($1::date[]) as m0
         join rw_ind_org_days d on ${dayRange}
         join organizations o on o.id = d.organization_id
        where o.region_code = any($2::text[]) ${filter}
        group by ${key}, d.day`,
      p,
    );
  }
  await tx.query(
    `insert into rw_ind_territory_days (level, code, region_code, day, remote, onsite, absent, with_agreement)
     select 'nation', 'IT', null, day, sum(remote), sum(onsite), sum(absent), sum(with_agreement) from (
       select t.day, t.remote, t.onsite, t.absent, t.with_agreement
         from unnest($1::date[]) as m0 join rw_ind_territory_days t on t.day >= m0 and t.day < (m0 + interval '1 month')
        where t.level = 'region'
       union all
       select d.day, d.remote, d.onsite, d.absent, d.with_agreement
         from organizations o
         join rw_ind_org_days d on d.organization_id = o.id
         join unnest($1::date[]) as m0 on ${dayRange}
        where o.region_code is null
     ) x group by day`,
    [months],
  );
  // headcounts
  await tx.query(`delete from rw_ind_territory_heads where level = 'nation' or region_code = any($1::text[])`, [regions]);
  for (const [level, key, filter] of [
    ['province', 'o.province_code', 'and o.province_code is not null'],
    ['region', 'o.region_code', ''],
  ] as const) {
    await tx.query(
      `insert into rw_ind_territory_heads (level, code, region_code, bodies, headcount)
       select '${level}', ${key}, min(o.region_code), count(*), sum(h.headcount)
         from rw_ind_org_heads h join organizations o on o.id = h.organization_id
        where o.region_code = any($1::text[]) and h.headcount > 0 ${filter}
        group by ${key}`,
      [regions],
    );
  }
  await tx.query(
    `insert into rw_ind_territory_heads (level, code, region_code, bodies, headcount)
     select 'nation', 'IT', null, coalesce(sum(bodies), 0), coalesce(sum(headcount), 0) from (
       select bodies, headcount from rw_ind_territory_heads where level = 'region'
       union all
       select 1, h.headcount from rw_ind_org_heads h join organizations o on o.id = h.organization_id
        where o.region_code is null and h.headcount > 0
     ) x`,
  );
}

/**
 * Marks the month for every body with an agreement in force during it whose month has no figures
 * yet (open-ended agreements reach a new month without any write). Returns the marks added.
 */
export async function markHorizon(tx: Queryable, month: string): Promise<number> {
  const r = await tx.query(
    `insert into rw_ind_dirty (organization_id, month)
     select distinct a.organization_id, $1::date from rw_agreements a
      where ${COUNTED} and a.starts_on < ($1::date + interval '1 month')
        and (${LAST_DAY} is null or ${LAST_DAY} >= $1::date)
        and not exists (select 1 from rw_ind_org_months m where m.organization_id = a.organization_id and m.month = $1::date)`,
    [month],
  );
  return r.rowCount;
}

export interface Backlog {
  slices: number;
  territoryMarks: number;
  oldestMarkAt: string | null;
}

export async function selectBacklog(tx: Queryable): Promise<Backlog> {
  const r = await tx.query<{ slices: number; territory: number; oldest: Date | null }>(
    `select (select count(*) from (select 1 from rw_ind_dirty group by organization_id, month) s) as slices,
            (select count(*) from rw_ind_dirty_territory) as territory,
            least((select min(marked_at) from rw_ind_dirty), (select min(marked_at) from rw_ind_dirty_territory)) as oldest`,
  );
  const x = r.rows[0];
  return { slices: Number(x.slices), territoryMarks: Number(x.territory), oldestMarkAt: x.oldest ? new Date(x.oldest).toISOString() : null };
}

// ------------------------------------------------------------------------------------------ reads

export interface CountsRow {
  remote: number;
  onsite: number;
  absent: number;
  with_agreement: number;
}

export interface MonthRow extends CountsRow {
  month: string;
}

export interface DayRow extends CountsRow {
  day: string;
}

export interface OrgHeadsRow {
  headcount: number;
  target_percent: string;
  refreshed_at: Date;
}

export async function selectOrgHeads(tx: Queryable, organizationId: string): Promise<OrgHeadsRow | null> {
  const r = await tx.query<OrgHeadsRow>(
    `select headcount, target_percent::text as target_percent, refreshed_at from rw_ind_org_heads where organization_id = $1`,
    [organizationId],
  );
  return r.rows[0] ?? null;
}

export async function selectOrgMonths(tx: Queryable, organizationId: string, from: string, to: string): Promise<(MonthRow & { refreshed_at: Date })[]> {
  const r = await tx.query<MonthRow & { refreshed_at: Date }>(
    `select month::text as month, remote, onsite, absent, with_agreement, refreshed_at from rw_ind_org_months
      where organization_id = $1 and month between $2 and $3 order by month`,
    [organizationId, from, to],
  );
  return r.rows;
}

export async function selectOrgDays(tx: Queryable, organizationId: string, month: string): Promise<DayRow[]> {
  const r = await tx.query<DayRow>(
    `select day::text as day, remote, onsite, absent, with_agreement from rw_ind_org_days
      where organization_id = $1 and day >= $2 and day < ($2::date + interval '1 month') order by day`,
    [organizationId, month],
  );
  return r.rows;
}

export interface OfficeCountsRow extends CountsRow {
  office_id: string;
  code: string;
  name: string;
  headcount: number;
}

/** The body's offices with their month's figures and headcount; `managedBy` keeps only the offices that user manages. */
export async function selectOfficeMonths(tx: Queryable, organizationId: string, month: string, managedBy: string | null): Promise<OfficeCountsRow[]> {
  const r = await tx.query<OfficeCountsRow>(
    `select o.id as office_id, o.code, o.name, coalesce(h.headcount, 0) as headcount,
            coalesce(m.remote, 0) as remote, coalesce(m.onsite, 0) as onsite, coalesce(m.absent, 0) as absent,
            coalesce(m.with_agreement, 0) as with_agreement
       from rw_offices o
       left join rw_ind_office_months m on m.organization_id = o.organization_id and m.office_id = o.id and m.month = $2
       left join rw_ind_office_heads h on h.organization_id = o.organization_id and h.office_id = o.id
      where o.organization_id = $1 and ($3::uuid is null or o.manager_user_id = $3::uuid)
      order by o.name collate "C", o.code`,
    [organizationId, month, managedBy],
  );
  return r.rows;
}

export interface TerritoryHeadsRow {
  bodies: number;
  headcount: number;
  refreshed_at: Date;
}

export async function selectTerritoryHeads(tx: Queryable, level: string, code: string): Promise<TerritoryHeadsRow | null> {
  const r = await tx.query<TerritoryHeadsRow>(
    `select bodies, headcount, refreshed_at from rw_ind_territory_heads where level = $1 and code = $2`,
    [level, code],
  );
  return r.rows[0] ?? null;
}

export async function selectTerritoryMonths(
  tx: Queryable,
  level: string,
  code: string,
  from: string,
  to: string,
): Promise<(MonthRow & { bodies: number; refreshed_at: Date })[]> {
  const r = await tx.query<MonthRow & { bodies: number; refreshed_at: Date }>(
    `select month::text as month, bodies, remote, onsite, absent, with_agreement, refreshed_at from rw_ind_territory_months
      where level = $1 and code = $2 and month between $3 and $4 order by month`,
    [level, code, from, to],
  );
  return r.rows;
}

export async function selectTerritoryDays(tx: Queryable, level: string, code: string, month: string): Promise<DayRow[]> {
  const r = await tx.query<DayRow>(
    `select day::text as day, remote, onsite, absent, with_agreement from rw_ind_territory_days
      where level = $1 and code = $2 and day >= $3 and day < ($3::date + interval '1 month') order by day`,
    [level, code, month],
  );
  return r.rows;
}

export interface TerritoryChildRow extends CountsRow {
  code: string;
  name: string;
  bodies: number;
  headcount: number;
}

/**
 * The regions of the nation, or the provinces of a region, with the month's figures: every
 * territory of the directory is listed, with zeros where no body has figures yet.
 */
export async function selectTerritoryChildren(tx: Queryable, level: 'region' | 'province', regionCode: string | null, month: string): Promise<TerritoryChildRow[]> {
  const kinds = level === 'region' ? `o.kind = 'region'` : `o.kind in ('province', 'metropolitan_city')`;
  const key = level === 'region' ? 'o.region_code' : 'o.province_code';
  const r = await tx.query<TerritoryChildRow>(
    `select ${key} as code, o.name, coalesce(h.bodies, 0) as bodies, coalesce(h.headcount, 0) as headcount,
            coalesce(m.remote, 0) as remote, coalesce(m.onsite, 0) as onsite, coalesce(m.absent, 0) as absent,
            coalesce(m.with_agreement, 0) as with_agreement
       from organizations o
       left join rw_ind_territory_heads h on h.level = $1 and h.code = ${key}
       left join rw_ind_territory_months m on m.level = $1 and m.code = ${key} and m.month = $3
      where ${kinds} and ${key} is not null and ($2::text is null or o.region_code = $2)
      order by o.name collate "C"`,
    [level, regionCode, month],
  );
  return r.rows;
}

export interface TerritoryRef {
  code: string;
  name: string;
  regionCode: string | null;
}

/** A region by ISTAT code or a province / metropolitan city by sigla, from the directory. */
export async function selectTerritory(tx: Queryable, level: 'region' | 'province', code: string): Promise<TerritoryRef | null> {
  const r = await tx.query<{ code: string; name: string; region_code: string | null }>(
    level === 'region'
      ? `select region_code as code, name, region_code from organizations where kind = 'region' and region_code = $1 limit 1`
      : `select province_code as code, name, region_code from organizations where kind in ('province', 'metropolitan_city') and province_code = $1 limit 1`,
    [code],
  );
  const x = r.rows[0];
  return x ? { code: x.code, name: x.name, regionCode: x.region_code } : null;
}

export interface BodyRow extends CountsRow {
  organization_id: string;
  name: string;
  kind: string;
  province_code: string | null;
  headcount: number;
  target_percent: string;
}

/**
 * The bodies of a region (or of one of its provinces) with figures for the month or a headcount:
 * row-level security shows them only to that region's officers (and in platform scope).
 */
export async function selectTerritoryBodies(
  tx: Queryable,
  q: { regionCode: string; provinceCode: string | null; month: string; limit: number | null; offset: number },
): Promise<{ rows: BodyRow[]; total: number }> {
  const r = await tx.query<BodyRow & { total: number }>(
    `with b as (
       select coalesce(h.organization_id, m.organization_id) as organization_id,
              coalesce(h.headcount, 0) as headcount, coalesce(h.target_percent, 30)::text as target_percent,
              coalesce(m.remote, 0) as remote, coalesce(m.onsite, 0) as onsite, coalesce(m.absent, 0) as absent,
              coalesce(m.with_agreement, 0) as with_agreement
         from (select h.* from rw_ind_org_heads h join organizations o on o.id = h.organization_id
                where o.region_code = $1 and ($2::text is null or o.province_code = $2)) h
         full join (select m.* from rw_ind_org_months m join organizations o on o.id = m.organization_id
                     where m.month = $3 and o.region_code = $1 and ($2::text is null or o.province_code = $2)) m
           on m.organization_id = h.organization_id
     )
     select b.*, o.name, o.kind, o.province_code, count(*) over () as total
       from b join organizations o on o.id = b.organization_id
      order by case when b.headcount > 0 then b.with_agreement::numeric / b.headcount else 0 end desc, o.name collate "C", o.id
      limit $4 offset $5`,
    [q.regionCode, q.provinceCode, q.month, q.limit, q.offset],
  );
  return { rows: r.rows, total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}

/** The region a region officer may read bodies of (null for anyone else); see rw_ind_officer_region(). */
export async function selectOfficerRegion(tx: Queryable): Promise<string | null> {
  const r = await tx.query<{ region: string | null }>(`select rw_ind_officer_region() as region`);
  return r.rows[0]?.region ?? null;
}

export async function selectOrganizationName(tx: Queryable, organizationId: string): Promise<string | null> {
  const r = await tx.query<{ name: string }>(`select name from organizations where id = $1`, [organizationId]);
  return r.rows[0]?.name ?? null;
}

// ------------------------------------------------------------------------------------------ target

export async function selectTarget(tx: Queryable, organizationId: string): Promise<{ target_percent: string; updated_at: Date } | null> {
  const r = await tx.query<{ target_percent: string; updated_at: Date }>(
    `select target_percent::text as target_percent, updated_at from rw_targets where organization_id = $1`,
    [organizationId],
  );
  return r.rows[0] ?? null;
}

export async function upsertTarget(tx: Queryable, organizationId: string, targetPercent: number): Promise<{ target_percent: string; updated_at: Date }> {
  const r = await tx.query<{ target_percent: string; updated_at: Date }>(
    `insert into rw_targets (organization_id, target_percent, updated_at) values ($1, $2, now())
     on conflict (organization_id) do update set target_percent = excluded.target_percent, updated_at = now()
     returning target_percent::text as target_percent, updated_at`,
    [organizationId, targetPercent],
  );
  return r.rows[0];
}
