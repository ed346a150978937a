/**
 * The SQL of the remote-work agreements (rw_agreements, read with their employee and office):
 * the only file of the agreements area that touches the database. Row-level security limits every
 * query to the caller's body; who may see which agreement inside the body is the `scope` below.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { AgreementStatus, Window, WithdrawalParty } from './agreement-rules.js';

export interface AgreementEmployeeRow {
  id: string;
  organizationId: string;
  officeId: string;
  officeName: string;
  officeManagerUserId: string | null;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  userId: string | null;
  disabledWorker: boolean;
  active: boolean;
}

export interface AgreementRow {
  id: string;
  organizationId: string;
  employeeId: string;
  employeeName: string;
  employeeTaxCode: string;
  employeeUserId: string | null;
  /** rw_employees.email, or the e-mail of the person's account. */
  employeeEmail: string | null;
  disabledWorker: boolean;
  officeId: string;
  officeName: string;
  officeManagerUserId: string | null;
  status: AgreementStatus;
  startsOn: string;
  endsOn: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  monthlyPlan: Record<string, string> | null;
  reachability: Record<string, Window[]>;
  workingFrom: string;
  workingTo: string;
  disconnectionFrom: string;
  disconnectionTo: string;
  disconnectionMeasures: string;
  placeRules: string;
  equipment: string;
  activities: string;
  safetyInfoAcknowledgedAt: string | null;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  registeredBy: string | null;
  registeredAt: string | null;
  withdrawnByParty: WithdrawalParty | null;
  withdrawalNotifiedOn: string | null;
  withdrawalEffectiveOn: string | null;
  withdrawalReason: string | null;
  withdrawalJustified: boolean | null;
  renewedFrom: string | null;
  createdAt: string;
  updatedAt: string;
}

const iso = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);

const EMPLOYEE_COLUMNS = `e.id, e.organization_id as "organizationId", e.office_id as "officeId", o.name as "officeName",
  o.manager_user_id as "officeManagerUserId", e.tax_code as "taxCode", e.first_name as "firstName", e.last_name as "lastName",
  e.email, e.user_id as "userId", e.disabled_worker as "disabledWorker", e.active`;

const AGREEMENT_COLUMNS = `a.id, a.organization_id as "organizationId", a.employee_id as "employeeId",
  e.first_name || ' ' || e.last_name as "employeeName", e.tax_code as "employeeTaxCode", e.user_id as "employeeUserId",
  coalesce(e.email, (select p.email from people_account(e.user_id) p)) as "employeeEmail", e.disabled_worker as "disabledWorker", e.office_id as "officeId", o.name as "officeName", o.manager_user_id as "officeManagerUserId",
  a.status, a.starts_on as "startsOn", a.ends_on as "endsOn", a.max_remote_per_week as "maxRemotePerWeek",
  a.max_remote_per_month as "maxRemotePerMonth", a.allowed_weekdays as "allowedWeekdays", a.monthly_plan as "monthlyPlan",
  a.reachability, a.working_from as "workingFrom", a.working_to as "workingTo", a.disconnection_from as "disconnectionFrom",
  a.disconnection_to as "disconnectionTo", a.disconnection_measures as "disconnectionMeasures", a.place_rules as "placeRules",
  a.equipment, a.activities, a.safety_info_acknowledged_at as "safetyInfoAcknowledgedAt", a.requested_by as "requestedBy",
  a.requested_at as "requestedAt", a.decided_by as "decidedBy", a.decided_at as "decidedAt", a.decision_reason as "decisionReason",
  a.registered_by as "registeredBy", a.registered_at as "registeredAt", a.withdrawn_by_party as "withdrawnByParty",
  a.withdrawal_notified_on as "withdrawalNotifiedOn", a.withdrawal_effective_on as "withdrawalEffectiveOn",
  a.withdrawal_reason as "withdrawalReason", a.withdrawal_justified as "withdrawalJustified", a.renewed_from as "renewedFrom",
  a.created_at as "createdAt", a.updated_at as "updatedAt"`;

const FROM = `rw_agreements a join rw_employees e on e.id = a.employee_id join rw_offices o on o.id = e.office_id`;

function toAgreement(r: Record<string, unknown>): AgreementRow {
  return {
    ...(r as unknown as AgreementRow),
    allowedWeekdays: (r.allowedWeekdays as number[]).map(Number),
    monthlyPlan: r.monthlyPlan === null ? null : json(r.monthlyPlan),
    reachability: json(r.reachability),
    safetyInfoAcknowledgedAt: iso(r.safetyInfoAcknowledgedAt),
    requestedAt: iso(r.requestedAt)!,
    decidedAt: iso(r.decidedAt),
    registeredAt: iso(r.registeredAt),
    createdAt: iso(r.createdAt)!,
    updatedAt: iso(r.updatedAt)!,
  };
}

// ---------------------------------------------------------------- employees

export async function selectEmployee(db: Queryable, organizationId: string, id: string): Promise<AgreementEmployeeRow | null> {
  const r = await db.query<AgreementEmployeeRow>(
    `select ${EMPLOYEE_COLUMNS} from rw_employees e join rw_offices o on o.id = e.office_id where e.id = $1 and e.organization_id = $2`,
    [id, organizationId],
  );
  return r.rows[0] ?? null;
}

/** The active employee record of a platform account in a body (the person asking for himself). */
export async function selectEmployeeOfUser(db: Queryable, organizationId: string, userId: string): Promise<AgreementEmployeeRow | null> {
  const r = await db.query<AgreementEmployeeRow>(
    `select ${EMPLOYEE_COLUMNS} from rw_employees e join rw_offices o on o.id = e.office_id
      where e.user_id = $1 and e.organization_id = $2 and e.active order by e.created_at limit 1`,
    [userId, organizationId],
  );
  return r.rows[0] ?? null;
}

// ---------------------------------------------------------------- agreements

export interface NewAgreement {
  id: string;
  organizationId: string;
  employeeId: string;
  startsOn: string;
  endsOn: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  monthlyPlan: Record<string, string> | null;
  reachability: Record<string, Window[]>;
  workingFrom: string;
  workingTo: string;
  disconnectionFrom: string;
  disconnectionTo: string;
  disconnectionMeasures: string;
  placeRules: string;
  equipment: string;
  activities: string;
  safetyInfoAcknowledged: boolean;
  requestedBy: string;
  renewedFrom: string | null;
}

export async function insertAgreement(db: Queryable, a: NewAgreement): Promise<void> {
  await db.query(
    `insert into rw_agreements (id, organization_id, employee_id, status, starts_on, ends_on, max_remote_per_week, max_remote_per_month,
       allowed_weekdays, monthly_plan, reachability, working_from, working_to, disconnection_from, disconnection_to,
       disconnection_measures, place_rules, equipment, activities, safety_info_acknowledged_at, requested_by, renewed_from)
     values ($1, $2, $3, 'requested', $4, $5, $6, $7, $8::smallint[], $9::jsonb, $10::jsonb, $11, $12, $13, $14, $15, $16, $17, $18,
       case when $19::boolean then now() end, $20, $21)`,
    [a.id, a.organizationId, a.employeeId, a.startsOn, a.endsOn, a.maxRemotePerWeek, a.maxRemotePerMonth, a.allowedWeekdays,
      a.monthlyPlan === null ? null : JSON.stringify(a.monthlyPlan), JSON.stringify(a.reachability), a.workingFrom, a.workingTo,
      a.disconnectionFrom, a.disconnectionTo, a.disconnectionMeasures, a.placeRules, a.equipment, a.activities, a.safetyInfoAcknowledged,
      a.requestedBy, a.renewedFrom],
  );
}

/** One agreement of the body (RLS), with its employee and office; `forUpdate` locks the agreement row. */
export async function selectAgreement(db: Queryable, organizationId: string | null, id: string, forUpdate = false): Promise<AgreementRow | null> {
  const r = await db.query(
    `select ${AGREEMENT_COLUMNS} from ${FROM} where a.id = $1 and ($2::uuid is null or a.organization_id = $2)${forUpdate ? ' for update of a' : ''}`,
    [id, organizationId],
  );
  return r.rows[0] ? toAgreement(r.rows[0]) : null;
}

/** The person's live agreements (requested, approved, registered) whose period meets [startsOn, last]. */
export async function selectOverlapping(db: Queryable, employeeId: string, startsOn: string, last: string | null, exceptId: string | null = null): Promise<AgreementRow[]> {
  const r = await db.query(
    `select ${AGREEMENT_COLUMNS} from ${FROM}
      where a.employee_id = $1 and a.status in ('requested', 'approved', 'registered') and ($4::uuid is null or a.id <> $4)
        and daterange(a.starts_on, coalesce(a.withdrawal_effective_on, a.ends_on), '[]') && daterange($2::date, $3::date, '[]')
      order by a.starts_on`,
    [employeeId, startsOn, last, exceptId],
  );
  return r.rows.map(toAgreement);
}

export interface AgreementScope {
  organizationId: string | null;
  /** HR and body admins: every agreement of the body. */
  all: boolean;
  /** Otherwise: the caller's own (employee.user_id) and those of the offices he manages. */
  userId: string;
}

export interface AgreementFilter {
  statuses: AgreementStatus[] | null;
  officeId: string | null;
  employeeId: string | null;
  /** Only the caller's own agreements (his employee record's). */
  mine: boolean;
  /** Registered agreements whose last day falls in [from, to]. */
  lastDayFrom: string | null;
  lastDayTo: string | null;
}

function whereOf(scope: AgreementScope, f: AgreementFilter, params: unknown[]): string {
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const cond: string[] = [];
  if (scope.organizationId) cond.push(`a.organization_id = ${p(scope.organizationId)}::uuid`);
  if (!scope.all) {
    const u = p(scope.userId);
    cond.push(`(e.user_id = ${u}::uuid or o.manager_user_id = ${u}::uuid)`);
  }
  if (f.mine) cond.push(`e.user_id = ${p(scope.userId)}::uuid`);
  if (f.statuses?.length) cond.push(`a.status = any(${p(f.statuses)}::text[])`);
  if (f.officeId) cond.push(`e.office_id = ${p(f.officeId)}::uuid`);
  if (f.employeeId) cond.push(`a.employee_id = ${p(f.employeeId)}::uuid`);
  if (f.lastDayFrom && f.lastDayTo) {
    cond.push(`a.status = 'registered' and coalesce(a.withdrawal_effective_on, a.ends_on) between ${p(f.lastDayFrom)}::date and ${p(f.lastDayTo)}::date`);
  }
  return cond.length ? cond.join(' and ') : 'true';
}

export async function selectAgreements(db: Queryable, scope: AgreementScope, f: AgreementFilter, limit: number, offset: number): Promise<{ items: AgreementRow[]; total: number }> {
  const params: unknown[] = [];
  const where = whereOf(scope, f, params);
  const rows = await db.query(
    `select ${AGREEMENT_COLUMNS} from ${FROM} where ${where}
      order by case a.status when 'requested' then 0 when 'approved' then 1 else 2 end, a.starts_on desc, e.last_name, e.first_name, a.id
      limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset],
  );
  const total = await db.query<{ n: number }>(`select count(*)::int as n from ${FROM} where ${where}`, params);
  return { items: rows.rows.map(toAgreement), total: Number(total.rows[0].n) };
}

/** True when the user manages the office (rw_offices.manager_user_id). */
export async function managesOffice(db: Queryable, officeId: string, userId: string): Promise<boolean> {
  const r = await db.query(`select 1 from rw_offices where id = $1 and manager_user_id = $2`, [officeId, userId]);
  return r.rows.length > 0;
}

// ---------------------------------------------------------------- changes

export async function updateDecision(db: Queryable, id: string, status: 'approved' | 'refused', by: string, reason: string | null): Promise<void> {
  await db.query(
    `update rw_agreements set status = $2, decided_by = $3, decided_at = now(), decision_reason = $4, updated_at = now() where id = $1`,
    [id, status, by, reason],
  );
}

export async function updateRegistration(db: Queryable, id: string, by: string): Promise<void> {
  await db.query(`update rw_agreements set status = 'registered', registered_by = $2, registered_at = now(), updated_at = now() where id = $1`, [id, by]);
}

export async function updateSafetyAcknowledgement(db: Queryable, id: string): Promise<void> {
  await db.query(`update rw_agreements set safety_info_acknowledged_at = coalesce(safety_info_acknowledged_at, now()), updated_at = now() where id = $1`, [id]);
}

export interface WithdrawalChange {
  status: AgreementStatus;
  party: WithdrawalParty;
  notifiedOn: string;
  /** The last day in force; null for a request withdrawn before registration (never in force). */
  effectiveOn: string | null;
  reason: string;
  justified: boolean;
}

export async function updateWithdrawal(db: Queryable, id: string, w: WithdrawalChange): Promise<void> {
  await db.query(
    `update rw_agreements set status = $2, withdrawn_by_party = $3, withdrawal_notified_on = $4, withdrawal_effective_on = $5,
       withdrawal_reason = $6, withdrawal_justified = $7, updated_at = now() where id = $1`,
    [id, w.status, w.party, w.notifiedOn, w.effectiveOn, w.reason, w.justified],
  );
}

export async function updateStatus(db: Queryable, id: string, status: AgreementStatus): Promise<void> {
  await db.query(`update rw_agreements set status = $2, updated_at = now() where id = $1`, [id, status]);
}

/** Agreements of every body (platform scope) that the daily job must expire or close on `today`. */
export async function selectDueForClosing(db: Queryable, today: string, limit: number): Promise<AgreementRow[]> {
  const r = await db.query(
    `select ${AGREEMENT_COLUMNS} from ${FROM}
      where a.status in ('requested', 'approved', 'registered') and coalesce(a.withdrawal_effective_on, a.ends_on) < $1::date
      order by a.organization_id, a.id limit $2 for update of a skip locked`,
    [today, limit],
  );
  return r.rows.map(toAgreement);
}

// ---------------------------------------------------------------- people to notify

/** The e-mail of a platform account (RLS: a person of the caller's body, or platform scope). */
export async function selectUserEmail(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const r = await db.query<{ email: string }>(`select email from people_account($1) where not disabled`, [userId]);
  return r.rows[0]?.email ?? null;
}

export async function selectUserDisplayName(db: Queryable, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const r = await db.query<{ name: string }>(`select display_name as name from people_account($1)`, [userId]);
  return r.rows[0]?.name ?? null;
}

// ---------------------------------------------------------------- demo

export async function selectUserIdByEmail(db: Queryable, email: string): Promise<string | null> {
  const r = await db.query<{ id: string }>(`select people_user_id_by_email($1) as id`, [email]);
  return r.rows[0]?.id ?? null;
}

export async function countAgreementsOf(db: Queryable, organizationId: string): Promise<number> {
  const r = await db.query<{ n: number }>(`select count(*)::int as n from rw_agreements where organization_id = $1`, [organizationId]);
  return Number(r.rows[0].n);
}

/** An agreement as the demo writes it: already at some step of its workflow. */
export interface SeededAgreement {
  id: string;
  employeeId: string;
  status: AgreementStatus;
  startsOn: string;
  endsOn: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  reachability: Record<string, Window[]>;
  disconnectionMeasures: string;
  placeRules: string;
  equipment: string;
  activities: string;
  safetyInfoAcknowledgedAt: string | null;
  requestedBy: string | null;
  requestedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  registeredBy: string | null;
  registeredAt: string | null;
}

/** Many agreements in one statement (the demo's first start stays quick). */
export async function insertSeededAgreements(db: Queryable, organizationId: string, rows: SeededAgreement[]): Promise<void> {
  if (!rows.length) return;
  await db.query(
    `insert into rw_agreements (id, organization_id, employee_id, status, starts_on, ends_on, max_remote_per_week, max_remote_per_month,
       allowed_weekdays, reachability, disconnection_measures, place_rules, equipment, activities, safety_info_acknowledged_at,
       requested_by, requested_at, decided_by, decided_at, decision_reason, registered_by, registered_at)
     select x."id", $1, x."employeeId", x."status", x."startsOn", x."endsOn", x."maxRemotePerWeek", x."maxRemotePerMonth",
       array(select jsonb_array_elements_text(x."allowedWeekdays")::smallint), x."reachability", x."disconnectionMeasures", x."placeRules",
       x."equipment", x."activities", x."safetyInfoAcknowledgedAt", x."requestedBy", x."requestedAt", x."decidedBy", x."decidedAt",
       x."decisionReason", x."registeredBy", x."registeredAt"
       from jsonb_to_recordset($2::jsonb) as x("id" uuid, "employeeId" uuid, "status" text, "startsOn" date, "endsOn" date,
         "maxRemotePerWeek" smallint, "maxRemotePerMonth" smallint, "allowedWeekdays" jsonb, "reachability" jsonb,
         "disconnectionMeasures" text, "placeRules" text, "equipment" text, "activities" text, "safetyInfoAcknowledgedAt" timestamptz,
         "requestedBy" uuid, "requestedAt" timestamptz, "decidedBy" uuid, "decidedAt" timestamptz, "decisionReason" text,
         "registeredBy" uuid, "registeredAt" timestamptz)`,
    [organizationId, JSON.stringify(rows)],
  );
}
