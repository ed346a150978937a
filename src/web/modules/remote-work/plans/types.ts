/** The shapes of the planner's API the pages read (a subset of the OpenAPI document). */
export type ViolationKind =
  | 'coverage' | 'skill-coverage' | 'weekly-cap' | 'monthly-cap' | 'no-agreement' | 'forbidden-weekday'
  | 'non-working-day' | 'absence-day' | 'pin-not-respected' | 'malformed';

export interface PinConflict {
  employeeId: string;
  officeId: string;
  day: string;
  kind: ViolationKind;
  message: string;
}

export interface OfficeShortfall {
  officeId: string;
  officeName: string;
  days: { day: string; skill: string | null; required: number; remainingIfGranted: number; peopleShort: number; refusedEmployeeIds: string[]; message: string }[];
  message: string;
  messageEn: string;
}

export interface PlanReport {
  summary?: {
    offices: number; employees: number; employeesWithAgreement: number; workingDays: number; targetDays: number; grantedDays: number;
    pinnedRemoteDays: number; preferredGranted: number; employeesShort: number; shortfallOffices: number; pinConflicts: number; unavoidable: number;
  };
  message?: string;
  messageEn?: string;
  shortfalls?: OfficeShortfall[];
  pinConflicts?: PinConflict[];
}

export interface PlanRun {
  id: string;
  from: string;
  to: string;
  officeIds: string[] | null;
  trigger: 'plan' | 'pin';
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: number;
  employees: number | null;
  workingDays: number | null;
  report: PlanReport | null;
  error: string | null;
  durationMs: number | null;
  createdAt: string;
  finishedAt: string | null;
}

export type CellKind = 'remote' | 'onsite' | 'absent' | 'unplanned';

export interface GridEmployee {
  id: string;
  name: string;
  skills: string[];
  hasAgreement: boolean;
  kinds: CellKind[];
  pinned: boolean[];
}

export interface GridCoverage {
  day: string;
  required: number;
  present: number;
  onSite: number;
  remote: number;
  absent: number;
  short: number;
  skills: { skill: string; required: number; onSite: number; short: number }[];
  message: string | null;
}

export interface GridOffice {
  id: string;
  code: string;
  name: string;
  employees: GridEmployee[];
  coverage: GridCoverage[];
}

export interface PlanGrid {
  from: string;
  to: string;
  workingDays: string[];
  nonWorkingDays: { day: string; reason: string }[];
  offices: GridOffice[];
  latestRun: { id: string; from: string; to: string; finishedAt: string | null; message: string; messageEn: string; shortfalls: OfficeShortfall[]; pinConflicts: PinConflict[] } | null;
}

export interface PinsResult {
  run: PlanRun | null;
  pinConflicts: PinConflict[];
}

export interface SwapViolation {
  kind: ViolationKind;
  officeId: string | null;
  officeName: string | null;
  day: string | null;
  skill: string | null;
  required: number | null;
  actual: number | null;
  peopleShort: number | null;
  message: string;
}

export interface SwapRequest {
  id: string;
  employeeId: string;
  employeeName: string;
  officeId: string;
  officeName: string;
  fromDay: string;
  toDay: string;
  status: 'pending' | 'accepted' | 'refused';
  reason: string | null;
  violations: SwapViolation[];
  note: string;
  createdAt: string;
  decidedAt: string | null;
}

export type MyDayKind = 'remote' | 'onsite' | 'absent' | 'unplanned' | 'non_working';

export interface MyCalendar {
  employee: { id: string; name: string; officeId: string; officeName: string };
  from: string;
  to: string;
  days: { day: string; kind: MyDayKind; pinned: boolean; pinSource: 'manager' | 'swap' | null; reason: string | null }[];
  swapRequiresApproval: boolean;
  feed: { active: boolean; createdAt: string | null; lastUsedAt: string | null };
  swaps: SwapRequest[];
}

export interface FeedCreated {
  url: string;
  webcalUrl: string;
  createdAt: string;
}
