/**
 * The POLA's pure rules (Linee guida sul Piano organizzativo del lavoro agile, DM 9 dicembre 2020;
 * PIAO, DM 30 giugno 2022 n. 132, sottosezione "Organizzazione del lavoro agile"):
 *
 * - the catalogue of the development programme's indicators, by dimension: the state of
 *   implementation (quantity) and the enabling conditions — organisational, professional, digital
 *   and economic health — each measured live from the body's tables or declared by the body;
 * - the three phases over the three years: start (avvio), intermediate (sviluppo intermedio),
 *   advanced (sviluppo avanzato), with their enabling conditions;
 * - the simplified form for bodies with up to 50 employees (automatic, overridable);
 * - baselines from the body's figures, targets per year (HR's, or a default drawn towards the
 *   body's own target for the share of remote workers), and the check of a target's value.
 */

export const SIMPLIFIED_MAX_EMPLOYEES = 50;
export const PLAN_YEARS = 3;

export const DIMENSIONS = ['implementation', 'organisational', 'professional', 'digital', 'economic'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_IT: Record<Dimension, string> = {
  implementation: 'Stato di attuazione del lavoro agile',
  organisational: 'Salute organizzativa',
  professional: 'Salute professionale',
  digital: 'Salute digitale',
  economic: 'Salute economico-finanziaria',
};

/** percent: 0–100; boolean: 1 yes, 0 no; cents: euro cents (integers). */
export type Unit = 'percent' | 'boolean' | 'cents';
/** live: computed from the body's tables; declared: what the body declares (rw_pola_declarations). */
export type Source = 'live' | 'declared';

export interface IndicatorDef {
  key: string;
  dimension: Dimension;
  nameIt: string;
  unit: Unit;
  source: Source;
  /** Kept in the simplified form (bodies with up to 50 employees). */
  simplified: boolean;
}

export const INDICATORS: readonly IndicatorDef[] = [
  { key: 'impl.agreement_share', dimension: 'implementation', nameIt: '% di dipendenti con un accordo di lavoro agile in vigore (lavoratori agili effettivi)', unit: 'percent', source: 'live', simplified: true },
  { key: 'impl.remote_day_share', dimension: 'implementation', nameIt: '% di giornate in lavoro agile sulle giornate lavorate', unit: 'percent', source: 'live', simplified: true },
  { key: 'org.activities_mapped', dimension: 'organisational', nameIt: '% di uffici con la mappatura delle attività svolgibili in lavoro agile', unit: 'percent', source: 'live', simplified: true },
  { key: 'org.coverage_rules', dimension: 'organisational', nameIt: '% di uffici con le regole di presidio in sede definite', unit: 'percent', source: 'live', simplified: false },
  { key: 'org.objectives_coverage', dimension: 'organisational', nameIt: '% di dipendenti con obiettivi assegnati (lavoro per obiettivi)', unit: 'percent', source: 'live', simplified: false },
  { key: 'org.helpdesk', dimension: 'organisational', nameIt: 'Help desk informatico a supporto dei lavoratori agili', unit: 'boolean', source: 'declared', simplified: true },
  { key: 'prof.safety_acknowledged', dimension: 'professional', nameIt: '% di accordi in vigore con l’informativa sulla sicurezza sottoscritta', unit: 'percent', source: 'live', simplified: false },
  { key: 'prof.managers_trained', dimension: 'professional', nameIt: '% di dirigenti e responsabili formati sulla gestione per obiettivi del lavoro agile', unit: 'percent', source: 'declared', simplified: false },
  { key: 'prof.workers_trained', dimension: 'professional', nameIt: '% di lavoratori agili formati sulle competenze digitali', unit: 'percent', source: 'declared', simplified: true },
  { key: 'dig.devices', dimension: 'digital', nameIt: '% di lavoratori agili con dispositivi forniti dall’ente', unit: 'percent', source: 'declared', simplified: true },
  { key: 'dig.vpn', dimension: 'digital', nameIt: 'Accesso sicuro alla rete dell’ente (VPN)', unit: 'boolean', source: 'declared', simplified: true },
  { key: 'dig.intranet', dimension: 'digital', nameIt: 'Intranet accessibile da remoto', unit: 'boolean', source: 'declared', simplified: false },
  { key: 'dig.collaboration', dimension: 'digital', nameIt: 'Strumenti di collaborazione (videoconferenza, documenti condivisi)', unit: 'boolean', source: 'declared', simplified: false },
  { key: 'dig.remote_apps', dimension: 'digital', nameIt: '% di applicativi accessibili da remoto', unit: 'percent', source: 'declared', simplified: true },
  { key: 'dig.signature', dimension: 'digital', nameIt: '% di lavoratori agili con firma digitale', unit: 'percent', source: 'declared', simplified: false },
  { key: 'dig.processes', dimension: 'digital', nameIt: '% di processi digitalizzati', unit: 'percent', source: 'declared', simplified: false },
  { key: 'eco.training', dimension: 'economic', nameIt: 'Spesa per la formazione sulle competenze del lavoro agile', unit: 'cents', source: 'declared', simplified: false },
  { key: 'eco.hardware', dimension: 'economic', nameIt: 'Investimenti in dispositivi e infrastrutture digitali', unit: 'cents', source: 'declared', simplified: true },
  { key: 'eco.digitisation', dimension: 'economic', nameIt: 'Investimenti nella digitalizzazione di processi e servizi', unit: 'cents', source: 'declared', simplified: false },
];

export const INDICATOR_KEYS = INDICATORS.map((i) => i.key);
const BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

export function indicatorDef(key: string): IndicatorDef | undefined {
  return BY_KEY.get(key);
}

// ------------------------------------------------------------------------------------------ phases

export const PHASES = ['start', 'intermediate', 'advanced'] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_IT: Record<Phase, string> = {
  start: 'Fase di avvio',
  intermediate: 'Fase di sviluppo intermedio',
  advanced: 'Fase di sviluppo avanzato',
};

/** The enabling conditions each phase builds (what must be in place by the end of its year). */
export const PHASE_CONDITIONS_IT: Record<Phase, string[]> = {
  start: [
    'mappatura, ufficio per ufficio, delle attività svolgibili in lavoro agile e di quelle da svolgere in sede',
    'regole di presidio minimo in sede per ogni ufficio e sportello',
    'accordi individuali scritti (legge 81/2017) con fasce di contattabilità e di disconnessione',
    'informativa scritta sulla salute e sicurezza consegnata e sottoscritta',
    'dotazione di dispositivi e accesso sicuro alla rete dell’ente (VPN)',
  ],
  intermediate: [
    'pianificazione mensile dei giorni in lavoro agile con il presidio garantito',
    'lavoro per obiettivi con resoconti periodici dei responsabili',
    'formazione dei responsabili sulla gestione per obiettivi e dei lavoratori sulle competenze digitali',
    'applicativi e banche dati accessibili da remoto; help desk per i lavoratori agili',
    'monitoraggio mensile degli indicatori rispetto all’obiettivo dell’ente',
  ],
  advanced: [
    'processi e servizi digitalizzati, firma digitale diffusa tra i lavoratori agili',
    'valutazione degli impatti interni ed esterni e della soddisfazione di lavoratori e utenti',
    'revisione degli spazi di lavoro e degli investimenti sulla base dei risultati',
  ],
};

/** The phase of each year of the plan: the first year starts, the second develops, the third advances. */
export function phaseOfYear(firstYear: number, year: number): Phase | null {
  const i = year - firstYear;
  return i >= 0 && i < PLAN_YEARS ? PHASES[i] : null;
}

export function planYears(firstYear: number): number[] {
  return Array.from({ length: PLAN_YEARS }, (_, i) => firstYear + i);
}

// ------------------------------------------------------------------------------------------ simplified form

export interface SimplifiedForm {
  /** The form the document uses. */
  applied: boolean;
  /** What the headcount alone says (at most 50 active employees). */
  automatic: boolean;
  /** HR's choice, when set (null: automatic). */
  override: boolean | null;
  threshold: number;
}

export function simplifiedForm(activeEmployees: number, override: boolean | null): SimplifiedForm {
  const automatic = activeEmployees <= SIMPLIFIED_MAX_EMPLOYEES;
  return { applied: override ?? automatic, automatic, override, threshold: SIMPLIFIED_MAX_EMPLOYEES };
}

// ------------------------------------------------------------------------------------------ baselines

/** A percentage with one decimal, null when the denominator is zero. */
export function share(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((1000 * Math.min(numerator, denominator)) / denominator) / 10;
}

const bool = (b: boolean | null): number | null => (b === null ? null : b ? 1 : 0);

/** What the baselines are computed from: the body's live figures and its declarations. */
export interface BaselineInput {
  agreementSharePercent: number | null;
  remoteSharePercent: number | null;
  offices: number;
  officesWithActivities: number;
  officesWithCoverage: number;
  activeEmployees: number;
  employeesWithObjectives: number;
  agreementsInForce: number;
  agreementsWithSafety: number;
  /** Employees with an agreement in force (remote workers): the denominator of devices and signatures. */
  remoteWorkers: number;
  declared: {
    helpdesk: boolean | null;
    managersTrainedPercent: number | null;
    workersTrainedPercent: number | null;
    devicesProvided: number | null;
    vpn: boolean | null;
    intranet: boolean | null;
    collaborationTools: boolean | null;
    remoteAppsPercent: number | null;
    digitalSignatureHolders: number | null;
    digitisedProcessesPercent: number | null;
    trainingCostCents: number | null;
    hardwareInvestmentCents: number | null;
    digitisationInvestmentCents: number | null;
  };
}

/** The value of every indicator today (null: not measurable, or not declared). */
export function baselines(x: BaselineInput): Record<string, number | null> {
  const d = x.declared;
  const perWorker = (n: number | null) => (n === null ? null : x.remoteWorkers > 0 ? share(n, x.remoteWorkers) : null);
  return {
    'impl.agreement_share': x.agreementSharePercent,
    'impl.remote_day_share': x.remoteSharePercent,
    'org.activities_mapped': share(x.officesWithActivities, x.offices),
    'org.coverage_rules': share(x.officesWithCoverage, x.offices),
    'org.objectives_coverage': share(x.employeesWithObjectives, x.activeEmployees),
    'org.helpdesk': bool(d.helpdesk),
    'prof.safety_acknowledged': share(x.agreementsWithSafety, x.agreementsInForce),
    'prof.managers_trained': d.managersTrainedPercent,
    'prof.workers_trained': d.workersTrainedPercent,
    'dig.devices': perWorker(d.devicesProvided),
    'dig.vpn': bool(d.vpn),
    'dig.intranet': bool(d.intranet),
    'dig.collaboration': bool(d.collaborationTools),
    'dig.remote_apps': d.remoteAppsPercent,
    'dig.signature': perWorker(d.digitalSignatureHolders),
    'dig.processes': d.digitisedProcessesPercent,
    'eco.training': d.trainingCostCents,
    'eco.hardware': d.hardwareInvestmentCents,
    'eco.digitisation': d.digitisationInvestmentCents,
  };
}

// ------------------------------------------------------------------------------------------ targets

export interface YearTarget {
  year: number;
  /** null: not set yet ("da definire"). */
  value: number | null;
  /** True when the value is the suggested default, not one HR saved. */
  isDefault: boolean;
}

export interface ProgrammeIndicator extends IndicatorDef {
  baseline: number | null;
  targets: YearTarget[];
}

/**
 * The targets of every indicator for the plan's years: HR's saved value, otherwise, for the share
 * of remote workers only, a default drawn in equal steps from the baseline to the body's own
 * target (reached in the third year); every other target without a saved value stays to be set.
 */
export function programme(
  firstYear: number,
  base: Record<string, number | null>,
  saved: { indicator: string; year: number; value: number }[],
  bodyTargetPercent: number,
  simplified: boolean,
): ProgrammeIndicator[] {
  const years = planYears(firstYear);
  const savedMap = new Map(saved.map((s) => [`${s.indicator}|${s.year}`, s.value]));
  return INDICATORS.filter((i) => !simplified || i.simplified).map((def) => {
    const baseline = base[def.key] ?? null;
    const targets = years.map((year, k): YearTarget => {
      const v = savedMap.get(`${def.key}|${year}`);
      if (v !== undefined) return { year, value: v, isDefault: false };
      if (def.key === 'impl.agreement_share') {
        const from = baseline ?? 0;
        const value = from >= bodyTargetPercent ? from : Math.round((from + ((bodyTargetPercent - from) * (k + 1)) / PLAN_YEARS) * 10) / 10;
        return { year, value, isDefault: true };
      }
      return { year, value: null, isDefault: true };
    });
    return { ...def, baseline, targets };
  });
}

/** Why a target's value does not fit its indicator's unit (null: it fits). */
export function targetValueProblem(unit: Unit, value: number): string | null {
  if (!Number.isFinite(value) || value < 0) return 'il valore deve essere un numero non negativo';
  if (unit === 'percent' && value > 100) return 'una percentuale va da 0 a 100';
  if (unit === 'percent' && Math.round(value * 10) !== value * 10) return 'una percentuale ha al massimo un decimale';
  if (unit === 'boolean' && value !== 0 && value !== 1) return 'per un indicatore sì/no il valore è 1 (sì) o 0 (no)';
  if (unit === 'cents' && (!Number.isInteger(value) || value > 1e14)) return 'un importo è un numero intero di centesimi di euro';
  return null;
}

// ------------------------------------------------------------------------------------------ Italian formatting

const NUMBER_IT = new Intl.NumberFormat('it-IT', { maximumFractionDigits: 1 });
const EURO_IT = new Intl.NumberFormat('it-IT', { style: 'currency', currency: 'EUR' });

export function numberIt(n: number): string {
  return NUMBER_IT.format(n).replace(/\u00a0/g, ' ');
}

export function valueIt(unit: Unit, v: number | null, missing = 'n.d.'): string {
  if (v === null) return missing;
  if (unit === 'percent') return `${NUMBER_IT.format(v)}%`;
  if (unit === 'boolean') return v >= 1 ? 'sì' : 'no';
  // a plain space before the euro sign (Intl puts a no-break space, which documents and searches trip on)
  return EURO_IT.format(v / 100).replace(/\u00a0/g, ' ');
}
