/**
 * The SQL of the planner's area (plan runs, planned days, pins, swaps, calendar feeds): the only
 * file of this area that touches the database. It reads the offices, coverage rules, employees,
 * agreements, absences and closures directly (read-only) to build the planner's input.
 *
 * Every query names the body explicitly (`organization_id = $1`): row-level security already
 * isolates bodies, but platform administrators act in platform scope and would see them all.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { SwapViolation } from './swap-check.js';

export type DayKind = 'remote' | 'onsite' | 'absent';
export type PinSource = 'manager' | 'swap';
export type RunStatus = 'queued' | 'running' | 'done' | 'failed';
export type RunTrigger = 'plan' | 'pin';
export type SwapStatus = 'pending' | 'accepted' | 'refused';

const iso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const isoOrNull = (v: unknown): string | null => (v === null || v === undefined ? null : iso(v));
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

// ---------------------------------------------------------------- settings and the body's plan lock

export interface PlanSettingsRow {
  swapRequiresApproval: boolean;
  planVersion: number;
}

/** The body's settings (defaults when the row does not exist yet). */
export async function selectPlanSettings(tx: Queryable, organizationId: string): Promise<PlanSettingsRow> {
  const r = await tx.query<PlanSettingsRow>(
    `select swap_requires_approval as "swapRequiresApproval", plan_version as "planVersion"
       from rw_plan_settings where organization_id = $1`,
    [organizationId],
  );
  return r.rows[0] ?? { swapRequiresApproval: false, planVersion: 0 };
}

/** Locks the body's plan (creating its settings row on first use) until the transaction ends. */
export async function lockPlan(tx: Queryable, organizationId: string): Promise<PlanSettingsRow> {
  await tx.query(`insert into rw_plan_settings (organization_id) values ($1) on conflict (organization_id) do nothing`, [organizationId]);
  const r = await tx.query<PlanSettingsRow>(
    `select swap_requires_approval as "swapRequiresApproval", plan_version as "planVersion"
       from rw_plan_settings where organization_id = $1 for update`,
    [organizationId],
  );
  return r.rows[0];
}

/** Marks the body's plan as changed (call with the lock held). */
export async function bumpPlanVersion(tx: Queryable, organizationId: string): Promise<void> {
  await tx.query(`update rw_plan_settings set plan_version = plan_version + 1 where organization_id = $1`, [organizationId]);
}

export async function updateSwapApproval(tx: Queryable, organizationId: string, required: boolean): Promise<void> {
  await tx.query(`update rw_plan_settings set swap_requires_approval = $2, updated_at = now() where organization_id = $1`, [organizationId, required]);
}

// ---------------------------------------------------------------- what the planner reads

export interface PlanOfficeRow {
  id: string;
  code: string;
  name: string;
  managerUserId: string | null;
}

/** The body's offices, or only the given ones, ordered by name. */
export async function selectOffices(tx: Queryable, organizationId: string, officeIds: string[] | null): Promise<PlanOfficeRow[]> {
  const r = await tx.query<PlanOfficeRow>(
    `select id, code, name, manager_user_id as "managerUserId" from rw_offices
      where organization_id = $1 and ($2::uuid[] is null or id = any($2::uuid[])) order by name, code`,
    [organizationId, officeIds],
  );
  return r.rows;
}

/** Ids of the offices the user manages in the body. */
export async function selectManagedOfficeIds(tx: Queryable, organizationId: string, userId: string): Promise<string[]> {
  const r = await tx.query<{ id: string }>(`select id from rw_offices where organization_id = $1 and manager_user_id = $2`, [organizationId, userId]);
  return r.rows.map((x) => x.id);
}

export interface CoverageRow {
  officeId: string;
  weekday: number;
  /** '' = the office total */
  skill: string;
  minOnSite: number;
}

export async function selectCoverageRules(tx: Queryable, organizationId: string, officeIds: string[]): Promise<CoverageRow[]> {
  const r = await tx.query<CoverageRow>(
    `select office_id as "officeId", weekday, skill, min_on_site as "minOnSite" from rw_coverage_rules
      where organization_id = $1 and office_id = any($2::uuid[])`,
    [organizationId, officeIds],
  );
  return r.rows;
}

export interface PlanEmployeeRow {
  id: string;
  officeId: string;
  firstName: string;
  lastName: string;
  email: string | null;
  userId: string | null;
  skills: string[];
  preferredWeekdays: number[];
}

const EMPLOYEE_COLUMNS = `e.id, e.office_id as "officeId", e.first_name as "firstName", e.last_name as "lastName", e.email,
  e.user_id as "userId", e.skills, e.preferred_weekdays as "preferredWeekdays"`;

/** The active employees of the given offices, ordered by office, last and first name. */
export async function selectActiveEmployees(tx: Queryable, organizationId: string, officeIds: string[]): Promise<PlanEmployeeRow[]> {
  const r = await tx.query<PlanEmployeeRow>(
    `select ${EMPLOYEE_COLUMNS} from rw_employees e
      where e.organization_id = $1 and e.active and e.office_id = any($2::uuid[])
      order by e.office_id, e.last_name, e.first_name, e.id`,
    [organizationId, officeIds],
  );
  return r.rows;
}

/** How many active employees the offices have (null = every office of the body). */
export async function countActiveEmployees(tx: Queryable, organizationId: string, officeIds: string[] | null): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `select count(*)::int as n from rw_employees where organization_id = $1 and active and ($2::uuid[] is null or office_id = any($2::uuid[]))`,
    [organizationId, officeIds],
  );
  return r.rows[0].n;
}

/** An employee of the body (active or not). */
export async function selectEmployee(tx: Queryable, organizationId: string, id: string): Promise<(PlanEmployeeRow & { active: boolean }) | null> {
  const r = await tx.query<PlanEmployeeRow & { active: boolean }>(
    `select ${EMPLOYEE_COLUMNS}, e.active from rw_employees e where e.organization_id = $1 and e.id = $2`,
    [organizationId, id],
  );
  return r.rows[0] ?? null;
}

/** The signed-in user's active employee record in the body. */
export async function selectEmployeeByUser(tx: Queryable, organizationId: string, userId: string): Promise<PlanEmployeeRow | null> {
  const r = await tx.query<PlanEmployeeRow>(
    `select ${EMPLOYEE_COLUMNS} from rw_employees e where e.organization_id = $1 and e.user_id = $2 and e.active
      order by e.created_at limit 1`,
    [organizationId, userId],
  );
  return r.rows[0] ?? null;
}

export interface PlanAgreementRow {
  id: string;
  employeeId: string;
  startsOn: string;
  endsOn: string | null;
  /** after a withdrawal, the last day the agreement is in force (inclusive, as agreement-rules.ts) */
  withdrawalEffectiveOn: string | null;
  maxRemotePerWeek: number | null;
  maxRemotePerMonth: number | null;
  allowedWeekdays: number[];
  monthlyPlan: Record<string, string> | null;
}

/**
 * The agreements of the given employees in force on some day of [from, to]: registered ones, and
 * withdrawn ones up to their last day in force (withdrawal_effective_on, inclusive).
 */
export async function selectAgreementsInForce(tx: Queryable, organizationId: string, employeeIds: string[], from: string, to: string): Promise<PlanAgreementRow[]> {
  const r = await tx.query<PlanAgreementRow>(
    `select id, employee_id as "employeeId", starts_on as "startsOn", ends_on as "endsOn",
            withdrawal_effective_on as "withdrawalEffectiveOn", max_remote_per_week as "maxRemotePerWeek",
            max_remote_per_month as "maxRemotePerMonth", allowed_weekdays as "allowedWeekdays", monthly_plan as "monthlyPlan"
       from rw_agreements
      where organization_id = $1 and employee_id = any($2::uuid[])
        and (status = 'registered' or (status = 'withdrawn' and withdrawal_effective_on is not null))
        and starts_on <= $4::date and (ends_on is null or ends_on >= $3::date)
        and (withdrawal_effective_on is null or withdrawal_effective_on >= $3::date)
      order by employee_id, starts_on`,
    [organizationId, employeeIds, from, to],
  );
  return r.rows.map((a) => ({ ...a, monthlyPlan: a.monthlyPlan === null ? null : json<Record<string, string>>(a.monthlyPlan) }));
}

export async function selectAbsences(tx: Queryable, organizationId: string, employeeIds: string[], from: string, to: string): Promise<{ employeeId: string; day: string; kind: string }[]> {
  const r = await tx.query<{ employeeId: string; day: string; kind: string }>(
    `select employee_id as "employeeId", day, kind from rw_absences
      where organization_id = $1 and employee_id = any($2::uuid[]) and day between $3::date and $4::date`,
    [organizationId, employeeIds, from, to],
  );
  return r.rows;
}

export async function selectClosures(tx: Queryable, organizationId: string, from: string, to: string): Promise<{ day: string; reason: string }[]> {
  const r = await tx.query<{ day: string; reason: string }>(
    `select day, reason from rw_closures where organization_id = $1 and day between $2::date and $3::date order by day`,
    [organizationId, from, to],
  );
  return r.rows;
}

// ---------------------------------------------------------------- planned days and pins

export interface PlanDayRow {
  employeeId: string;
  officeId: string;
  day: string;
  kind: DayKind;
  pinned: boolean;
  pinSource: PinSource | null;
}

const PLAN_DAY_COLUMNS = `employee_id as "employeeId", office_id as "officeId", day, kind, pinned, pin_source as "pinSource"`;

/** The planned days (or only the pinned ones) of the given employees in [from, to]. */
export async function selectPlanDays(tx: Queryable, organizationId: string, employeeIds: string[], from: string, to: string, pinnedOnly = false): Promise<PlanDayRow[]> {
  const r = await tx.query<PlanDayRow>(
    `select ${PLAN_DAY_COLUMNS} from rw_plan_days
      where organization_id = $1 and employee_id = any($2::uuid[]) and day between $3::date and $4::date${pinnedOnly ? ' and pinned' : ''}
      order by employee_id, day`,
    [organizationId, employeeIds, from, to],
  );
  return r.rows;
}

/** One employee's planned day. */
export async function selectPlanDay(tx: Queryable, organizationId: string, employeeId: string, day: string): Promise<PlanDayRow | null> {
  const r = await tx.query<PlanDayRow>(
    `select ${PLAN_DAY_COLUMNS} from rw_plan_days where organization_id = $1 and employee_id = $2 and day = $3::date`,
    [organizationId, employeeId, day],
  );
  return r.rows[0] ?? null;
}

export interface NewPlanDay {
  employeeId: string;
  officeId: string;
  day: string;
  kind: DayKind;
}

/**
 * The planned days a plan of [from, to] replaces or keeps: those of the given offices and of the
 * given employees (who may have moved office) in the range.
 */
export async function selectPlanDaysForWrite(
  tx: Queryable,
  organizationId: string,
  officeIds: string[],
  employeeIds: string[],
  from: string,
  to: string,
): Promise<PlanDayRow[]> {
  const r = await tx.query<PlanDayRow>(
    `select ${PLAN_DAY_COLUMNS} from rw_plan_days
      where organization_id = $1 and day between $4::date and $5::date and (office_id = any($2::uuid[]) or employee_id = any($3::uuid[]))`,
    [organizationId, officeIds, employeeIds, from, to],
  );
  return r.rows;
}

/** Removes unpinned planned days. */
export async function deletePlanDays(tx: Queryable, organizationId: string, days: { employeeId: string; day: string }[]): Promise<number> {
  if (days.length === 0) return 0;
  const r = await tx.query(
    `delete from rw_plan_days d using unnest($2::uuid[], $3::date[]) as t(e, dd)
      where d.organization_id = $1 and d.employee_id = t.e and d.day = t.dd and not d.pinned`,
    [organizationId, days.map((x) => x.employeeId), days.map((x) => x.day)],
  );
  return r.rowCount;
}

/** Changes the kind and office of unpinned planned days, or only the office of pinned ones. */
export async function updatePlanDays(tx: Queryable, organizationId: string, days: NewPlanDay[], pinned: boolean): Promise<number> {
  if (days.length === 0) return 0;
  const r = await tx.query(
    pinned
      ? `update rw_plan_days d set office_id = t.o, updated_at = now() from unnest($2::uuid[], $3::date[], $4::uuid[], $5::text[]) as t(e, dd, o, k)
          where d.organization_id = $1 and d.employee_id = t.e and d.day = t.dd and d.pinned`
      : `update rw_plan_days d set kind = t.k, office_id = t.o, updated_at = now() from unnest($2::uuid[], $3::date[], $4::uuid[], $5::text[]) as t(e, dd, o, k)
          where d.organization_id = $1 and d.employee_id = t.e and d.day = t.dd and not d.pinned`,
    [organizationId, days.map((x) => x.employeeId), days.map((x) => x.day), days.map((x) => x.officeId), days.map((x) => x.kind)],
  );
  return r.rowCount;
}

/** Adds planned days (unpinned); a day that exists meanwhile is left alone. */
export async function insertPlanDays(tx: Queryable, organizationId: string, rows: NewPlanDay[]): Promise<number> {
  let written = 0;
  const BATCH = 20000;
  for (let i = 0; i < rows.length; i += BATCH) {
    const part = rows.slice(i, i + BATCH);
    const r = await tx.query(
      `insert into rw_plan_days (employee_id, organization_id, office_id, day, kind, pinned)
       select e, $1, o, d, k, false from unnest($2::uuid[], $3::uuid[], $4::date[], $5::text[]) as t(e, o, d, k)
       on conflict (employee_id, day) do nothing`,
      [organizationId, part.map((x) => x.employeeId), part.map((x) => x.officeId), part.map((x) => x.day), part.map((x) => x.kind)],
    );
    written += r.rowCount;
  }
  return written;
}

/** Pins (or re-pins) one employee's day. */
export async function upsertPin(tx: Queryable, organizationId: string, p: NewPlanDay & { source: PinSource }): Promise<void> {
  await tx.query(
    `insert into rw_plan_days (employee_id, organization_id, office_id, day, kind, pinned, pin_source)
     values ($2, $1, $3, $4::date, $5, true, $6)
     on conflict (employee_id, day) do update
       set office_id = excluded.office_id, kind = excluded.kind, pinned = true, pin_source = excluded.pin_source, updated_at = now()`,
    [organizationId, p.employeeId, p.officeId, p.day, p.kind, p.source],
  );
}

/** Removes the pin of one day (the day keeps its kind until the next plan). Returns whether a pin was there. */
export async function unpin(tx: Queryable, organizationId: string, employeeId: string, day: string): Promise<boolean> {
  const r = await tx.query(
    `update rw_plan_days set pinned = false, pin_source = null, updated_at = now()
      where organization_id = $1 and employee_id = $2 and day = $3::date and pinned`,
    [organizationId, employeeId, day],
  );
  return r.rowCount > 0;
}

// ---------------------------------------------------------------- plan runs

export interface PlanRunRow {
  id: string;
  organizationId: string;
  requestedBy: string | null;
  from: string;
  to: string;
  officeIds: string[] | null;
  trigger: RunTrigger;
  status: RunStatus;
  progress: number;
  employees: number | null;
  workingDays: number | null;
  report: Record<string, unknown> | null;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const RUN_COLUMNS = `id, organization_id as "organizationId", requested_by as "requestedBy", from_day as "from", to_day as "to",
  office_ids as "officeIds", trigger, status, progress, employees, working_days as "workingDays", report, error,
  duration_ms as "durationMs", created_at as "createdAt", started_at as "startedAt", finished_at as "finishedAt"`;
const RUN_SUMMARY_COLUMNS = RUN_COLUMNS.replace('report,', `(report - 'outcomes') as report,`);

function toRun(r: Record<string, unknown>): PlanRunRow {
  return {
    ...(r as unknown as PlanRunRow),
    report: r.report === null ? null : json<Record<string, unknown>>(r.report),
    createdAt: iso(r.createdAt),
    startedAt: isoOrNull(r.startedAt),
    finishedAt: isoOrNull(r.finishedAt),
  };
}

export async function insertPlanRun(
  tx: Queryable,
  r: { organizationId: string; requestedBy: string | null; from: string; to: string; officeIds: string[] | null; trigger: RunTrigger; status: RunStatus },
): Promise<PlanRunRow> {
  const res = await tx.query<Record<string, unknown>>(
    `insert into rw_plan_runs (organization_id, requested_by, from_day, to_day, office_ids, trigger, status, started_at)
     values ($1, $2, $3::date, $4::date, $5::uuid[], $6, $7, case when $7 = 'running' then now() end) returning ${RUN_COLUMNS}`,
    [r.organizationId, r.requestedBy, r.from, r.to, r.officeIds, r.trigger, r.status],
  );
  return toRun(res.rows[0]);
}

export async function selectPlanRun(tx: Queryable, organizationId: string, id: string): Promise<PlanRunRow | null> {
  const r = await tx.query<Record<string, unknown>>(`select ${RUN_COLUMNS} from rw_plan_runs where organization_id = $1 and id = $2`, [organizationId, id]);
  return r.rows[0] ? toRun(r.rows[0]) : null;
}

/** Runs of the body, newest first, without the per-employee outcomes; optionally only one requester's. */
export async function selectPlanRuns(
  tx: Queryable,
  organizationId: string,
  requestedBy: string | null,
  limit: number,
  offset: number,
): Promise<{ items: PlanRunRow[]; total: number }> {
  const r = await tx.query<Record<string, unknown>>(
    `select ${RUN_SUMMARY_COLUMNS}, count(*) over () as "total" from rw_plan_runs
      where organization_id = $1 and ($2::uuid is null or requested_by = $2::uuid)
      order by created_at desc, id limit $3 offset $4`,
    [organizationId, requestedBy, limit, offset],
  );
  const total = r.rows.length ? Number(r.rows[0].total) : offset > 0 ? await countRuns(tx, organizationId, requestedBy) : 0;
  return { items: r.rows.map(toRun), total };
}

async function countRuns(tx: Queryable, organizationId: string, requestedBy: string | null): Promise<number> {
  const r = await tx.query<{ n: number }>(
    `select count(*)::int as n from rw_plan_runs where organization_id = $1 and ($2::uuid is null or requested_by = $2::uuid)`,
    [organizationId, requestedBy],
  );
  return r.rows[0].n;
}

/** The newest finished run that overlaps the day range and planned some of the offices (for the grid's explanations). */
export async function selectLatestDoneRun(tx: Queryable, organizationId: string, from: string, to: string, officeIds: string[]): Promise<PlanRunRow | null> {
  const r = await tx.query<Record<string, unknown>>(
    `select ${RUN_SUMMARY_COLUMNS} from rw_plan_runs
      where organization_id = $1 and status = 'done' and from_day <= $3::date and to_day >= $2::date
        and (office_ids is null or office_ids && $4::uuid[])
      order by finished_at desc nulls last, created_at desc limit 1`,
    [organizationId, from, to, officeIds],
  );
  return r.rows[0] ? toRun(r.rows[0]) : null;
}

export async function markRunRunning(tx: Queryable, organizationId: string, id: string): Promise<boolean> {
  const r = await tx.query(
    `update rw_plan_runs set status = 'running', started_at = now(), progress = greatest(progress, 5)
      where organization_id = $1 and id = $2 and status = 'queued'`,
    [organizationId, id],
  );
  return r.rowCount > 0;
}

export async function updateRunProgress(tx: Queryable, organizationId: string, id: string, progress: number): Promise<void> {
  await tx.query(`update rw_plan_runs set progress = $3 where organization_id = $1 and id = $2 and status = 'running'`, [organizationId, id, progress]);
}

export async function finishRun(
  tx: Queryable,
  organizationId: string,
  id: string,
  r: { status: 'done' | 'failed'; employees: number | null; workingDays: number | null; report: unknown; error: string | null; durationMs: number },
): Promise<PlanRunRow> {
  const res = await tx.query<Record<string, unknown>>(
    `update rw_plan_runs set status = $3, progress = 100, employees = $4, working_days = $5, report = $6::jsonb, error = $7,
            duration_ms = $8, finished_at = now(), started_at = coalesce(started_at, now())
      where organization_id = $1 and id = $2 returning ${RUN_COLUMNS}`,
    [organizationId, id, r.status, r.employees, r.workingDays, r.report === null ? null : JSON.stringify(r.report), r.error?.slice(0, 4000) ?? null, r.durationMs],
  );
  return toRun(res.rows[0]);
}

// ---------------------------------------------------------------- swap requests

export interface SwapRow {
  id: string;
  organizationId: string;
  employeeId: string;
  employeeName: string;
  officeId: string;
  officeName: string;
  fromDay: string;
  toDay: string;
  status: SwapStatus;
  reason: string | null;
  violations: SwapViolation[];
  note: string;
  requestedBy: string | null;
  createdAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
}

const SWAP_COLUMNS = `s.id, s.organization_id as "organizationId", s.employee_id as "employeeId",
  e.first_name || ' ' || e.last_name as "employeeName", s.office_id as "officeId", o.name as "officeName",
  s.from_day as "fromDay", s.to_day as "toDay", s.status, s.reason, s.violations, s.note, s.requested_by as "requestedBy",
  s.created_at as "createdAt", s.decided_by as "decidedBy", s.decided_at as "decidedAt"`;
const SWAP_FROM = `rw_swap_requests s join rw_employees e on e.id = s.employee_id and e.organization_id = s.organization_id
  join rw_offices o on o.id = s.office_id and o.organization_id = s.organization_id`;

function toSwap(r: Record<string, unknown>): SwapRow {
  return { ...(r as unknown as SwapRow), violations: json<SwapViolation[]>(r.violations), createdAt: iso(r.createdAt), decidedAt: isoOrNull(r.decidedAt) };
}

export async function insertSwap(
  tx: Queryable,
  s: { organizationId: string; employeeId: string; officeId: string; fromDay: string; toDay: string; status: SwapStatus; reason: string | null; violations: unknown[]; note: string; requestedBy: string; decided: boolean },
): Promise<string> {
  const r = await tx.query<{ id: string }>(
    `insert into rw_swap_requests (organization_id, employee_id, office_id, from_day, to_day, status, reason, violations, note, requested_by, decided_at)
     values ($1, $2, $3, $4::date, $5::date, $6, $7, $8::jsonb, $9, $10, case when $11::boolean then now() end) returning id`,
    [s.organizationId, s.employeeId, s.officeId, s.fromDay, s.toDay, s.status, s.reason, JSON.stringify(s.violations), s.note, s.requestedBy, s.decided],
  );
  return r.rows[0].id;
}

export async function selectSwap(tx: Queryable, organizationId: string, id: string, forUpdate = false): Promise<SwapRow | null> {
  const r = await tx.query<Record<string, unknown>>(
    `select ${SWAP_COLUMNS} from ${SWAP_FROM} where s.organization_id = $1 and s.id = $2${forUpdate ? ' for update of s' : ''}`,
    [organizationId, id],
  );
  return r.rows[0] ? toSwap(r.rows[0]) : null;
}

/** Swap requests of the body, newest first, filtered by employee, by offices and by status. */
export async function selectSwaps(
  tx: Queryable,
  organizationId: string,
  f: { employeeId?: string | null; officeIds?: string[] | null; status?: SwapStatus | null },
  limit: number,
  offset: number,
): Promise<{ items: SwapRow[]; total: number }> {
  const params = [organizationId, f.employeeId ?? null, f.officeIds ?? null, f.status ?? null];
  const where = `s.organization_id = $1 and ($2::uuid is null or s.employee_id = $2::uuid)
    and ($3::uuid[] is null or s.office_id = any($3::uuid[])) and ($4::text is null or s.status = $4::text)`;
  const r = await tx.query<Record<string, unknown>>(
    `select ${SWAP_COLUMNS} from ${SWAP_FROM} where ${where} order by s.created_at desc, s.id limit $5 offset $6`,
    [...params, limit, offset],
  );
  const c = await tx.query<{ n: number }>(`select count(*)::int as n from rw_swap_requests s where ${where}`, params);
  return { items: r.rows.map(toSwap), total: c.rows[0].n };
}

export async function decideSwap(
  tx: Queryable,
  organizationId: string,
  id: string,
  d: { status: 'accepted' | 'refused'; reason: string | null; violations: unknown[]; decidedBy: string },
): Promise<void> {
  await tx.query(
    `update rw_swap_requests set status = $3, reason = $4, violations = $5::jsonb, decided_by = $6, decided_at = now()
      where organization_id = $1 and id = $2`,
    [organizationId, id, d.status, d.reason, JSON.stringify(d.violations), d.decidedBy],
  );
}

// ---------------------------------------------------------------- calendar feeds

export async function selectFeed(tx: Queryable, organizationId: string, employeeId: string): Promise<{ createdAt: string; lastUsedAt: string | null } | null> {
  const r = await tx.query<{ createdAt: unknown; lastUsedAt: unknown }>(
    `select created_at as "createdAt", last_used_at as "lastUsedAt" from rw_calendar_feeds where organization_id = $1 and employee_id = $2`,
    [organizationId, employeeId],
  );
  return r.rows[0] ? { createdAt: iso(r.rows[0].createdAt), lastUsedAt: isoOrNull(r.rows[0].lastUsedAt) } : null;
}

/** Sets (or replaces: the old token stops working) the employee's feed token hash. */
export async function upsertFeed(tx: Queryable, organizationId: string, employeeId: string, tokenHash: string): Promise<{ createdAt: string }> {
  const r = await tx.query<{ createdAt: unknown }>(
    `insert into rw_calendar_feeds (employee_id, organization_id, token_hash) values ($2, $1, $3)
     on conflict (employee_id) do update set token_hash = excluded.token_hash, created_at = now(), last_used_at = null
     returning created_at as "createdAt"`,
    [organizationId, employeeId, tokenHash],
  );
  return { createdAt: iso(r.rows[0].createdAt) };
}

export async function deleteFeed(tx: Queryable, organizationId: string, employeeId: string): Promise<boolean> {
  const r = await tx.query(`delete from rw_calendar_feeds where organization_id = $1 and employee_id = $2`, [organizationId, employeeId]);
  return r.rowCount > 0;
}

/** Who a feed token hash belongs to (works without a tenant context: a security-definer lookup). */
export async function selectFeedOwner(tx: Queryable, tokenHash: string): Promise<{ employeeId: string; organizationId: string } | null> {
  const r = await tx.query<{ employeeId: string; organizationId: string }>(
    `select employee_id as "employeeId", organization_id as "organizationId" from rw_calendar_feed_owner($1)`,
    [tokenHash],
  );
  return r.rows[0] ?? null;
}

export async function touchFeed(tx: Queryable, organizationId: string, employeeId: string): Promise<void> {
  await tx.query(
    `update rw_calendar_feeds set last_used_at = now()
      where organization_id = $1 and employee_id = $2 and (last_used_at is null or last_used_at < now() - interval '1 hour')`,
    [organizationId, employeeId],
  );
}
