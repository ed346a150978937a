/**
 * What a plan run reports (pure): the validator's violations sorted into the planner's own faults
 * (a plan with any of them is never stored) and the ones it could not avoid (absences leaving an
 * office short, pins that break a rule), the shortfall report per office in Italian (which office,
 * which days, how many people short) and the outcome of every employee.
 */
import type { EmployeeOutcome, PinConflict, Plan, PlannerInput, PlanResult, ShortfallDay, Violation } from '../planner/index.js';
import { isoWeekKey, monthOf as monthKey } from '../../../platform/calendar/rome.js';
import { shortItalianDate } from '../planner/index.js';
import type { BuiltInput } from './plan-input.js';

export interface SortedViolations {
  /** Violations the planner's own choices caused: the plan must not be stored. */
  plannerCaused: Violation[];
  /** Violations no plan could avoid (too many absences) or that the pins cause. */
  reported: Violation[];
}

/**
 * Sorts violations by cause. A coverage shortfall is the planner's fault when it made someone of
 * that office (with the skill) remote that day without a pin; a cap is exceeded by the planner
 * when a remote day it chose falls in that week or month; a day-level rule is broken by the
 * planner unless the day is a remote pin.
 */
export function sortViolations(input: PlannerInput, plan: Plan, violations: Violation[]): SortedViolations {
  const D = plan.days.length;
  const dayIdx = new Map(plan.days.map((d, i) => [d, i]));
  const row = new Map(plan.employeeIds.map((id, i) => [id, i]));
  const emp = new Map(input.employees.map((e) => [e.id, e]));
  const chosenRemote = (employeeId: string, j: number): boolean => {
    const r = row.get(employeeId);
    if (r === undefined || plan.remote[r * D + j] !== 1) return false;
    return emp.get(employeeId)?.pins?.[plan.days[j]] !== 'remote';
  };
  const plannerCaused: Violation[] = [];
  const reported: Violation[] = [];
  for (const v of violations) {
    let planner: boolean;
    switch (v.kind) {
      case 'malformed':
        planner = true;
        break;
      case 'coverage':
      case 'skill-coverage': {
        if (v.avoidable === false) { planner = false; break; }
        const j = v.day === undefined ? undefined : dayIdx.get(v.day);
        planner = j === undefined ? true : input.employees.some((e) =>
          e.officeId === v.officeId && (v.kind === 'coverage' || (e.skills ?? []).includes(v.skill ?? '')) && chosenRemote(e.id, j));
        break;
      }
      case 'weekly-cap':
      case 'monthly-cap': {
        const key = v.kind === 'weekly-cap' ? isoWeekKey : monthKey;
        planner = v.employeeId === undefined || plan.days.some((d, j) => key(d) === v.day && chosenRemote(v.employeeId!, j));
        break;
      }
      case 'pin-not-respected':
        planner = v.day !== undefined && dayIdx.has(v.day);
        break;
      default: {
        const j = v.day === undefined ? undefined : dayIdx.get(v.day);
        planner = v.employeeId === undefined || j === undefined || chosenRemote(v.employeeId, j);
      }
    }
    (planner ? plannerCaused : reported).push(v);
  }
  return { plannerCaused, reported };
}

function persone(n: number): string {
  return n === 1 ? '1 persona' : `${n} persone`;
}
function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`;
}

export interface OfficeShortfall {
  officeId: string;
  officeName: string;
  /** Office-days where coverage kept people from their agreed remote days. */
  days: {
    day: string;
    skill: string | null;
    required: number;
    remainingIfGranted: number;
    peopleShort: number;
    refusedEmployeeIds: string[];
    message: string;
  }[];
  /** "Ufficio Tributi: mancano persone in sede il 12/03 (2 persone), …" */
  message: string;
  messageEn: string;
}

export interface EmployeeReport extends EmployeeOutcome {
  name: string;
  officeId: string;
  hasAgreement: boolean;
}

export interface PlanReport {
  summary: {
    offices: number;
    employees: number;
    employeesWithAgreement: number;
    workingDays: number;
    targetDays: number;
    grantedDays: number;
    pinnedRemoteDays: number;
    preferredGranted: number;
    employeesShort: number;
    shortfallOffices: number;
    pinConflicts: number;
    unavoidable: number;
  };
  /** One paragraph for people (Italian, then English). */
  message: string;
  messageEn: string;
  shortfalls: OfficeShortfall[];
  pinConflicts: PinConflict[];
  /** Violations no plan could avoid or caused by pins (kept, reported). */
  unavoidable: Violation[];
  outcomes: EmployeeReport[];
  stats: PlanResult['stats'] & { loadMs: number; planMs: number; validateMs: number; writeMs: number };
  /** Planned days the run wrote: only those that changed (set once written). */
  written?: { added: number; changed: number; removed: number };
}

function officeShortfalls(shortfalls: ShortfallDay[]): OfficeShortfall[] {
  const byOffice = new Map<string, ShortfallDay[]>();
  for (const s of shortfalls) {
    const list = byOffice.get(s.officeId) ?? [];
    list.push(s);
    byOffice.set(s.officeId, list);
  }
  return [...byOffice.values()].map((list) => {
    list.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : (a.skill ?? '').localeCompare(b.skill ?? '')));
    const name = list[0].officeName;
    const it = list.map((s) => `il ${shortItalianDate(s.day)} ${s.peopleShort === 1 ? 'manca' : 'mancano'} ${persone(s.peopleShort)}${s.skill ? ` con competenza '${s.skill}'` : ''}`);
    const en = list.map((s) => `${s.day} ${people(s.peopleShort)}${s.skill ? ` with skill '${s.skill}'` : ''} short`);
    return {
      officeId: list[0].officeId,
      officeName: name,
      days: list.map((s) => ({
        day: s.day, skill: s.skill, required: s.required, remainingIfGranted: s.remainingIfGranted,
        peopleShort: s.peopleShort, refusedEmployeeIds: s.refusedEmployeeIds, message: s.message,
      })),
      message: `${name}: per concedere tutti i giorni di lavoro agile previsti dagli accordi ${it.join(', ')} in sede.`,
      messageEn: `${name}: to grant every remote day the agreements allow, the office is ${en.join(', ')} on site.`,
    };
  }).sort((a, b) => a.officeName.localeCompare(b.officeName, 'it'));
}

export function buildReport(
  built: BuiltInput,
  result: PlanResult,
  reported: Violation[],
  timings: { loadMs: number; planMs: number; validateMs: number; writeMs: number },
): PlanReport {
  const { input } = built;
  const names = new Map(input.employees.map((e) => [e.id, e]));
  const outcomes: EmployeeReport[] = result.outcomes.map((o) => ({
    ...o,
    name: names.get(o.employeeId)?.name ?? o.employeeId,
    officeId: names.get(o.employeeId)?.officeId ?? '',
    hasAgreement: built.withAgreement.has(o.employeeId),
  }));
  const pinConflicts: PinConflict[] = [
    ...result.pinConflicts,
    ...built.uncoveredRemotePins.map((p) => ({
      employeeId: p.employeeId, officeId: p.officeId, day: p.day, kind: 'no-agreement' as const,
      message: `${names.get(p.employeeId)?.name ?? p.employeeId}: il ${shortItalianDate(p.day)} è fissato in lavoro agile ma ${p.inForce ? 'l’accordo individuale non lo prevede tra i giorni di lavoro agile' : 'in quel giorno non c’è un accordo individuale in vigore'}`,
    })),
  ];
  const shortfalls = officeShortfalls(result.shortfalls);
  const employeesShort = outcomes.filter((o) => o.shortfall > 0).length;
  const summary: PlanReport['summary'] = {
    offices: input.offices.length,
    employees: input.employees.length,
    employeesWithAgreement: built.withAgreement.size,
    workingDays: input.days.length,
    targetDays: result.stats.totalTarget,
    grantedDays: result.stats.totalGranted,
    pinnedRemoteDays: outcomes.reduce((a, o) => a + o.pinnedRemote, 0),
    preferredGranted: result.stats.preferredGranted,
    employeesShort,
    shortfallOffices: shortfalls.length,
    pinConflicts: pinConflicts.length,
    unavoidable: reported.length,
  };
  const parts = [
    `Pianificati ${summary.employees} dipendenti su ${summary.workingDays} giorni lavorativi: concessi ${summary.grantedDays} giorni di lavoro agile su ${summary.targetDays} consentiti dagli accordi.`,
    employeesShort === 0
      ? 'Tutti hanno ricevuto i giorni previsti.'
      : `${employeesShort === 1 ? '1 persona non ha' : `${employeesShort} persone non hanno`} ricevuto tutti i giorni per mancanza di personale in sede in ${shortfalls.length === 1 ? '1 ufficio' : `${shortfalls.length} uffici`}.`,
  ];
  const partsEn = [
    `Planned ${summary.employees} employees over ${summary.workingDays} working days: ${summary.grantedDays} remote days granted out of ${summary.targetDays} the agreements allow.`,
    employeesShort === 0 ? 'Everyone got their days.' : `${people(employeesShort)} did not get every day because ${shortfalls.length} office(s) lacked people on site.`,
  ];
  if (pinConflicts.length) {
    parts.push(`${pinConflicts.length === 1 ? '1 giorno fissato a mano viola' : `${pinConflicts.length} giorni fissati a mano violano`} una regola: li abbiamo mantenuti e segnalati.`);
    partsEn.push(`${pinConflicts.length} pinned day(s) break a rule: kept and reported.`);
  }
  const absencesOnly = reported.filter((v) => (v.kind === 'coverage' || v.kind === 'skill-coverage') && v.avoidable === false).length;
  if (absencesOnly) {
    parts.push(`In ${absencesOnly === 1 ? '1 giorno' : `${absencesOnly} giorni`} le assenze lasciano un ufficio sotto il minimo in sede anche senza nessuno in lavoro agile.`);
    partsEn.push(`On ${absencesOnly} office-day(s) absences leave an office below its minimum even with nobody remote.`);
  }
  return {
    summary,
    message: parts.join(' '),
    messageEn: partsEn.join(' '),
    shortfalls,
    pinConflicts,
    unavoidable: reported,
    outcomes,
    stats: { ...result.stats, ...timings },
  };
}
