/**
 * SQL of the remote-work module's "offices and people" area: offices (tree, manager), coverage
 * rules, activities, employees (and their CSV import/export), absences and closures (the body's
 * target is the indicators' area). Every query names the body explicitly (organization_id = $1) on top of row-level
 * security, so platform administrators (who see every body) act on one body at a time.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { CoverageRuleRow, StaffMember } from './employee-rules.js';
import type { ExistingEmployee, ExportEmployee } from './employee-csv.js';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

// ---------------------------------------------------------------- offices

export interface OfficeRow {
  id: string;
  organizationId: string;
  code: string;
  name: string;
  parentId: string | null;
  managerUserId: string | null;
  managerName: string | null;
  managerEmail: string | null;
  activeEmployees: number;
  createdAt: string;
  updatedAt: string;
}

const OFFICE_COLUMNS = `o.id, o.organization_id as "organizationId", o.code, o.name, o.parent_id as "parentId",
  o.manager_user_id as "managerUserId", u.display_name as "managerName", u.email as "managerEmail",
  (select count(*)::int from rw_employees e where e.office_id = o.id and e.organization_id = o.organization_id and e.active) as "activeEmployees",
  o.created_at as "createdAt", o.updated_at as "updatedAt"`;

// users are visible under RLS when they belong to the body (policy users_read)
const OFFICE_FROM = `rw_offices o left join lateral people_account(o.manager_user_id) u on true`;

function toOffice(r: Record<string, unknown>): OfficeRow {
  return { ...(r as unknown as OfficeRow), createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) };
}

export const MAX_OFFICES = 5000;

export async function selectOffices(db: Queryable, organizationId: string): Promise<OfficeRow[]> {
  const r = await db.query(`select ${OFFICE_COLUMNS} from ${OFFICE_FROM} where o.organization_id = $1 order by o.name, o.code limit ${MAX_OFFICES}`, [organizationId]);
  return r.rows.map(toOffice);
}

export async function selectOffice(db: Queryable, organizationId: string, id: string): Promise<OfficeRow | null> {
  const r = await db.query(`select ${OFFICE_COLUMNS} from ${OFFICE_FROM} where o.organization_id = $1 and o.id = $2`, [organizationId, id]);
  return r.rows[0] ? toOffice(r.rows[0]) : null;
}

/** Locks the office row until the end of the transaction (rules and people change under it). */
export async function lockOffice(db: Queryable, organizationId: string, id: string): Promise<boolean> {
  const r = await db.query(`select id from rw_offices where organization_id = $1 and id = $2 for update`, [organizationId, id]);
  return r.rows.length > 0;
}

/** Locks every office of the body (an import changes people across offices at once). */
export async function lockAllOffices(db: Queryable, organizationId: string): Promise<void> {
  await db.query(`select id from rw_offices where organization_id = $1 order by id for update`, [organizationId]);
}

/** Office id → parent id, for the whole body (the tree check). */
export async function selectOfficeParents(db: Queryable, organizationId: string): Promise<Map<string, string | null>> {
  const r = await db.query<{ id: string; parent_id: string | null }>(`select id, parent_id from rw_offices where organization_id = $1`, [organizationId]);
  return new Map(r.rows.map((x) => [x.id, x.parent_id]));
}

export async function officeCodeTaken(db: Queryable, organizationId: string, code: string, exceptId: string | null): Promise<boolean> {
  const r = await db.query(`select 1 from rw_offices where organization_id = $1 and upper(code) = upper($2) and ($3::uuid is null or id <> $3)`, [organizationId, code, exceptId]);
  return r.rows.length > 0;
}

export interface OfficeFields {
  code: string;
  name: string;
  parentId: string | null;
  managerUserId: string | null;
}

export async function insertOffice(db: Queryable, organizationId: string, id: string, f: OfficeFields): Promise<void> {
  await db.query(`insert into rw_offices (id, organization_id, code, name, parent_id, manager_user_id) values ($1, $2, $3, $4, $5, $6)`, [
    id,
    organizationId,
    f.code,
    f.name,
    f.parentId,
    f.managerUserId,
  ]);
}

export async function updateOffice(db: Queryable, organizationId: string, id: string, f: OfficeFields): Promise<void> {
  await db.query(
    `update rw_offices set code = $3, name = $4, parent_id = $5, manager_user_id = $6, updated_at = now() where organization_id = $1 and id = $2`,
    [organizationId, id, f.code, f.name, f.parentId, f.managerUserId],
  );
}

export interface OfficeDependents {
  employees: number;
  children: number;
  planDays: number;
}

export async function selectOfficeDependents(db: Queryable, organizationId: string, id: string): Promise<OfficeDependents> {
  const r = await db.query<OfficeDependents>(
    `select (select count(*)::int from rw_employees where organization_id = $1 and office_id = $2) as employees,
            (select count(*)::int from rw_offices where organization_id = $1 and parent_id = $2) as children,
            (select count(*)::int from rw_plan_days where organization_id = $1 and office_id = $2) as "planDays"`,
    [organizationId, id],
  );
  return r.rows[0];
}

export async function deleteOffice(db: Queryable, organizationId: string, id: string): Promise<void> {
  await db.query(`delete from rw_offices where organization_id = $1 and id = $2`, [organizationId, id]);
}

/** The offices a person manages in a body. */
export async function selectManagedOfficeIds(db: Queryable, organizationId: string, userId: string): Promise<string[]> {
  const r = await db.query<{ id: string }>(`select id from rw_offices where organization_id = $1 and manager_user_id = $2`, [organizationId, userId]);
  return r.rows.map((x) => x.id);
}

/** Whether a user holds any role in the body (the people module's people_is_member). */
export async function isBodyMember(db: Queryable, organizationId: string, userId: string): Promise<boolean> {
  const r = await db.query<{ member: boolean }>(`select people_is_member($1, $2) as member`, [organizationId, userId]);
  return r.rows[0]?.member === true;
}

/** A platform account's id by e-mail (the demo seed, run as the owner). */
export async function selectUserIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const r = await db.query<{ id: string }>(`select people_user_id_by_email($1) as id`, [email]);
  return r.rows[0]?.id ?? null;
}

export interface PersonOption {
  userId: string;
  displayName: string;
  email: string;
  roles: string[];
}

/** The people of the body, to choose an office's manager (name or e-mail filter). */
export async function selectBodyPeople(db: Queryable, organizationId: string, q: string, limit: number): Promise<PersonOption[]> {
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const r = await db.query<PersonOption>(
    `select p.user_id as "userId", p.display_name as "displayName", p.email, array_agg(p.role order by p.role) as roles
       from people_members($1) p
      where not p.disabled and ($2 = '%%' or p.display_name ilike $2 or p.email ilike $2)
      group by p.user_id, p.display_name, p.email
      order by p.display_name, p.email limit $3`,
    [organizationId, like, limit],
  );
  return r.rows;
}

// ---------------------------------------------------------------- coverage rules and activities

export async function selectCoverageRules(db: Queryable, organizationId: string, officeIds: string[] | null): Promise<CoverageRuleRow[]> {
  const r = await db.query<CoverageRuleRow>(
    `select office_id as "officeId", weekday, skill, min_on_site as "minOnSite" from rw_coverage_rules
      where organization_id = $1 and ($2::uuid[] is null or office_id = any($2::uuid[]))
      order by office_id, weekday, skill`,
    [organizationId, officeIds],
  );
  return r.rows.map((x) => ({ ...x, weekday: Number(x.weekday) }));
}

export async function replaceCoverageRules(db: Queryable, organizationId: string, officeId: string, rules: CoverageRuleRow[]): Promise<void> {
  await db.query(`delete from rw_coverage_rules where organization_id = $1 and office_id = $2`, [organizationId, officeId]);
  if (!rules.length) return;
  await db.query(
    `insert into rw_coverage_rules (office_id, organization_id, weekday, skill, min_on_site)
     select $2, $1, w, s, m from unnest($3::smallint[], $4::text[], $5::int[]) as x(w, s, m)`,
    [organizationId, officeId, rules.map((r) => r.weekday), rules.map((r) => r.skill), rules.map((r) => r.minOnSite)],
  );
}

export interface ActivityRow {
  id: string;
  name: string;
  remotable: boolean;
}

export async function selectActivities(db: Queryable, organizationId: string, officeId: string): Promise<ActivityRow[]> {
  const r = await db.query<ActivityRow>(`select id, name, remotable from rw_office_activities where organization_id = $1 and office_id = $2 order by name`, [organizationId, officeId]);
  return r.rows;
}

export async function replaceActivities(db: Queryable, organizationId: string, officeId: string, list: { name: string; remotable: boolean }[]): Promise<void> {
  await db.query(`delete from rw_office_activities where organization_id = $1 and office_id = $2`, [organizationId, officeId]);
  if (!list.length) return;
  await db.query(
    `insert into rw_office_activities (office_id, organization_id, name, remotable)
     select $2, $1, n, r from unnest($3::text[], $4::boolean[]) as x(n, r)`,
    [organizationId, officeId, list.map((a) => a.name), list.map((a) => a.remotable)],
  );
}

/** Active people (office and skills) of the given offices, or of the whole body. */
export async function selectActiveStaff(db: Queryable, organizationId: string, officeIds: string[] | null): Promise<StaffMember[]> {
  const r = await db.query<StaffMember>(
    `select office_id as "officeId", skills from rw_employees
      where organization_id = $1 and active and ($2::uuid[] is null or office_id = any($2::uuid[]))`,
    [organizationId, officeIds],
  );
  return r.rows;
}

/** Active people per skill of one office (to show next to its rules). */
export async function selectSkillCounts(db: Queryable, organizationId: string, officeId: string): Promise<{ skill: string; people: number }[]> {
  const r = await db.query<{ skill: string; people: number }>(
    `select s as skill, count(*)::int as people from rw_employees e, unnest(e.skills) as s
      where e.organization_id = $1 and e.office_id = $2 and e.active group by s order by s`,
    [organizationId, officeId],
  );
  return r.rows;
}

// ---------------------------------------------------------------- employees

export interface EmployeeRow {
  id: string;
  organizationId: string;
  officeId: string;
  officeCode: string;
  officeName: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  userId: string | null;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

const EMPLOYEE_COLUMNS = `e.id, e.organization_id as "organizationId", e.office_id as "officeId", o.code as "officeCode", o.name as "officeName",
  e.tax_code as "taxCode", e.first_name as "firstName", e.last_name as "lastName", e.email, e.user_id as "userId",
  e.skills, e.preferred_weekdays as "preferredWeekdays", e.disabled_worker as "disabledWorker", e.active,
  e.created_at as "createdAt", e.updated_at as "updatedAt"`;
const EMPLOYEE_FROM = `rw_employees e join rw_offices o on o.id = e.office_id and o.organization_id = e.organization_id`;

function toEmployee(r: Record<string, unknown>): EmployeeRow {
  return {
    ...(r as unknown as EmployeeRow),
    preferredWeekdays: (r.preferredWeekdays as unknown[]).map(Number),
    createdAt: iso(r.createdAt),
    updatedAt: iso(r.updatedAt),
  };
}

export interface EmployeeFilter {
  /** null = every office */
  officeIds: string[] | null;
  q?: string;
  active?: boolean;
}

export async function selectEmployees(db: Queryable, organizationId: string, f: EmployeeFilter, limit: number, offset: number): Promise<{ items: EmployeeRow[]; total: number }> {
  const q = (f.q ?? '').trim();
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const where = `e.organization_id = $1 and ($2::uuid[] is null or e.office_id = any($2::uuid[]))
    and ($3::text is null or e.last_name ilike $3 or e.first_name ilike $3 or (e.last_name || ' ' || e.first_name) ilike $3
         or (e.first_name || ' ' || e.last_name) ilike $3 or e.tax_code ilike $3 or e.email ilike $3)
    and ($4::boolean is null or e.active = $4)`;
  const params = [organizationId, f.officeIds, like, f.active ?? null];
  const r = await db.query(`select ${EMPLOYEE_COLUMNS} from ${EMPLOYEE_FROM} where ${where} order by e.last_name, e.first_name, e.id limit $5 offset $6`, [...params, limit, offset]);
  const c = await db.query<{ n: number }>(`select count(*)::int as n from rw_employees e where ${where}`, params);
  return { items: r.rows.map(toEmployee), total: c.rows[0].n };
}

export async function selectEmployee(db: Queryable, organizationId: string, id: string): Promise<EmployeeRow | null> {
  const r = await db.query(`select ${EMPLOYEE_COLUMNS} from ${EMPLOYEE_FROM} where e.organization_id = $1 and e.id = $2`, [organizationId, id]);
  return r.rows[0] ? toEmployee(r.rows[0]) : null;
}

/** The employee record of a platform user in a body (the active one first). */
export async function selectEmployeeOfUser(db: Queryable, organizationId: string, userId: string): Promise<EmployeeRow | null> {
  const r = await db.query(`select ${EMPLOYEE_COLUMNS} from ${EMPLOYEE_FROM} where e.organization_id = $1 and e.user_id = $2 order by e.active desc, e.created_at limit 1`, [
    organizationId,
    userId,
  ]);
  return r.rows[0] ? toEmployee(r.rows[0]) : null;
}

export async function selectEmployeeIdByTaxCode(db: Queryable, organizationId: string, taxCode: string, exceptId: string | null): Promise<string | null> {
  const r = await db.query<{ id: string }>(`select id from rw_employees where organization_id = $1 and tax_code = $2 and ($3::uuid is null or id <> $3)`, [organizationId, taxCode, exceptId]);
  return r.rows[0]?.id ?? null;
}

export async function selectEmployeeIdByEmail(db: Queryable, organizationId: string, email: string, exceptId: string | null): Promise<string | null> {
  const r = await db.query<{ id: string }>(
    `select id from rw_employees where organization_id = $1 and lower(email) = lower($2) and ($3::uuid is null or id <> $3) limit 1`,
    [organizationId, email, exceptId],
  );
  return r.rows[0]?.id ?? null;
}

export interface EmployeeFields {
  officeId: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
  active: boolean;
}

export async function insertEmployee(db: Queryable, organizationId: string, id: string, f: EmployeeFields): Promise<void> {
  await db.query(
    `insert into rw_employees (id, organization_id, office_id, tax_code, first_name, last_name, email, skills, preferred_weekdays, disabled_worker, active)
     values ($1, $2, $3, $4, $5, $6, $7, $8::text[], $9::smallint[], $10, $11)`,
    [id, organizationId, f.officeId, f.taxCode, f.firstName, f.lastName, f.email, f.skills, f.preferredWeekdays, f.disabledWorker, f.active],
  );
}

export async function updateEmployee(db: Queryable, organizationId: string, id: string, f: EmployeeFields): Promise<void> {
  await db.query(
    `update rw_employees set office_id = $3, tax_code = $4, first_name = $5, last_name = $6, email = $7, skills = $8::text[],
       preferred_weekdays = $9::smallint[], disabled_worker = $10, active = $11, updated_at = now()
     where organization_id = $1 and id = $2`,
    [organizationId, id, f.officeId, f.taxCode, f.firstName, f.lastName, f.email, f.skills, f.preferredWeekdays, f.disabledWorker, f.active],
  );
}

/**
 * Links employees to their platform accounts: the person of the body with the employee's e-mail,
 * else the one with the employee's tax code (accounts from SPID/CIE carry it), else none.
 * `ids` null = every employee of the body. Returns how many links changed.
 */
export async function relinkUsers(db: Queryable, organizationId: string, ids: string[] | null): Promise<number> {
  const r = await db.query(
    `with m as (
       select e.id, coalesce(
         (select p.user_id from people_members(e.organization_id) p
           where e.email is not null and lower(p.email) = lower(e.email) limit 1),
         (select p.user_id from people_members(e.organization_id) p
           where p.tax_code = e.tax_code limit 1)) as user_id
         from rw_employees e
        where e.organization_id = $1 and ($2::uuid[] is null or e.id = any($2::uuid[])))
     update rw_employees e set user_id = m.user_id from m
      where e.id = m.id and e.user_id is distinct from m.user_id`,
    [organizationId, ids],
  );
  return r.rowCount;
}

/** Every employee of the body in the import's terms (to check a file against). */
export async function selectEmployeesForImport(db: Queryable, organizationId: string): Promise<ExistingEmployee[]> {
  const r = await db.query<ExistingEmployee>(
    `select id, tax_code as "taxCode", first_name as "firstName", last_name as "lastName", email, office_id as "officeId",
            skills, preferred_weekdays as "preferredWeekdays", disabled_worker as "disabledWorker", active
       from rw_employees where organization_id = $1`,
    [organizationId],
  );
  return r.rows.map((x) => ({ ...x, preferredWeekdays: (x.preferredWeekdays as unknown[]).map(Number) }));
}

export interface UpsertEmployee {
  id: string;
  officeId: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
}

/**
 * Creates or updates employees by tax code in one statement (the import and the demo seed);
 * every one is made active. `id` is used only for new rows. Returns the id of each tax code written.
 */
export async function upsertEmployees(db: Queryable, organizationId: string, rows: UpsertEmployee[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // In statements of UPSERT_BATCH rows: statement triggers on rw_employees (the indicators' dirty
  // marks) join their transition tables, which costs the square of the rows of one statement.
  for (let i = 0; i < rows.length; i += UPSERT_BATCH) {
    for (const [k, v] of await upsertBatch(db, organizationId, rows.slice(i, i + UPSERT_BATCH))) out.set(k, v);
  }
  return out;
}

export const UPSERT_BATCH = 250;

async function upsertBatch(db: Queryable, organizationId: string, rows: UpsertEmployee[]): Promise<Map<string, string>> {
  const r = await db.query<{ id: string; tax_code: string }>(
    `insert into rw_employees (id, organization_id, office_id, tax_code, first_name, last_name, email, skills, preferred_weekdays, disabled_worker, active)
     select x.id, $1, x.office_id, x.tax_code, x.first_name, x.last_name, x.email,
            array(select jsonb_array_elements_text(x.skills)), array(select jsonb_array_elements_text(x.weekdays)::smallint), x.disabled, true
       from jsonb_to_recordset($2::jsonb) as x(id uuid, office_id uuid, tax_code text, first_name text, last_name text, email text,
                                                skills jsonb, weekdays jsonb, disabled boolean)
     on conflict (organization_id, tax_code) do update set
       office_id = excluded.office_id, first_name = excluded.first_name, last_name = excluded.last_name, email = excluded.email,
       skills = excluded.skills, preferred_weekdays = excluded.preferred_weekdays, disabled_worker = excluded.disabled_worker,
       active = true, updated_at = now()
     returning id, tax_code`,
    [
      organizationId,
      JSON.stringify(
        rows.map((e) => ({
          id: e.id,
          office_id: e.officeId,
          tax_code: e.taxCode,
          first_name: e.firstName,
          last_name: e.lastName,
          email: e.email,
          skills: e.skills,
          weekdays: e.preferredWeekdays,
          disabled: e.disabledWorker,
        })),
      ),
    ],
  );
  return new Map(r.rows.map((x) => [x.tax_code, x.id]));
}

/** Active employees in the export's terms, alphabetical, a batch at a time (keyset on name and id). */
export async function selectExportBatch(
  db: Queryable,
  organizationId: string,
  officeIds: string[] | null,
  after: { lastName: string; firstName: string; id: string } | null,
  limit: number,
): Promise<(ExportEmployee & { id: string })[]> {
  const r = await db.query<ExportEmployee & { id: string }>(
    `select e.id, e.tax_code as "taxCode", e.first_name as "firstName", e.last_name as "lastName", e.email, o.code as "officeCode",
            e.skills, e.preferred_weekdays as "preferredWeekdays", e.disabled_worker as "disabledWorker"
       from ${EMPLOYEE_FROM}
      where e.organization_id = $1 and e.active and ($2::uuid[] is null or e.office_id = any($2::uuid[]))
        and ($3::text is null or (e.last_name, e.first_name, e.id) > ($3, $4, $5::uuid))
      order by e.last_name, e.first_name, e.id limit $6`,
    [organizationId, officeIds, after?.lastName ?? null, after?.firstName ?? null, after?.id ?? null, limit],
  );
  return r.rows.map((x) => ({ ...x, preferredWeekdays: (x.preferredWeekdays as unknown[]).map(Number) }));
}

// ---------------------------------------------------------------- absences and closures

export const ABSENCE_KINDS = ['leave', 'sick', 'training', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export interface AbsenceRow {
  employeeId: string;
  day: string;
  kind: AbsenceKind;
}

export async function selectAbsences(
  db: Queryable,
  organizationId: string,
  f: { from: string; to: string; employeeId?: string | null; officeIds: string[] | null },
  limit: number,
): Promise<AbsenceRow[]> {
  const r = await db.query<AbsenceRow>(
    `select a.employee_id as "employeeId", a.day, a.kind from rw_absences a join rw_employees e on e.id = a.employee_id and e.organization_id = a.organization_id
      where a.organization_id = $1 and a.day between $2::date and $3::date
        and ($4::uuid is null or a.employee_id = $4) and ($5::uuid[] is null or e.office_id = any($5::uuid[]))
      order by a.day, a.employee_id limit $6`,
    [organizationId, f.from, f.to, f.employeeId ?? null, f.officeIds, limit],
  );
  return r.rows.map((x) => ({ ...x, day: String(x.day).slice(0, 10) }));
}

export async function upsertAbsences(db: Queryable, organizationId: string, employeeId: string, days: string[], kind: AbsenceKind): Promise<void> {
  await db.query(
    `insert into rw_absences (employee_id, organization_id, day, kind) select $2, $1, d, $4 from unnest($3::date[]) as d
     on conflict (employee_id, day) do update set kind = excluded.kind`,
    [organizationId, employeeId, days, kind],
  );
}

export async function deleteAbsences(db: Queryable, organizationId: string, employeeId: string, from: string, to: string): Promise<number> {
  const r = await db.query(`delete from rw_absences where organization_id = $1 and employee_id = $2 and day between $3::date and $4::date`, [organizationId, employeeId, from, to]);
  return r.rowCount;
}

export interface ClosureRow {
  day: string;
  reason: string;
}

export async function selectClosures(db: Queryable, organizationId: string, from: string, to: string): Promise<ClosureRow[]> {
  const r = await db.query<ClosureRow>(`select day, reason from rw_closures where organization_id = $1 and day between $2::date and $3::date order by day`, [organizationId, from, to]);
  return r.rows.map((x) => ({ ...x, day: String(x.day).slice(0, 10) }));
}

export async function selectClosure(db: Queryable, organizationId: string, day: string): Promise<ClosureRow | null> {
  const r = await db.query<ClosureRow>(`select day, reason from rw_closures where organization_id = $1 and day = $2::date`, [organizationId, day]);
  return r.rows[0] ? { ...r.rows[0], day: String(r.rows[0].day).slice(0, 10) } : null;
}

export async function upsertClosure(db: Queryable, organizationId: string, day: string, reason: string): Promise<void> {
  await db.query(`insert into rw_closures (organization_id, day, reason) values ($1, $2::date, $3) on conflict (organization_id, day) do update set reason = excluded.reason`, [
    organizationId,
    day,
    reason,
  ]);
}

export async function deleteClosure(db: Queryable, organizationId: string, day: string): Promise<boolean> {
  const r = await db.query(`delete from rw_closures where organization_id = $1 and day = $2::date`, [organizationId, day]);
  return r.rowCount > 0;
}
