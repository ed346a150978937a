/** The shapes of the indicators' API (see src/modules/remote-work/indicators.schemas.ts). */
export interface Figures {
  remoteDays: number;
  onsiteDays: number;
  absentDays: number;
  withAgreement: number;
  agreementSharePercent: number | null;
  remoteSharePercent: number | null;
}

export interface MonthFigures extends Figures {
  month: string;
}

export interface DayFigures extends Figures {
  day: string;
}

export interface OfficeFigures extends Figures {
  officeId: string;
  code: string;
  name: string;
  headcount: number;
}

export interface BodyIndicators {
  organizationId: string;
  organizationName: string;
  month: string;
  headcount: number;
  targetPercent: number;
  gapPoints: number | null;
  targetMet: boolean | null;
  summary: Figures;
  months: MonthFigures[];
  offices: OfficeFigures[];
  days: DayFigures[];
  refreshedAt: string | null;
}

export type TerritoryLevel = 'nation' | 'region' | 'province';

export interface TerritoryChild extends Figures {
  level: 'region' | 'province';
  code: string;
  name: string;
  bodies: number;
  headcount: number;
}

export interface TerritoryIndicators {
  level: TerritoryLevel;
  code: string;
  name: string;
  regionCode: string | null;
  month: string;
  bodies: number;
  bodiesWithFigures: number;
  headcount: number;
  referencePercent: number;
  summary: Figures;
  months: MonthFigures[];
  days: DayFigures[];
  children: TerritoryChild[];
  refreshedAt: string | null;
}

export interface TerritoryBody extends Figures {
  organizationId: string;
  name: string;
  kind: string;
  provinceCode: string | null;
  headcount: number;
  targetPercent: number;
  gapPoints: number | null;
  targetMet: boolean | null;
}

export interface TerritoryBodies {
  items: TerritoryBody[];
  page: number;
  pageSize: number;
  total: number;
  month: string;
  regionCode: string;
  provinceCode: string | null;
}

export interface Target {
  targetPercent: number;
  isDefault: boolean;
  updatedAt: string | null;
}
