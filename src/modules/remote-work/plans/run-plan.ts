/**
 * The heart of a plan run, shared by the plan request, the pins and the background job:
 * 1. read the body's data for the range (offices, coverage, active employees, agreements in
 *    force, absences, closures, patron day, pinned days) and the plan's version;
 * 2. run the pure planner, then the independent validator on its result;
 * 3. a violation the planner caused: nothing is written, the run is recorded as failed and the
 *    caller gets plan.planner_violation; violations no plan could avoid (absences) or that pins
 *    cause are kept in the report;
 * 4. in ONE transaction, under the body's plan lock: if the plan changed since step 1 (a pin, a
 *    swap, another run), start again (at most 3 times); otherwise replace the unpinned days of
 *    the range (writing only the days that change, see plan-diff.ts), keep the pinned ones,
 *    store the run with its report and audit it.
 */
import type { Db, DbContext, Queryable } from '../../../platform/db/index.js';
import { auditBy } from '../../../platform/audit.js';
import { getPatronDay } from '../../organizations/index.js';
import { planRemoteWork } from '../planner/index.js';
import { validatePlan } from '../planner/index.js';
import type { Plan, PlannerInput, PlanResult } from '../planner/index.js';
import { buildPlannerInput, type BuiltInput, type PlanData } from './plan-input.js';
import { buildReport, sortViolations, type PlanReport } from './plan-report.js';
import { diffPlanDays } from './plan-diff.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

export type Planner = (input: PlannerInput) => PlanResult;

export interface PlanScope {
  organizationId: string;
  from: string;
  to: string;
  /** Offices to plan; null = every office of the body. */
  officeIds: string[] | null;
}

export interface RunOptions {
  /** Who asked (audit, run owner). */
  actor: { userId: string | null; label: string; ip?: string | null };
  trigger: repo.RunTrigger;
  /** An existing queued run (background job) to complete; otherwise a new run row is written. */
  runId?: string;
  /** Progress 0–100 of a background run (written by the caller in its own transaction). */
  onProgress?: (percent: number) => Promise<void>;
  /** The planner (tests inject a faulty one to prove a bad plan is never stored). */
  planner?: Planner;
}

const MAX_ATTEMPTS = 3;

/**
 * Reads everything the planner needs for the scope, and the plan's version. `planDays` holds every
 * planned day of the range, or only the pinned ones with `pinnedOnly` (all a plan run needs).
 */
export async function loadPlanData(tx: Queryable, scope: PlanScope, opts: { pinnedOnly?: boolean } = {}): Promise<{ data: PlanData; version: number }> {
  const { organizationId: org, from, to } = scope;
  const settings = await repo.selectPlanSettings(tx, org);
  const offices = await repo.selectOffices(tx, org, scope.officeIds);
  const officeIds = offices.map((o) => o.id);
  const employees = await repo.selectActiveEmployees(tx, org, officeIds);
  const employeeIds = employees.map((e) => e.id);
  const [coverage, agreements, absences, closures, planDays, patronDay] = [
    await repo.selectCoverageRules(tx, org, officeIds),
    await repo.selectAgreementsInForce(tx, org, employeeIds, from, to),
    await repo.selectAbsences(tx, org, employeeIds, from, to),
    await repo.selectClosures(tx, org, from, to),
    await repo.selectPlanDays(tx, org, employeeIds, from, to, opts.pinnedOnly),
    await getPatronDay(tx, org),
  ];
  return {
    data: { from, to, patronDay, closures, offices, coverage, employees, agreements, absences, planDays },
    version: settings.planVersion,
  };
}

/** The rows of the planned calendar: every active employee × working day, remote / on site / absent. */
export function planRows(built: BuiltInput, plan: Plan): repo.NewPlanDay[] {
  const { input } = built;
  const D = plan.days.length;
  const rows: repo.NewPlanDay[] = [];
  input.employees.forEach((e, r) => {
    const absent = new Set(e.absences ?? []);
    for (let d = 0; d < D; d++) {
      const day = plan.days[d];
      rows.push({ employeeId: e.id, officeId: e.officeId, day, kind: absent.has(day) ? 'absent' : plan.remote[r * D + d] === 1 ? 'remote' : 'onsite' });
    }
  });
  return rows;
}

/** Runs a plan for the scope (see the file's comment). Returns the finished run. */
export async function executePlan(db: Db, ctx: DbContext, scope: PlanScope, opts: RunOptions): Promise<repo.PlanRunRow> {
  const planner = opts.planner ?? ((input: PlannerInput) => planRemoteWork(input));
  const progress = opts.onProgress ?? (async () => undefined);
  const started = performance.now();
  let runId = opts.runId ?? null;
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    let t = performance.now();
    const { data, version } = await db.tx(ctx, (tx) => loadPlanData(tx, scope, { pinnedOnly: true }));
    const built = buildPlannerInput(data);
    const loadMs = performance.now() - t;
    await progress(25);
    t = performance.now();
    const result = planner(built.input);
    const planMs = performance.now() - t;
    await progress(55);
    t = performance.now();
    const violations = validatePlan(built.input, result.plan, { calendar: built.calendar });
    const sorted = sortViolations(built.input, result.plan, violations);
    const validateMs = performance.now() - t;
    await progress(70);
    if (sorted.plannerCaused.length > 0) {
      const first = sorted.plannerCaused.slice(0, 20);
      const detail = `Il piano calcolato viola ${sorted.plannerCaused.length === 1 ? 'una regola' : `${sorted.plannerCaused.length} regole`} e non è stato salvato: ${first.slice(0, 3).map((v) => v.message).join('; ')}.`;
      await db.tx(ctx, async (tx) => {
        const report = { violations: first, employees: built.input.employees.length, workingDays: built.input.days.length };
        const common = { status: 'failed' as const, employees: built.input.employees.length, workingDays: built.input.days.length, report, error: detail, durationMs: Math.round(performance.now() - started) };
        if (!runId) runId = (await repo.insertPlanRun(tx, { organizationId: scope.organizationId, requestedBy: opts.actor.userId, from: scope.from, to: scope.to, officeIds: scope.officeIds, trigger: opts.trigger, status: 'running' })).id;
        await repo.finishRun(tx, scope.organizationId, runId, common);
      });
      throw E.plannerViolation(detail, { runId, violations: first.map((v) => ({ kind: v.kind, officeId: v.officeId ?? null, day: v.day ?? null, employeeId: v.employeeId ?? null, message: v.message })) });
    }
    const rows = planRows(built, result.plan);
    t = performance.now();
    const outcome = await db.tx(ctx, async (tx) => {
      const settings = await repo.lockPlan(tx, scope.organizationId);
      if (settings.planVersion !== version) return null;
      const officeIds = built.input.offices.map((o) => o.id);
      const employeeIds = built.input.employees.map((e) => e.id);
      const diff = diffPlanDays(await repo.selectPlanDaysForWrite(tx, scope.organizationId, officeIds, employeeIds, scope.from, scope.to), rows);
      const written = {
        removed: await repo.deletePlanDays(tx, scope.organizationId, diff.remove),
        changed: await repo.updatePlanDays(tx, scope.organizationId, diff.update, false) + await repo.updatePlanDays(tx, scope.organizationId, diff.moveOffice, true),
        added: await repo.insertPlanDays(tx, scope.organizationId, diff.insert),
      };
      await repo.bumpPlanVersion(tx, scope.organizationId);
      const writeMs = performance.now() - t;
      const report: PlanReport = {
        ...buildReport(built, result, sorted.reported, { loadMs: r1(loadMs), planMs: r1(planMs), validateMs: r1(validateMs), writeMs: r1(writeMs) }),
        written,
      };
      if (!runId) runId = (await repo.insertPlanRun(tx, { organizationId: scope.organizationId, requestedBy: opts.actor.userId, from: scope.from, to: scope.to, officeIds: scope.officeIds, trigger: opts.trigger, status: 'running' })).id;
      const run = await repo.finishRun(tx, scope.organizationId, runId, {
        status: 'done', employees: built.input.employees.length, workingDays: built.input.days.length, report, error: null,
        durationMs: Math.round(performance.now() - started),
      });
      await auditBy(tx, opts.actor, {
        organizationId: scope.organizationId,
        action: 'remote_work_plan.run',
        entityType: 'rw_plan_run',
        entityId: run.id,
        before: null,
        after: { from: scope.from, to: scope.to, officeIds: scope.officeIds, trigger: opts.trigger, daysWritten: written, summary: report.summary },
        ip: opts.actor.ip ?? null,
      });
      return run;
    });
    if (outcome) return outcome;
  }
  throw E.busy(`Il piano dell’ente è cambiato ${MAX_ATTEMPTS} volte mentre lo calcolavamo: riprova tra poco.`);
}

const r1 = (ms: number) => Math.round(ms * 10) / 10;
