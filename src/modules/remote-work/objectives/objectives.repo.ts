/**
 * SQL of the objectives area (migrations/0018): teams and their members, objectives with their
 * indicators and responsible people, reports with a value per indicator. Offices, employees and
 * memberships are only read here. Every query names the body (organization_id = $1) on top of
 * row-level security; who sees which objective inside the body is the `Visibility` below.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { Direction, Scope, ValueType } from './objective-rules.js';

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

// ------------------------------------------------------------------------------------------ people and offices

export interface EmployeeRef {
  id: string;
  officeId: string;
  name: string;
  active: boolean;
}

export async function selectEmployees(tx: Queryable, organizationId: string, ids: string[]): Promise<EmployeeRef[]> {
  const r = await tx.query<EmployeeRef>(
    `select id, office_id as "officeId", first_name || ' ' || last_name as name, active from rw_employees where organization_id = $1 and id = any($2::uuid[])`,
    [organizationId, ids],
  );
  return r.rows;
}

/** The caller's own active employee record in the body (null when his account is not linked). */
export async function selectEmployeeOfUser(tx: Queryable, organizationId: string, userId: string): Promise<{ id: string; officeId: string } | null> {
  const r = await tx.query<{ id: string; officeId: string }>(
    `select id, office_id as "officeId" from rw_employees where organization_id = $1 and user_id = $2 and active order by created_at limit 1`,
    [organizationId, userId],
  );
  return r.rows[0] ?? null;
}

export async function selectOfficeName(tx: Queryable, organizationId: string, officeId: string): Promise<string | null> {
  const r = await tx.query<{ name: string }>(`select name from rw_offices where organization_id = $1 and id = $2`, [organizationId, officeId]);
  return r.rows[0]?.name ?? null;
}

/** Which of these users hold a role in the body (responsible people must). */
export async function selectBodyMembers(tx: Queryable, organizationId: string, userIds: string[]): Promise<string[]> {
  const r = await tx.query<{ user_id: string }>(
    `select distinct user_id from people_members($1) where user_id = any($2::uuid[]) and not disabled`,
    [organizationId, userIds],
  );
  return r.rows.map((x) => x.user_id);
}

// ------------------------------------------------------------------------------------------ teams

export interface TeamRow {
  id: string;
  name: string;
  officeId: string | null;
  officeName: string | null;
  members: { employeeId: string; name: string; officeId: string }[];
  objectives: number;
  updatedAt: string;
}

const TEAM_COLUMNS = `t.id, t.name, t.office_id as "officeId", o.name as "officeName", t.updated_at as "updatedAt",
  coalesce((select json_agg(json_build_object('employeeId', e.id, 'name', e.first_name || ' ' || e.last_name, 'officeId', e.office_id)
                            order by e.last_name, e.first_name, e.id)
              from rw_team_members m join rw_employees e on e.id = m.employee_id where m.team_id = t.id), '[]') as members,
  (select count(*)::int from rw_objectives x where x.team_id = t.id) as objectives`;

function toTeam(x: Record<string, unknown>): TeamRow {
  return { ...(x as unknown as TeamRow), members: typeof x.members === 'string' ? JSON.parse(x.members) : (x.members as TeamRow['members']), updatedAt: iso(x.updatedAt) };
}

export interface TeamFilter {
  /** null: every team; otherwise the teams of these offices … */
  officeIds: string[] | null;
  /** … or the teams this employee belongs to. */
  memberId: string | null;
}

export async function selectTeams(tx: Queryable, organizationId: string, f: TeamFilter): Promise<TeamRow[]> {
  const r = await tx.query<Record<string, unknown>>(
    `select ${TEAM_COLUMNS} from rw_teams t left join rw_offices o on o.id = t.office_id
      where t.organization_id = $1
        and ($2::uuid[] is null or t.office_id = any($2::uuid[])
             or exists (select 1 from rw_team_members m where m.team_id = t.id and m.employee_id = $3::uuid))
      order by t.name, t.id limit 1000`,
    [organizationId, f.officeIds, f.memberId],
  );
  return r.rows.map(toTeam);
}

export async function selectTeam(tx: Queryable, organizationId: string, id: string, forUpdate = false): Promise<TeamRow | null> {
  if (forUpdate) await tx.query(`select id from rw_teams where organization_id = $1 and id = $2 for update`, [organizationId, id]);
  const r = await tx.query<Record<string, unknown>>(`select ${TEAM_COLUMNS} from rw_teams t left join rw_offices o on o.id = t.office_id where t.organization_id = $1 and t.id = $2`, [
    organizationId,
    id,
  ]);
  return r.rows[0] ? toTeam(r.rows[0]) : null;
}

export async function teamNameTaken(tx: Queryable, organizationId: string, name: string, exceptId: string | null): Promise<boolean> {
  const r = await tx.query(`select 1 from rw_teams where organization_id = $1 and lower(name) = lower($2) and ($3::uuid is null or id <> $3::uuid)`, [organizationId, name, exceptId]);
  return r.rows.length > 0;
}

export async function insertTeam(tx: Queryable, organizationId: string, id: string, t: { name: string; officeId: string | null }): Promise<void> {
  await tx.query(`insert into rw_teams (id, organization_id, name, office_id) values ($1, $2, $3, $4)`, [id, organizationId, t.name, t.officeId]);
}

export async function updateTeam(tx: Queryable, organizationId: string, id: string, t: { name: string; officeId: string | null }): Promise<void> {
  await tx.query(`update rw_teams set name = $3, office_id = $4, updated_at = now() where organization_id = $1 and id = $2`, [organizationId, id, t.name, t.officeId]);
}

export async function replaceTeamMembers(tx: Queryable, organizationId: string, teamId: string, employeeIds: string[]): Promise<void> {
  await tx.query(`delete from rw_team_members where organization_id = $1 and team_id = $2`, [organizationId, teamId]);
  if (!employeeIds.length) return;
  await tx.query(`insert into rw_team_members (team_id, employee_id, organization_id) select $2, e, $1 from unnest($3::uuid[]) as e`, [organizationId, teamId, employeeIds]);
}

export async function deleteTeam(tx: Queryable, organizationId: string, id: string): Promise<void> {
  await tx.query(`delete from rw_teams where organization_id = $1 and id = $2`, [organizationId, id]);
}

// ------------------------------------------------------------------------------------------ objectives

export interface ObjectiveRow {
  id: string;
  title: string;
  description: string;
  scope: Scope;
  officeId: string | null;
  teamId: string | null;
  employeeId: string | null;
  /** The office, team or person's name. */
  ownerName: string;
  /** The office the objective falls under (the office itself, the team's office, the person's office). */
  ownerOfficeId: string | null;
  startsOn: string;
  endsOn: string;
  createdAt: string;
  updatedAt: string;
}

const OBJECTIVE_COLUMNS = `x.id, x.title, x.description, x.scope, x.office_id as "officeId", x.team_id as "teamId", x.employee_id as "employeeId",
  coalesce(o.name, t.name, e.first_name || ' ' || e.last_name) as "ownerName",
  coalesce(x.office_id, t.office_id, e.office_id) as "ownerOfficeId",
  x.starts_on as "startsOn", x.ends_on as "endsOn", x.created_at as "createdAt", x.updated_at as "updatedAt"`;
const OBJECTIVE_FROM = `rw_objectives x left join rw_offices o on o.id = x.office_id left join rw_teams t on t.id = x.team_id left join rw_employees e on e.id = x.employee_id`;

function toObjective(x: Record<string, unknown>): ObjectiveRow {
  return { ...(x as unknown as ObjectiveRow), startsOn: day(x.startsOn), endsOn: day(x.endsOn), createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt) };
}

/** Who sees which objectives: everything (HR), the offices managed, one's own and one's teams', the ones one is responsible for. */
export interface Visibility {
  all: boolean;
  managedOfficeIds: string[];
  employeeId: string | null;
  userId: string;
}

const VISIBLE = `($2::boolean
  or coalesce(x.office_id, t.office_id, e.office_id) = any($3::uuid[])
  or (x.scope = 'person' and x.employee_id = $4::uuid)
  or (x.scope = 'team' and exists (select 1 from rw_team_members m where m.team_id = x.team_id and m.employee_id = $4::uuid))
  or exists (select 1 from rw_objective_responsibles r where r.objective_id = x.id and r.user_id = $5::uuid))`;

const visParams = (v: Visibility) => [v.all, v.managedOfficeIds, v.employeeId, v.userId];

export interface ObjectiveFilter {
  scope: Scope | null;
  officeId: string | null;
  teamId: string | null;
  employeeId: string | null;
  /** current: the period contains today; future; past; null: all. */
  period: 'current' | 'future' | 'past' | null;
  today: string;
  q: string | null;
}

export async function selectObjectives(
  tx: Queryable,
  organizationId: string,
  v: Visibility,
  f: ObjectiveFilter,
  limit: number,
  offset: number,
): Promise<{ items: ObjectiveRow[]; total: number }> {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const r = await tx.query<Record<string, unknown>>(
    `select ${OBJECTIVE_COLUMNS}, count(*) over () as total from ${OBJECTIVE_FROM}
      where x.organization_id = $1 and ${VISIBLE}
        and ($6::text is null or x.scope = $6)
        and ($7::uuid is null or coalesce(x.office_id, t.office_id, e.office_id) = $7::uuid)
        and ($8::uuid is null or x.team_id = $8::uuid)
        and ($9::uuid is null or x.employee_id = $9::uuid)
        and ($10::text is null
             or ($10 = 'current' and x.starts_on <= $11::date and x.ends_on >= $11::date)
             or ($10 = 'future' and x.starts_on > $11::date)
             or ($10 = 'past' and x.ends_on < $11::date))
        and ($12::text is null or x.title ilike $12)
      order by x.ends_on, x.title, x.id
      limit $13 offset $14`,
    [organizationId, ...visParams(v), f.scope, f.officeId, f.teamId, f.employeeId, f.period, f.today, like, limit, offset],
  );
  return { items: r.rows.map(toObjective), total: r.rows[0] ? Number(r.rows[0].total) : 0 };
}

/** One objective, whoever may see it (visibility is decided by the use case). */
export async function selectObjective(tx: Queryable, organizationId: string, id: string, forUpdate = false): Promise<ObjectiveRow | null> {
  if (forUpdate) await tx.query(`select id from rw_objectives where organization_id = $1 and id = $2 for update`, [organizationId, id]);
  const r = await tx.query<Record<string, unknown>>(`select ${OBJECTIVE_COLUMNS} from ${OBJECTIVE_FROM} where x.organization_id = $1 and x.id = $2`, [organizationId, id]);
  return r.rows[0] ? toObjective(r.rows[0]) : null;
}

export async function isVisible(tx: Queryable, organizationId: string, v: Visibility, id: string): Promise<boolean> {
  const r = await tx.query(`select 1 from ${OBJECTIVE_FROM} where x.organization_id = $1 and x.id = $6 and ${VISIBLE}`, [organizationId, ...visParams(v), id]);
  return r.rows.length > 0;
}

export interface NewObjective {
  title: string;
  description: string;
  scope: Scope;
  officeId: string | null;
  teamId: string | null;
  employeeId: string | null;
  startsOn: string;
  endsOn: string;
}

export async function insertObjective(tx: Queryable, organizationId: string, id: string, o: NewObjective, createdBy: string): Promise<void> {
  await tx.query(
    `insert into rw_objectives (id, organization_id, title, description, scope, office_id, team_id, employee_id, starts_on, ends_on, created_by)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [id, organizationId, o.title, o.description, o.scope, o.officeId, o.teamId, o.employeeId, o.startsOn, o.endsOn, createdBy],
  );
}

export async function updateObjective(tx: Queryable, organizationId: string, id: string, o: { title: string; description: string; startsOn: string; endsOn: string }): Promise<void> {
  await tx.query(
    `update rw_objectives set title = $3, description = $4, starts_on = $5, ends_on = $6, updated_at = now() where organization_id = $1 and id = $2`,
    [organizationId, id, o.title, o.description, o.startsOn, o.endsOn],
  );
}

export async function deleteObjective(tx: Queryable, organizationId: string, id: string): Promise<void> {
  await tx.query(`delete from rw_objectives where organization_id = $1 and id = $2`, [organizationId, id]);
}

export interface IndicatorRow {
  id: string;
  objectiveId: string;
  position: number;
  name: string;
  unit: string;
  valueType: ValueType;
  baseline: number;
  target: number;
  direction: Direction;
}

export async function selectIndicators(tx: Queryable, organizationId: string, objectiveIds: string[]): Promise<IndicatorRow[]> {
  const r = await tx.query<Record<string, unknown>>(
    `select id, objective_id as "objectiveId", position, name, unit, value_type as "valueType", baseline::text as baseline, target::text as target, direction
       from rw_objective_indicators where organization_id = $1 and objective_id = any($2::uuid[]) order by objective_id, position`,
    [organizationId, objectiveIds],
  );
  return r.rows.map((x) => ({ ...(x as unknown as IndicatorRow), position: Number(x.position), baseline: Number(x.baseline), target: Number(x.target) }));
}

export interface IndicatorFields {
  name: string;
  unit: string;
  valueType: ValueType;
  baseline: number;
  target: number;
  direction: Direction;
}

export async function insertIndicator(tx: Queryable, organizationId: string, objectiveId: string, id: string, position: number, i: IndicatorFields): Promise<void> {
  await tx.query(
    `insert into rw_objective_indicators (id, objective_id, organization_id, position, name, unit, value_type, baseline, target, direction)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [id, objectiveId, organizationId, position, i.name, i.unit, i.valueType, i.baseline, i.target, i.direction],
  );
}

export async function updateIndicator(tx: Queryable, organizationId: string, id: string, position: number, i: IndicatorFields): Promise<void> {
  await tx.query(
    `update rw_objective_indicators set position = $3, name = $4, unit = $5, value_type = $6, baseline = $7, target = $8, direction = $9
      where organization_id = $1 and id = $2`,
    [organizationId, id, position, i.name, i.unit, i.valueType, i.baseline, i.target, i.direction],
  );
}

/** Moves the positions of an objective's indicators out of the way before they are renumbered. */
export async function shiftIndicatorPositions(tx: Queryable, organizationId: string, objectiveId: string): Promise<void> {
  await tx.query(`update rw_objective_indicators set position = position + 50 where organization_id = $1 and objective_id = $2`, [organizationId, objectiveId]);
}

export async function deleteIndicators(tx: Queryable, organizationId: string, ids: string[]): Promise<void> {
  if (!ids.length) return;
  await tx.query(`delete from rw_objective_indicators where organization_id = $1 and id = any($2::uuid[])`, [organizationId, ids]);
}

/** The indicators (of these) that have reported values. */
export async function selectIndicatorsWithValues(tx: Queryable, organizationId: string, ids: string[]): Promise<string[]> {
  const r = await tx.query<{ indicator_id: string }>(
    `select distinct indicator_id from rw_objective_report_values where organization_id = $1 and indicator_id = any($2::uuid[])`,
    [organizationId, ids],
  );
  return r.rows.map((x) => x.indicator_id);
}

export async function selectResponsibles(tx: Queryable, organizationId: string, objectiveIds: string[]): Promise<{ objectiveId: string; userId: string; name: string }[]> {
  const r = await tx.query<{ objectiveId: string; userId: string; name: string }>(
    `select r.objective_id as "objectiveId", r.user_id as "userId", coalesce(u.display_name, '') as name
       from rw_objective_responsibles r left join lateral people_account(r.user_id) u on true
      where r.organization_id = $1 and r.objective_id = any($2::uuid[]) order by u.display_name, r.user_id`,
    [organizationId, objectiveIds],
  );
  return r.rows;
}

export async function replaceResponsibles(tx: Queryable, organizationId: string, objectiveId: string, userIds: string[]): Promise<void> {
  await tx.query(`delete from rw_objective_responsibles where organization_id = $1 and objective_id = $2`, [organizationId, objectiveId]);
  await tx.query(
    `insert into rw_objective_responsibles (objective_id, user_id, organization_id) select $2, u, $1 from unnest($3::uuid[]) as u`,
    [organizationId, objectiveId, userIds],
  );
}

// ------------------------------------------------------------------------------------------ reports

export interface ReportRow {
  id: string;
  reportedOn: string;
  comment: string;
  reportedBy: string | null;
  reportedByName: string | null;
  createdAt: string;
  values: { indicatorId: string; value: number }[];
}

export async function selectReports(tx: Queryable, organizationId: string, objectiveId: string): Promise<ReportRow[]> {
  const r = await tx.query<Record<string, unknown>>(
    `select p.id, p.reported_on as "reportedOn", p.comment, p.reported_by as "reportedBy", u.display_name as "reportedByName", p.created_at as "createdAt",
            coalesce((select json_agg(json_build_object('indicatorId', v.indicator_id, 'value', v.value) order by i.position)
                        from rw_objective_report_values v join rw_objective_indicators i on i.id = v.indicator_id
                       where v.report_id = p.id), '[]') as values
       from rw_objective_reports p left join lateral people_account(p.reported_by) u on true
      where p.organization_id = $1 and p.objective_id = $2 order by p.reported_on, p.created_at`,
    [organizationId, objectiveId],
  );
  return r.rows.map((x) => ({
    ...(x as unknown as ReportRow),
    reportedOn: day(x.reportedOn),
    createdAt: iso(x.createdAt),
    values: (typeof x.values === 'string' ? JSON.parse(x.values) : (x.values as { indicatorId: string; value: unknown }[])).map((v: { indicatorId: string; value: unknown }) => ({
      indicatorId: v.indicatorId,
      value: Number(v.value),
    })),
  }));
}

/** The latest reported value of each indicator of these objectives. */
export async function selectLatestValues(tx: Queryable, organizationId: string, objectiveIds: string[]): Promise<Map<string, { value: number; on: string }>> {
  const r = await tx.query<{ indicator_id: string; value: string; on: unknown }>(
    `select distinct on (v.indicator_id) v.indicator_id, v.value::text as value, p.reported_on as on
       from rw_objective_report_values v join rw_objective_reports p on p.id = v.report_id
      where p.organization_id = $1 and p.objective_id = any($2::uuid[])
      order by v.indicator_id, p.reported_on desc, p.created_at desc`,
    [organizationId, objectiveIds],
  );
  return new Map(r.rows.map((x) => [x.indicator_id, { value: Number(x.value), on: day(x.on) }]));
}

export async function selectLastReportDays(tx: Queryable, organizationId: string, objectiveIds: string[]): Promise<Map<string, string>> {
  const r = await tx.query<{ objective_id: string; last: unknown }>(
    `select objective_id, max(reported_on) as last from rw_objective_reports where organization_id = $1 and objective_id = any($2::uuid[]) group by objective_id`,
    [organizationId, objectiveIds],
  );
  return new Map(r.rows.map((x) => [x.objective_id, day(x.last)]));
}

export async function countReportsOutside(tx: Queryable, organizationId: string, objectiveId: string, startsOn: string, endsOn: string): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `select count(*)::int as n from rw_objective_reports where organization_id = $1 and objective_id = $2 and (reported_on < $3::date or reported_on > $4::date)`,
    [organizationId, objectiveId, startsOn, endsOn],
  );
  return r.rows[0].n;
}

export async function reportExists(tx: Queryable, organizationId: string, objectiveId: string, reportedOn: string): Promise<boolean> {
  const r = await tx.query(`select 1 from rw_objective_reports where organization_id = $1 and objective_id = $2 and reported_on = $3`, [organizationId, objectiveId, reportedOn]);
  return r.rows.length > 0;
}

export async function insertReport(
  tx: Queryable,
  organizationId: string,
  objectiveId: string,
  id: string,
  r: { reportedOn: string; comment: string; values: { indicatorId: string; value: number }[] },
  userId: string,
): Promise<void> {
  await tx.query(
    `insert into rw_objective_reports (id, objective_id, organization_id, reported_on, comment, reported_by) values ($1, $2, $3, $4, $5, $6)`,
    [id, objectiveId, organizationId, r.reportedOn, r.comment, userId],
  );
  await tx.query(
    `insert into rw_objective_report_values (report_id, indicator_id, organization_id, value) select $1, i, $2, v from unnest($3::uuid[], $4::numeric[]) as x(i, v)`,
    [id, organizationId, r.values.map((v) => v.indicatorId), r.values.map((v) => v.value)],
  );
}
