/**
 * Types of the remote-work planner (pure part: no database, no HTTP).
 *
 * Dates are calendar days written as 'YYYY-MM-DD' strings (Europe/Rome calendar). They are never
 * turned into local-time `Date` objects, so daylight-saving changes cannot shift them.
 * Weekdays are ISO numbers: 1 = Monday … 7 = Sunday.
 */

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** A minimum of people with one skill (e.g. 'sportello', the front desk) who must be on site. */
export interface SkillMinimum {
  /** Skill code, matched against {@link PlannerEmployee.skills}. */
  skill: string;
  /** People with this skill who must be on site (>= 0). */
  minOnSite: number;
}

/** The on-site coverage rule of an office for one weekday. */
export interface CoverageRule {
  weekday: IsoWeekday;
  /** People of the office who must be on site that weekday (>= 0). */
  minOnSite: number;
  /** Optional minima per skill; a person counts for every skill they have. */
  skills?: SkillMinimum[];
}

/** An office (ufficio) with its coverage rules. Weekdays without a rule have no minimum. */
export interface PlannerOffice {
  id: string;
  /** Name shown in messages, e.g. 'Ufficio Tributi'. */
  name: string;
  coverage: CoverageRule[];
}

/**
 * The limits of an employee's individual agreement (accordo individuale) for remote work.
 * Caps apply to each ISO week and each calendar month intersected with the planned range
 * (days outside the range are not known to the planner).
 */
export interface AgreementLimits {
  /** Maximum remote days in one ISO week (Monday–Sunday); omitted = no weekly cap. */
  maxRemotePerWeek?: number;
  /** Maximum remote days in one calendar month; omitted = no monthly cap. */
  maxRemotePerMonth?: number;
  /** Weekdays on which remote work is allowed. */
  allowedWeekdays: IsoWeekday[];
}

/** A manager's decision fixed by hand for one employee-day. */
export type PinKind = 'remote' | 'onsite';

export interface PlannerEmployee {
  id: string;
  officeId: string;
  /** Display name used in messages (defaults to the id). */
  name?: string;
  skills: string[];
  /** Null or omitted: no agreement, the person is always on site. */
  agreement?: AgreementLimits | null;
  /** Days of leave/absence: counted neither on site nor remote. */
  absences?: string[];
  /** Specific preferred remote days. */
  preferredDays?: string[];
  /** Preferred remote weekdays (every such day in the range is preferred). */
  preferredWeekdays?: IsoWeekday[];
  /** Days fixed by a manager; the planner keeps them and plans around them. */
  pins?: Record<string, PinKind>;
}

/** The whole input of the planner. */
export interface PlannerInput {
  /** The working days of the range, sorted ascending (see working-days.ts). */
  days: string[];
  offices: PlannerOffice[];
  employees: PlannerEmployee[];
}

/**
 * A plan: for every employee (in the order of {@link PlannerInput.employees}) and every day (in
 * the order of {@link PlannerInput.days}) a flag, 1 = remote. Stored flat, row-major by employee:
 * `remote[e * days.length + d]`. Absent employees on a day must have 0.
 */
export interface Plan {
  days: string[];
  employeeIds: string[];
  remote: Uint8Array;
}

/** Kinds of hard-rule violations found by the validator. */
export type ViolationKind =
  | 'coverage' // fewer people on site than the office minimum
  | 'skill-coverage' // fewer people with a skill on site than the minimum
  | 'weekly-cap' // more remote days in an ISO week than the agreement allows
  | 'monthly-cap' // more remote days in a month than the agreement allows
  | 'no-agreement' // remote day for someone without an agreement
  | 'forbidden-weekday' // remote on a weekday the agreement forbids
  | 'non-working-day' // remote on a day that is not a working day of the range
  | 'absence-day' // remote on a day of absence
  | 'pin-not-respected' // the plan differs from a manager's pin
  | 'malformed'; // plan shape does not match the input (unknown employee, wrong length…)

export interface Violation {
  kind: ViolationKind;
  officeId?: string;
  day?: string;
  employeeId?: string;
  skill?: string;
  /** Required amount (minimum on site, or cap). */
  required?: number;
  /** Actual amount (people on site, or remote days used). */
  actual?: number;
  /**
   * For coverage kinds: false when the minimum cannot be met even with nobody remote
   * (too many absences): the plan is not the cause.
   */
  avoidable?: boolean;
  /** Italian explanation for people. */
  message: string;
}

/** One office-day where coverage stopped people from getting their agreed days. */
export interface ShortfallDay {
  officeId: string;
  officeName: string;
  day: string;
  /** Null for the office total, else the skill whose minimum binds. */
  skill: string | null;
  /** People (with the skill) who must be on site. */
  required: number;
  /** People (with the skill) present that day (not absent). */
  present: number;
  /** People (with the skill) granted remote that day. */
  remoteGranted: number;
  /** Employees still short of days who could have been remote that day but were refused. */
  refusedEmployeeIds: string[];
  /**
   * People who would remain on site if every refused request were also granted
   * (present − remoteGranted − refused). Always < required.
   */
  remainingIfGranted: number;
  /** required − remainingIfGranted: how many people the office is short to grant everything. */
  peopleShort: number;
  /** Italian message, e.g. "Ufficio Tributi: il 12/03 servono 3 persone in sede, ne restano 2 disponibili". */
  message: string;
}

/** Per-employee outcome of the planner. */
export interface EmployeeOutcome {
  employeeId: string;
  /**
   * Remote days reachable under the agreement alone (caps, allowed weekdays, absences), once the
   * pinned days are placed: the most the planner could grant if coverage did not bind.
   */
  target: number;
  /** Remote days granted by the planner (pinned remote days excluded). */
  granted: number;
  /** Remote days pinned by a manager (kept as they are). */
  pinnedRemote: number;
  /** Preferred days granted by the planner (pinned days excluded). */
  preferredGranted: number;
  /** target − granted (>= 0). */
  shortfall: number;
}

/** A pin that itself breaks a hard rule (kept as the manager asked, and reported). */
export interface PinConflict {
  employeeId: string;
  officeId: string;
  day: string;
  kind: ViolationKind;
  message: string;
}

export interface PlanResult {
  plan: Plan;
  outcomes: EmployeeOutcome[];
  shortfalls: ShortfallDay[];
  pinConflicts: PinConflict[];
  stats: {
    totalGranted: number;
    totalTarget: number;
    preferredGranted: number;
    /** Sum over employees of the convex fairness cost of their shortfall (see planner.ts). */
    fairnessCost: number;
    /** Offices solved exactly (independent greedy or min-cost flow). */
    exactOffices: number;
    /** Offices with non-laminar skill rules, solved with the heuristic + local search. */
    heuristicOffices: number;
  };
}

export interface PlannerOptions {
  /** Also compute the shortfall report (default true). */
  explain?: boolean;
}
