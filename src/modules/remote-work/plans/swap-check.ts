/**
 * Checking a swap (pure): an employee gives up a remote day (`fromDay`, back on site) and asks
 * another day (`toDay`) instead. The stored plan is modified and checked with the independent
 * validator; the swap is refused when the modified plan has a violation the stored one did not
 * have (or a worse one: fewer people on site, more remote days in a week or month), and the
 * reasons say which office, which day and how many people short.
 */
import type { Plan, PlannerInput, Violation } from '../planner/index.js';
import { validatePlan } from '../planner/index.js';
import type { BuiltInput } from './plan-input.js';
import type { PlanDayRow } from './plans.repo.js';
import { shortItalianDate } from '../planner/index.js';

export interface SwapViolation {
  kind: Violation['kind'];
  officeId: string | null;
  officeName: string | null;
  day: string | null;
  skill: string | null;
  required: number | null;
  actual: number | null;
  /** For coverage: people missing on site (required − actual). */
  peopleShort: number | null;
  message: string;
}

/** The stored plan as the validator's Plan (remote = 1 where the stored day is remote). */
export function storedPlan(input: PlannerInput, days: PlanDayRow[]): Plan {
  const D = input.days.length;
  const dayIdx = new Map(input.days.map((d, i) => [d, i]));
  const row = new Map(input.employees.map((e, i) => [e.id, i]));
  const remote = new Uint8Array(input.employees.length * D);
  for (const p of days) {
    if (p.kind !== 'remote') continue;
    const r = row.get(p.employeeId), d = dayIdx.get(p.day);
    if (r !== undefined && d !== undefined) remote[r * D + d] = 1;
  }
  return { days: input.days.slice(), employeeIds: input.employees.map((e) => e.id), remote };
}

const keyOf = (v: Violation) => `${v.kind}|${v.officeId ?? ''}|${v.day ?? ''}|${v.employeeId ?? ''}|${v.skill ?? ''}`;

function worse(after: Violation, before: Violation | undefined): boolean {
  if (!before) return true;
  if (after.actual === undefined || before.actual === undefined) return false;
  // coverage: fewer on site is worse; caps: more remote days is worse
  return after.kind === 'coverage' || after.kind === 'skill-coverage' ? after.actual < before.actual : after.actual > before.actual;
}

/**
 * Violations the swap would add to the stored plan (empty = the swap is valid).
 * `built` must cover the whole weeks and months of both days (see capsRange) for the employee's office.
 */
export function checkSwap(built: BuiltInput, stored: PlanDayRow[], employeeId: string, fromDay: string, toDay: string): SwapViolation[] {
  const input = built.input;
  const officeNames = new Map(input.offices.map((o) => [o.id, o.name]));
  const r = input.employees.findIndex((e) => e.id === employeeId);
  const D = input.days.length;
  const f = input.days.indexOf(fromDay), t = input.days.indexOf(toDay);
  if (r < 0 || f < 0 || t < 0) throw new RangeError('checkSwap: employee or days outside the input');
  const me = input.employees[r];
  const out: SwapViolation[] = [];
  // a day the agreements do not allow is fixed on site in the input: say why, in the agreement's words
  if (me.agreement && built.agreementOnsite.get(employeeId)?.has(toDay)) {
    out.push({
      kind: 'no-agreement', officeId: me.officeId, officeName: officeNames.get(me.officeId) ?? null, day: toDay, skill: null,
      required: null, actual: null, peopleShort: null,
      message: `${me.name ?? me.id}: il ${shortItalianDate(toDay)} l’accordo individuale non prevede lavoro agile`,
    });
  }
  // the two days change: their pins (if any) follow the swap
  const pins = { ...(me.pins ?? {}) };
  delete pins[fromDay];
  delete pins[toDay];
  const employees = input.employees.slice();
  employees[r] = { ...me, pins };
  const swappedInput: PlannerInput = { ...input, employees };
  const before = storedPlan(swappedInput, stored);
  const after: Plan = { ...before, remote: before.remote.slice() };
  after.remote[r * D + f] = 0;
  after.remote[r * D + t] = 1;
  const vBefore = new Map(validatePlan(swappedInput, before, { calendar: built.calendar }).map((v) => [keyOf(v), v]));
  for (const v of validatePlan(swappedInput, after, { calendar: built.calendar })) {
    if (!worse(v, vBefore.get(keyOf(v)))) continue;
    const cov = v.kind === 'coverage' || v.kind === 'skill-coverage';
    out.push({
      kind: v.kind,
      officeId: v.officeId ?? null,
      officeName: v.officeId ? officeNames.get(v.officeId) ?? null : null,
      day: v.day ?? null,
      skill: v.skill ?? null,
      required: v.required ?? null,
      actual: v.actual ?? null,
      peopleShort: cov && v.required !== undefined && v.actual !== undefined ? v.required - v.actual : null,
      message: cov && v.required !== undefined && v.actual !== undefined
        ? `${v.message} (${v.required - v.actual === 1 ? 'manca 1 persona' : `mancano ${v.required - v.actual} persone`})`
        : v.message,
    });
  }
  return out;
}
