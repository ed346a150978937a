/**
 * From the body's rows to the planner's input (pure): offices with their coverage rules per
 * weekday, active employees with the limits of the agreements in force, absences, preferred
 * weekdays and the pins of the planned days.
 *
 * Agreements. The planner knows one set of limits per person for the whole range. When several
 * agreements apply in the range (a renewal with other limits), the strictest combination is used:
 * the smallest caps and the weekdays allowed by all of them, so no plan breaks any of them. Days
 * the agreements do not cover (before the start, after the end or the withdrawal) and, for an
 * agreement with a monthly plan of days, days it does not mark as remote, are passed to the
 * planner as fixed on-site days (`pins`), which the validator then checks like every pin.
 */
import type { CoverageRule, IsoWeekday, PlannerEmployee, PlannerInput, PlannerOffice } from '../planner/index.js';
import type { CalendarOptions } from '../planner/index.js';
import { workingDays } from '../../../platform/calendar/working-days.js';
import type { PlanAgreementRow, CoverageRow, PlanEmployeeRow, PlanOfficeRow, PlanDayRow } from './plans.repo.js';

export interface PlanData {
  from: string;
  to: string;
  patronDay: string | null;
  closures: { day: string; reason: string }[];
  offices: PlanOfficeRow[];
  coverage: CoverageRow[];
  employees: PlanEmployeeRow[];
  agreements: PlanAgreementRow[];
  absences: { employeeId: string; day: string }[];
  /** Planned days in the range; the pinned ones become the planner's pins. */
  planDays: PlanDayRow[];
}

export interface BuiltInput {
  input: PlannerInput;
  calendar: CalendarOptions;
  /** Pins a manager (or a swap) set, by employee (the rest of `input.employees[].pins` is the agreements' limits). */
  realPins: Map<string, Map<string, 'remote' | 'onsite'>>;
  /**
   * Remote pins on days the agreements do not allow (no agreement in force that day, or not a
   * remote day of its monthly plan): the planner cannot see why, so they are reported from here.
   */
  uncoveredRemotePins: { employeeId: string; officeId: string; day: string; inForce: boolean }[];
  /** Employees with an agreement in force on some working day of the range. */
  withAgreement: Set<string>;
  /** Working days the agreements keep on site, by employee (not in force, or not remote in its monthly plan). */
  agreementOnsite: Map<string, Set<string>>;
}

export function employeeName(e: Pick<PlanEmployeeRow, 'firstName' | 'lastName'>): string {
  return `${e.firstName} ${e.lastName}`;
}

const isWeekday = (n: number): n is IsoWeekday => Number.isInteger(n) && n >= 1 && n <= 7;

/** Coverage rules per weekday: skill '' is the office total, other skills are minima of people with that skill. */
export function coverageOf(rows: CoverageRow[]): CoverageRule[] {
  const byDay = new Map<number, CoverageRule>();
  for (const r of rows) {
    if (!isWeekday(r.weekday)) continue;
    let rule = byDay.get(r.weekday);
    if (!rule) {
      rule = { weekday: r.weekday, minOnSite: 0 };
      byDay.set(r.weekday, rule);
    }
    if (r.skill === '') rule.minOnSite = Math.max(rule.minOnSite, r.minOnSite);
    else (rule.skills ??= []).push({ skill: r.skill, minOnSite: r.minOnSite });
  }
  return [...byDay.values()].sort((a, b) => a.weekday - b.weekday);
}

function inForce(a: PlanAgreementRow, day: string): boolean {
  return a.startsOn <= day && (a.endsOn === null || day <= a.endsOn) && (a.withdrawalEffectiveOn === null || day <= a.withdrawalEffectiveOn);
}

const minCap = (a: number | null | undefined, b: number | null): number | undefined =>
  b === null ? (a ?? undefined) : a === undefined || a === null ? b : Math.min(a, b);

export function buildPlannerInput(data: PlanData): BuiltInput {
  const calendar: CalendarOptions = { patronDay: data.patronDay, closures: data.closures.map((c) => c.day) };
  const days = workingDays(data.from, data.to, calendar);
  const coverageByOffice = new Map<string, CoverageRow[]>();
  for (const r of data.coverage) {
    const list = coverageByOffice.get(r.officeId) ?? [];
    list.push(r);
    coverageByOffice.set(r.officeId, list);
  }
  const offices: PlannerOffice[] = data.offices.map((o) => ({ id: o.id, name: o.name, coverage: coverageOf(coverageByOffice.get(o.id) ?? []) }));
  const agreementsOf = new Map<string, PlanAgreementRow[]>();
  for (const a of data.agreements) {
    const list = agreementsOf.get(a.employeeId) ?? [];
    list.push(a);
    agreementsOf.set(a.employeeId, list);
  }
  const absencesOf = new Map<string, string[]>();
  for (const a of data.absences) {
    const list = absencesOf.get(a.employeeId) ?? [];
    list.push(a.day);
    absencesOf.set(a.employeeId, list);
  }
  const realPins = new Map<string, Map<string, 'remote' | 'onsite'>>();
  for (const p of data.planDays) {
    if (!p.pinned || p.kind === 'absent') continue;
    let m = realPins.get(p.employeeId);
    if (!m) realPins.set(p.employeeId, (m = new Map()));
    m.set(p.day, p.kind);
  }
  const uncoveredRemotePins: BuiltInput['uncoveredRemotePins'] = [];
  const withAgreement = new Set<string>();
  const agreementOnsite = new Map<string, Set<string>>();

  const employees: PlannerEmployee[] = data.employees.map((e) => {
    const pins: Record<string, 'remote' | 'onsite'> = {};
    const mine = (agreementsOf.get(e.id) ?? []).filter((a) => days.some((d) => inForce(a, d)));
    const preferredDays: string[] = [];
    let agreement: PlannerEmployee['agreement'] = null;
    if (mine.length > 0) {
      withAgreement.add(e.id);
      let week: number | undefined, month: number | undefined;
      let allowed = new Set<number>([1, 2, 3, 4, 5, 6, 7]);
      for (const a of mine) {
        week = minCap(week, a.maxRemotePerWeek);
        month = minCap(month, a.maxRemotePerMonth);
        allowed = new Set(a.allowedWeekdays.filter((w) => allowed.has(w)));
      }
      agreement = {
        allowedWeekdays: [...allowed].filter(isWeekday).sort(),
        ...(week !== undefined ? { maxRemotePerWeek: week } : {}),
        ...(month !== undefined ? { maxRemotePerMonth: month } : {}),
      };
      for (const d of days) {
        const a = mine.find((x) => inForce(x, d));
        if (!a) pins[d] = 'onsite';
        else if (a.monthlyPlan) {
          if (a.monthlyPlan[d] === 'remote') preferredDays.push(d);
          else pins[d] = 'onsite';
        }
      }
    }
    const fixed = Object.keys(pins);
    if (fixed.length) agreementOnsite.set(e.id, new Set(fixed));
    // the manager's pins override the agreements' fixed days (and are checked against them)
    for (const [day, kind] of realPins.get(e.id) ?? []) {
      if (kind === 'remote' && agreement && pins[day] === 'onsite') {
        uncoveredRemotePins.push({ employeeId: e.id, officeId: e.officeId, day, inForce: mine.some((a) => inForce(a, day)) });
      }
      pins[day] = kind;
    }
    const absences = absencesOf.get(e.id);
    const preferredWeekdays = e.preferredWeekdays.filter(isWeekday);
    return {
      id: e.id,
      officeId: e.officeId,
      name: employeeName(e),
      skills: e.skills,
      agreement,
      ...(absences ? { absences } : {}),
      ...(preferredDays.length ? { preferredDays } : {}),
      ...(preferredWeekdays.length ? { preferredWeekdays } : {}),
      ...(Object.keys(pins).length ? { pins } : {}),
    };
  });
  return { input: { days, offices, employees }, calendar, realPins, uncoveredRemotePins, withAgreement, agreementOnsite };
}
