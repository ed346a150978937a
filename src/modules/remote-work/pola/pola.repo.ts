/**
 * SQL of the POLA area (migrations/0018): the body's settings, declarations and targets (its own
 * tables), and the live reads the document is written from — offices with their activities and
 * coverage, agreements in force and their terms, the agreements' workflow, the people with a role,
 * objectives' coverage. The other areas' tables are only read here, never written. The monthly
 * figures (headcount, shares, by office) come from the indicators' area (show-body-indicators.ts).
 * Every query names the body (organization_id = $1) on top of row-level security.
 */
import type { Queryable } from '../../../platform/db/index.js';

const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

// ------------------------------------------------------------------------------------------ settings

export interface PolaSettingsRow {
  firstYear: number;
  simplifiedOverride: boolean | null;
  notes: Record<string, string>;
  updatedAt: string;
}

export async function selectSettings(tx: Queryable, organizationId: string): Promise<PolaSettingsRow | null> {
  const r = await tx.query<Record<string, unknown>>(
    `select first_year, simplified_override, notes, updated_at from rw_pola_settings where organization_id = $1`,
    [organizationId],
  );
  const x = r.rows[0];
  return x ? { firstYear: Number(x.first_year), simplifiedOverride: x.simplified_override as boolean | null, notes: json(x.notes), updatedAt: iso(x.updated_at)! } : null;
}

export async function upsertSettings(
  tx: Queryable,
  organizationId: string,
  s: { firstYear: number; simplifiedOverride: boolean | null; notes: Record<string, string> },
  userId: string,
): Promise<void> {
  await tx.query(
    `insert into rw_pola_settings (organization_id, first_year, simplified_override, notes, updated_by, updated_at)
     values ($1, $2, $3, $4::jsonb, $5, now())
     on conflict (organization_id) do update set first_year = excluded.first_year, simplified_override = excluded.simplified_override,
       notes = excluded.notes, updated_by = excluded.updated_by, updated_at = now()`,
    [organizationId, s.firstYear, s.simplifiedOverride, JSON.stringify(s.notes), userId],
  );
}

// ------------------------------------------------------------------------------------------ declarations

export interface Declarations {
  devicesProvided: number | null;
  vpn: boolean | null;
  intranet: boolean | null;
  collaborationTools: boolean | null;
  toolsNote: string;
  remoteAppsPercent: number | null;
  digitalSignatureHolders: number | null;
  digitisedProcessesPercent: number | null;
  helpdesk: boolean | null;
  managersTrainedPercent: number | null;
  workersTrainedPercent: number | null;
  trainingCostCents: number | null;
  hardwareInvestmentCents: number | null;
  digitisationInvestmentCents: number | null;
}

export const EMPTY_DECLARATIONS: Declarations = {
  devicesProvided: null,
  vpn: null,
  intranet: null,
  collaborationTools: null,
  toolsNote: '',
  remoteAppsPercent: null,
  digitalSignatureHolders: null,
  digitisedProcessesPercent: null,
  helpdesk: null,
  managersTrainedPercent: null,
  workersTrainedPercent: null,
  trainingCostCents: null,
  hardwareInvestmentCents: null,
  digitisationInvestmentCents: null,
};

export async function selectDeclarations(tx: Queryable, organizationId: string): Promise<(Declarations & { updatedAt: string }) | null> {
  const r = await tx.query<Record<string, unknown>>(`select * from rw_pola_declarations where organization_id = $1`, [organizationId]);
  const x = r.rows[0];
  if (!x) return null;
  return {
    devicesProvided: num(x.devices_provided),
    vpn: x.vpn as boolean | null,
    intranet: x.intranet as boolean | null,
    collaborationTools: x.collaboration_tools as boolean | null,
    toolsNote: String(x.tools_note ?? ''),
    remoteAppsPercent: num(x.remote_apps_percent),
    digitalSignatureHolders: num(x.digital_signature_holders),
    digitisedProcessesPercent: num(x.digitised_processes_percent),
    helpdesk: x.helpdesk as boolean | null,
    managersTrainedPercent: num(x.managers_trained_percent),
    workersTrainedPercent: num(x.workers_trained_percent),
    trainingCostCents: num(x.training_cost_cents),
    hardwareInvestmentCents: num(x.hardware_investment_cents),
    digitisationInvestmentCents: num(x.digitisation_investment_cents),
    updatedAt: iso(x.updated_at)!,
  };
}

export async function upsertDeclarations(tx: Queryable, organizationId: string, d: Declarations, userId: string): Promise<void> {
  await tx.query(
    `insert into rw_pola_declarations (organization_id, devices_provided, vpn, intranet, collaboration_tools, tools_note, remote_apps_percent,
       digital_signature_holders, digitised_processes_percent, helpdesk, managers_trained_percent, workers_trained_percent,
       training_cost_cents, hardware_investment_cents, digitisation_investment_cents, updated_by, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, now())
     on conflict (organization_id) do update set devices_provided = excluded.devices_provided, vpn = excluded.vpn, intranet = excluded.intranet,
       collaboration_tools = excluded.collaboration_tools, tools_note = excluded.tools_note, remote_apps_percent = excluded.remote_apps_percent,
       digital_signature_holders = excluded.digital_signature_holders, digitised_processes_percent = excluded.digitised_processes_percent,
       helpdesk = excluded.helpdesk, managers_trained_percent = excluded.managers_trained_percent,
       workers_trained_percent = excluded.workers_trained_percent, training_cost_cents = excluded.training_cost_cents,
       hardware_investment_cents = excluded.hardware_investment_cents, digitisation_investment_cents = excluded.digitisation_investment_cents,
       updated_by = excluded.updated_by, updated_at = now()`,
    [
      organizationId,
      d.devicesProvided,
      d.vpn,
      d.intranet,
      d.collaborationTools,
      d.toolsNote,
      d.remoteAppsPercent,
      d.digitalSignatureHolders,
      d.digitisedProcessesPercent,
      d.helpdesk,
      d.managersTrainedPercent,
      d.workersTrainedPercent,
      d.trainingCostCents,
      d.hardwareInvestmentCents,
      d.digitisationInvestmentCents,
      userId,
    ],
  );
}

// ------------------------------------------------------------------------------------------ targets

export interface TargetRow {
  indicator: string;
  year: number;
  value: number;
}

export async function selectTargets(tx: Queryable, organizationId: string, years: number[]): Promise<TargetRow[]> {
  const r = await tx.query<{ indicator: string; year: number; value: string }>(
    `select indicator, year, value::text as value from rw_pola_targets where organization_id = $1 and year = any($2::smallint[]) order by indicator, year`,
    [organizationId, years],
  );
  return r.rows.map((x) => ({ indicator: x.indicator, year: Number(x.year), value: Number(x.value) }));
}

export async function upsertTargets(tx: Queryable, organizationId: string, rows: TargetRow[], userId: string): Promise<void> {
  if (!rows.length) return;
  await tx.query(
    `insert into rw_pola_targets (organization_id, indicator, year, value, updated_by, updated_at)
     select $1, i, y, v, $5, now() from unnest($2::text[], $3::smallint[], $4::numeric[]) as x(i, y, v)
     on conflict (organization_id, indicator, year) do update set value = excluded.value, updated_by = excluded.updated_by, updated_at = now()`,
    [organizationId, rows.map((r) => r.indicator), rows.map((r) => r.year), rows.map((r) => r.value), userId],
  );
}

export async function deleteTargets(tx: Queryable, organizationId: string, keys: { indicator: string; year: number }[]): Promise<void> {
  if (!keys.length) return;
  await tx.query(
    `delete from rw_pola_targets t using unnest($2::text[], $3::smallint[]) as x(i, y)
      where t.organization_id = $1 and t.indicator = x.i and t.year = x.y`,
    [organizationId, keys.map((k) => k.indicator), keys.map((k) => k.year)],
  );
}

// ------------------------------------------------------------------------------------------ live reads

export async function countActiveEmployees(tx: Queryable, organizationId: string): Promise<{ active: number; withAccount: number }> {
  const r = await tx.query<{ active: number; with_account: number }>(
    `select count(*)::int as active, count(*) filter (where user_id is not null)::int as with_account
       from rw_employees where organization_id = $1 and active`,
    [organizationId],
  );
  return { active: r.rows[0].active, withAccount: r.rows[0].with_account };
}

export interface PolaOfficeRow {
  id: string;
  code: string;
  name: string;
  managerName: string | null;
  activities: { name: string; remotable: boolean }[];
  coverage: { weekday: number; skill: string; minOnSite: number }[];
}

/** Every office of the body with its manager's name, its activities and its coverage rules. */
export async function selectOffices(tx: Queryable, organizationId: string): Promise<PolaOfficeRow[]> {
  const r = await tx.query<Record<string, unknown>>(
    `select o.id, o.code, o.name, u.display_name as manager_name,
            coalesce((select json_agg(json_build_object('name', a.name, 'remotable', a.remotable) order by a.name)
                        from rw_office_activities a where a.office_id = o.id and a.organization_id = o.organization_id), '[]') as activities,
            coalesce((select json_agg(json_build_object('weekday', c.weekday, 'skill', c.skill, 'minOnSite', c.min_on_site) order by c.skill, c.weekday)
                        from rw_coverage_rules c where c.office_id = o.id and c.organization_id = o.organization_id), '[]') as coverage
       from rw_offices o left join lateral people_account(o.manager_user_id) u on true
      where o.organization_id = $1
      order by o.name collate "C", o.code`,
    [organizationId],
  );
  return r.rows.map((x) => ({
    id: String(x.id),
    code: String(x.code),
    name: String(x.name),
    managerName: (x.manager_name as string | null) ?? null,
    activities: json(x.activities),
    coverage: json<{ weekday: number; skill: string; minOnSite: number }[]>(x.coverage).map((c) => ({ ...c, weekday: Number(c.weekday), minOnSite: Number(c.minOnSite) })),
  }));
}

export interface InForceAgreementRow {
  employeeId: string;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  hasPlan: boolean;
  allowedWeekdays: number[];
  reachability: Record<string, [string, string][]>;
  workingFrom: string;
  workingTo: string;
  disconnectionFrom: string;
  disconnectionTo: string;
  placeRules: string;
  equipment: string;
  safetyAcknowledged: boolean;
}

/**
 * Agreements in force on a day (registered, then possibly withdrawing or expired, the day within
 * their period — the indicators' rule), of active employees.
 */
export async function selectAgreementsInForce(tx: Queryable, organizationId: string, day: string): Promise<InForceAgreementRow[]> {
  const r = await tx.query<Record<string, unknown>>(
    `select a.employee_id, a.max_remote_per_week, a.max_remote_per_month, a.monthly_plan is not null as has_plan, a.allowed_weekdays,
            a.reachability, a.working_from, a.working_to, a.disconnection_from, a.disconnection_to, a.place_rules, a.equipment,
            a.safety_info_acknowledged_at is not null as safety
       from rw_agreements a join rw_employees e on e.id = a.employee_id and e.organization_id = a.organization_id and e.active
      where a.organization_id = $1 and a.registered_at is not null and a.status in ('registered', 'withdrawn', 'expired')
        and a.starts_on <= $2::date and (least(a.ends_on, a.withdrawal_effective_on) is null or least(a.ends_on, a.withdrawal_effective_on) >= $2::date)
      order by a.employee_id`,
    [organizationId, day],
  );
  return r.rows.map((x) => ({
    employeeId: String(x.employee_id),
    maxRemotePerWeek: num(x.max_remote_per_week),
    maxRemotePerMonth: num(x.max_remote_per_month),
    hasPlan: Boolean(x.has_plan),
    allowedWeekdays: (x.allowed_weekdays as unknown[]).map(Number),
    reachability: json(x.reachability),
    workingFrom: String(x.working_from),
    workingTo: String(x.working_to),
    disconnectionFrom: String(x.disconnection_from),
    disconnectionTo: String(x.disconnection_to),
    placeRules: String(x.place_rules),
    equipment: String(x.equipment),
    safetyAcknowledged: Boolean(x.safety),
  }));
}

/** How many of the body's agreements are in each status now. */
export async function selectAgreementStatusCounts(tx: Queryable, organizationId: string): Promise<Record<string, number>> {
  const r = await tx.query<{ status: string; n: number }>(
    `select status, count(*)::int as n from rw_agreements where organization_id = $1 group by status`,
    [organizationId],
  );
  return Object.fromEntries(r.rows.map((x) => [x.status, x.n]));
}

export interface AgreementFlow {
  requested: number;
  approved: number;
  refused: number;
  registered: number;
  withdrawn: number;
}

/** The agreements' workflow since a day: requests, decisions, registrations, withdrawals. */
export async function selectAgreementFlow(tx: Queryable, organizationId: string, since: string): Promise<AgreementFlow> {
  const r = await tx.query<AgreementFlow>(
    `select count(*) filter (where requested_at >= $2::date)::int as requested,
            count(*) filter (where decided_at >= $2::date and status <> 'refused')::int as approved,
            count(*) filter (where decided_at >= $2::date and status = 'refused')::int as refused,
            count(*) filter (where registered_at >= $2::date)::int as registered,
            count(*) filter (where withdrawal_notified_on >= $2::date)::int as withdrawn
       from rw_agreements where organization_id = $1`,
    [organizationId, since],
  );
  return r.rows[0];
}

/** The names of the body's people with a role (e.g. hr_manager), alphabetical. */
export async function selectRoleHolders(tx: Queryable, organizationId: string, role: string): Promise<string[]> {
  const r = await tx.query<{ name: string }>(
    `select display_name as name from people_members($1)
      where role = $2 and not disabled order by display_name limit 50`,
    [organizationId, role],
  );
  return r.rows.map((x) => x.name);
}

export interface ObjectiveCoverage {
  activeObjectives: number;
  employeesCovered: number;
  reportsLast90Days: number;
}

/**
 * Objectives whose period contains the day, the active employees they reach (their own, their
 * team's or their office's objectives) and the reports filed in the 90 days up to the day.
 */
export async function selectObjectiveCoverage(tx: Queryable, organizationId: string, day: string): Promise<ObjectiveCoverage> {
  const r = await tx.query<{ active: number; covered: number; reports: number }>(
    `with cur as (
       select * from rw_objectives where organization_id = $1 and starts_on <= $2::date and ends_on >= $2::date
     )
     select (select count(*)::int from cur) as active,
            (select count(*)::int from rw_employees e
              where e.organization_id = $1 and e.active and (
                exists (select 1 from cur where cur.employee_id = e.id)
                or exists (select 1 from cur where cur.office_id = e.office_id)
                or exists (select 1 from cur join rw_team_members m on m.team_id = cur.team_id where m.employee_id = e.id))) as covered,
            (select count(*)::int from rw_objective_reports r
              where r.organization_id = $1 and r.reported_on > ($2::date - 90) and r.reported_on <= $2::date) as reports`,
    [organizationId, day],
  );
  const x = r.rows[0];
  return { activeObjectives: x.active, employeesCovered: x.covered, reportsLast90Days: x.reports };
}
