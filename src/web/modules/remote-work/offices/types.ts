/** The shapes of the offices-and-people API as the web app reads them (the server's copies are checked by contract.test.ts). */
export const ABSENCE_KINDS = ['leave', 'sick', 'training', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const IMPORT_COLUMNS = ['codice_fiscale', 'nome', 'cognome', 'email', 'codice_ufficio', 'competenze', 'giorni_preferiti', 'lavoratore_fragile'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['codice_fiscale', 'nome', 'cognome', 'codice_ufficio'];
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface Office {
  id: string;
  organizationId: string;
  code: string;
  name: string;
  parentId: string | null;
  managerUserId: string | null;
  managerName: string | null;
  managerEmail: string | null;
  activeEmployees: number;
  createdAt: string;
  updatedAt: string;
}

export interface WeekdayCoverage {
  weekday: number;
  minOnSite: number;
  skills: { skill: string; minOnSite: number }[];
}

export interface Activity {
  id: string;
  name: string;
  remotable: boolean;
}

export interface OfficeDetail extends Office {
  coverage: WeekdayCoverage[];
  activities: Activity[];
  skillCounts: { skill: string; people: number }[];
}

export interface Person {
  userId: string;
  displayName: string;
  email: string;
  roles: string[];
}

export interface Employee {
  id: string;
  organizationId: string;
  officeId: string;
  officeCode: string;
  officeName: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  userId: string | null;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface ImportProblem {
  column: ImportColumn | null;
  code: string;
  message: string;
}

export interface ImportRow {
  line: number;
  values: Partial<Record<ImportColumn, string>>;
  action: 'create' | 'update' | 'unchanged' | null;
  errors: ImportProblem[];
  warnings: string[];
}

export interface ImportReport {
  separator: ';' | ',';
  clean: boolean;
  committed: boolean;
  totalRows: number;
  rowsWithErrors: number;
  creates: number;
  updates: number;
  unchanged: number;
  fileErrors: ImportProblem[];
  rows: ImportRow[];
}

export interface Absence {
  employeeId: string;
  day: string;
  kind: AbsenceKind;
}

export interface Closure {
  day: string;
  reason: string;
}
