/** The shapes of the objectives API as the web pages read them (src/modules/remote-work/objectives.schemas.ts). */
export const SCOPES = ['office', 'team', 'person'] as const;
export type Scope = (typeof SCOPES)[number];
export const VALUE_TYPES = ['number', 'integer', 'percent'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export type ProgressStatus = 'not_started' | 'on_track' | 'late' | 'achieved' | 'missed';
export const PERIODS = ['current', 'all', 'past', 'future'] as const;
export type Period = (typeof PERIODS)[number];

export interface Responsible {
  userId: string;
  name: string;
}

interface ObjectiveBase {
  id: string;
  title: string;
  description: string;
  scope: Scope;
  officeId: string | null;
  teamId: string | null;
  employeeId: string | null;
  ownerName: string;
  ownerOfficeId: string | null;
  startsOn: string;
  endsOn: string;
  responsibles: Responsible[];
  canEdit: boolean;
  canReport: boolean;
}

export interface ObjectiveSummary extends ObjectiveBase {
  indicatorCount: number;
  lastReportOn: string | null;
  progress: { achievedPercent: number; expectedPercent: number; status: ProgressStatus };
}

export interface Indicator {
  id: string;
  name: string;
  unit: string;
  valueType: ValueType;
  baseline: number;
  target: number;
  direction: Direction;
}

export interface Report {
  id: string;
  reportedOn: string;
  comment: string;
  reportedBy: string | null;
  reportedByName: string | null;
  createdAt: string;
  values: { indicatorId: string; value: number }[];
}

export interface ObjectiveDetail extends ObjectiveBase {
  indicators: Indicator[];
  reports: Report[];
  progress: {
    achievedPercent: number;
    expectedPercent: number;
    status: ProgressStatus;
    indicators: { indicatorId: string; latestValue: number | null; latestOn: string | null; achievedPercent: number | null }[];
  };
}

export interface ObjectiveList {
  items: ObjectiveSummary[];
  page: number;
  pageSize: number;
  total: number;
  canCreate: boolean;
}

export interface Team {
  id: string;
  name: string;
  officeId: string | null;
  officeName: string | null;
  members: { employeeId: string; name: string; officeId: string }[];
  objectives: number;
  canEdit: boolean;
}
