/** The shapes of the POLA API as the web page reads them (src/modules/remote-work/pola.schemas.ts). */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; note?: boolean }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; caption: string; columns: { header: string; width: number; align?: 'left' | 'right' }[]; rows: string[][] };

export interface DocumentModel {
  title: string;
  subtitle?: string;
  reference?: string;
  blocks: Block[];
  footer?: string;
}

export const NOTE_SECTIONS = ['implementation', 'organisation', 'people', 'programme'] as const;
export type NoteSection = (typeof NOTE_SECTIONS)[number];

export interface PolaSettings {
  firstYear: number;
  simplifiedOverride: boolean | null;
  notes: Partial<Record<NoteSection, string>>;
  updatedAt: string | null;
}

export interface Declarations {
  devicesProvided: number | null;
  vpn: boolean | null;
  intranet: boolean | null;
  collaborationTools: boolean | null;
  toolsNote: string;
  remoteAppsPercent: number | null;
  digitalSignatureHolders: number | null;
  digitisedProcessesPercent: number | null;
  helpdesk: boolean | null;
  managersTrainedPercent: number | null;
  workersTrainedPercent: number | null;
  trainingCostCents: number | null;
  hardwareInvestmentCents: number | null;
  digitisationInvestmentCents: number | null;
}

export type Unit = 'percent' | 'boolean' | 'cents';
export type Dimension = 'implementation' | 'organisational' | 'professional' | 'digital' | 'economic';
export const DIMENSIONS: Dimension[] = ['implementation', 'organisational', 'professional', 'digital', 'economic'];

export interface ProgrammeIndicator {
  key: string;
  dimension: Dimension;
  nameIt: string;
  unit: Unit;
  source: 'live' | 'declared';
  simplified: boolean;
  baseline: number | null;
  targets: { year: number; value: number | null; isDefault: boolean }[];
}

export interface Pola {
  organizationId: string;
  organizationName: string;
  today: string;
  month: string;
  years: number[];
  headcount: number;
  simplified: { applied: boolean; automatic: boolean; override: boolean | null; threshold: number };
  settings: PolaSettings;
  declarations: Declarations & { updatedAt: string | null };
  implementation: {
    summary: { withAgreement: number; agreementSharePercent: number | null; remoteSharePercent: number | null; remoteDays: number; onsiteDays: number };
    targetPercent: number;
    gapPoints: number | null;
    targetMet: boolean | null;
    refreshedAt: string | null;
  };
  programme: { phases: { year: number; phase: 'start' | 'intermediate' | 'advanced'; nameIt: string; conditionsIt: string[] }[]; indicators: ProgrammeIndicator[] };
  document: DocumentModel;
}
