/**
 * Work by objectives (lavoro per obiettivi), pure rules:
 *
 * - an objective belongs to an office, a team or a person, lasts a period [startsOn, endsOn] (at
 *   most three years), has 1–20 indicators and 1–20 responsible people;
 * - an indicator has a name, a unit, a value type (number with up to two decimals, integer,
 *   percent 0–100), a baseline and a target on the side its direction says (increase: target above
 *   the baseline; decrease: below);
 * - a report is dated inside the objective's period and not in the future, and gives one value
 *   of the right type for every indicator;
 * - progress: for each indicator, the latest reported value against the target, as the share of
 *   the way from the baseline to the target (0–100%); the objective's progress is the mean of its
 *   indicators'. Compared with the time elapsed in the period it reads: not started, on track,
 *   late, achieved, or missed (the period is over and the target was not reached).
 */

export const VALUE_TYPES = ['number', 'integer', 'percent'] as const;
export type ValueType = (typeof VALUE_TYPES)[number];
export const DIRECTIONS = ['increase', 'decrease'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const SCOPES = ['office', 'team', 'person'] as const;
export type Scope = (typeof SCOPES)[number];

export const MAX_INDICATORS = 20;
export const MAX_RESPONSIBLES = 20;
export const MAX_PERIOD_DAYS = 3 * 366;
export const MAX_ABS_VALUE = 1e12;

export interface Problem {
  code: 'objective.invalid' | 'objective.invalid_indicator' | 'objective.report_outside_period' | 'objective.report_in_future' | 'objective.report_invalid_value';
  field: string;
  message: string;
}

const dayNumber = (d: string) => Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

/** Why a value does not fit its type (null: it fits). */
export function valueProblem(type: ValueType, v: number): string | null {
  if (typeof v !== 'number' || !Number.isFinite(v)) return 'deve essere un numero';
  if (Math.abs(v) > MAX_ABS_VALUE) return 'numero troppo grande';
  if (type === 'integer' && !Number.isInteger(v)) return 'deve essere un numero intero';
  if (type === 'percent' && (v < 0 || v > 100)) return 'una percentuale va da 0 a 100';
  if (Math.abs(Math.round(v * 100) - v * 100) > 1e-6) return 'al massimo due decimali';
  return null;
}

export interface IndicatorInput {
  id?: string;
  name: string;
  unit: string;
  valueType: ValueType;
  baseline: number;
  target: number;
  direction: Direction;
}

export interface ObjectiveInput {
  title: string;
  startsOn: string;
  endsOn: string;
  indicators: IndicatorInput[];
  responsibleUserIds: string[];
}

/** Every problem of an objective's fields, in field order. */
export function objectiveProblems(o: ObjectiveInput): Problem[] {
  const out: Problem[] = [];
  const bad = (field: string, message: string, code: Problem['code'] = 'objective.invalid') => out.push({ code, field, message });
  if (!o.title.trim()) bad('title', 'indica un titolo');
  if (o.endsOn < o.startsOn) bad('endsOn', 'la fine non può precedere l’inizio');
  else if (dayNumber(o.endsOn) - dayNumber(o.startsOn) > MAX_PERIOD_DAYS) bad('endsOn', 'il periodo dura al massimo tre anni');
  if (o.indicators.length < 1 || o.indicators.length > MAX_INDICATORS) bad('indicators', `da 1 a ${MAX_INDICATORS} indicatori`);
  const names = new Set<string>();
  o.indicators.forEach((ind, i) => {
    const f = `indicators.${i}`;
    const name = ind.name.trim().toLowerCase();
    if (!name) bad(`${f}.name`, 'indica il nome dell’indicatore');
    else if (names.has(name)) bad(`${f}.name`, 'due indicatori hanno lo stesso nome');
    names.add(name);
    const pb = valueProblem(ind.valueType, ind.baseline);
    if (pb) bad(`${f}.baseline`, `valore di partenza: ${pb}`);
    const pt = valueProblem(ind.valueType, ind.target);
    if (pt) bad(`${f}.target`, `valore obiettivo: ${pt}`);
    if (!pb && !pt) {
      if (ind.direction === 'increase' && !(ind.target > ind.baseline)) bad(`${f}.target`, 'per un indicatore da aumentare il valore obiettivo supera quello di partenza', 'objective.invalid_indicator');
      if (ind.direction === 'decrease' && !(ind.target < ind.baseline)) bad(`${f}.target`, 'per un indicatore da ridurre il valore obiettivo è sotto quello di partenza', 'objective.invalid_indicator');
    }
  });
  if (o.responsibleUserIds.length < 1 || o.responsibleUserIds.length > MAX_RESPONSIBLES) bad('responsibleUserIds', `da 1 a ${MAX_RESPONSIBLES} responsabili`);
  if (new Set(o.responsibleUserIds).size !== o.responsibleUserIds.length) bad('responsibleUserIds', 'un responsabile compare due volte');
  return out;
}

export interface ReportInput {
  reportedOn: string;
  values: { indicatorId: string; value: number }[];
}

/** Every problem of a report for an objective, on a day (today, Europe/Rome). */
export function reportProblems(
  o: { startsOn: string; endsOn: string },
  indicators: { id: string; name: string; valueType: ValueType }[],
  r: ReportInput,
  today: string,
): Problem[] {
  const out: Problem[] = [];
  if (r.reportedOn < o.startsOn || r.reportedOn > o.endsOn) {
    out.push({ code: 'objective.report_outside_period', field: 'reportedOn', message: `la data deve essere tra il ${o.startsOn} e il ${o.endsOn}` });
  } else if (r.reportedOn > today) {
    out.push({ code: 'objective.report_in_future', field: 'reportedOn', message: 'la data non può essere futura' });
  }
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const seen = new Set<string>();
  r.values.forEach((v, i) => {
    const ind = byId.get(v.indicatorId);
    if (!ind) out.push({ code: 'objective.report_invalid_value', field: `values.${i}.indicatorId`, message: 'indicatore non dell’obiettivo' });
    else if (seen.has(v.indicatorId)) out.push({ code: 'objective.report_invalid_value', field: `values.${i}.indicatorId`, message: `«${ind.name}» compare due volte` });
    else {
      const p = valueProblem(ind.valueType, v.value);
      if (p) out.push({ code: 'objective.report_invalid_value', field: `values.${i}.value`, message: `${ind.name}: ${p}` });
    }
    seen.add(v.indicatorId);
  });
  for (const ind of indicators) {
    if (!seen.has(ind.id)) out.push({ code: 'objective.report_invalid_value', field: 'values', message: `manca il valore di «${ind.name}»` });
  }
  return out;
}

// ------------------------------------------------------------------------------------------ progress

export type ProgressStatus = 'not_started' | 'on_track' | 'late' | 'achieved' | 'missed';

const round1 = (x: number) => Math.round(x * 10) / 10;

/** How far a value has come from the baseline to the target, 0–100 (beyond the target counts 100). */
export function achievedPercent(baseline: number, target: number, value: number): number {
  const span = target - baseline;
  if (span === 0) return 100;
  return round1(Math.min(100, Math.max(0, ((value - baseline) / span) * 100)));
}

/** The share of the period elapsed on a day: 0 before the start, 100 from the last day on. */
export function expectedPercent(startsOn: string, endsOn: string, today: string): number {
  if (today < startsOn) return 0;
  if (today >= endsOn) return 100;
  return round1(((dayNumber(today) - dayNumber(startsOn)) / (dayNumber(endsOn) - dayNumber(startsOn))) * 100);
}

export interface IndicatorProgress {
  indicatorId: string;
  latestValue: number | null;
  latestOn: string | null;
  /** null until a value is reported. */
  achievedPercent: number | null;
}

export interface ObjectiveProgress {
  /** Mean of the indicators' progress (an indicator without values counts 0). */
  achievedPercent: number;
  expectedPercent: number;
  status: ProgressStatus;
  indicators: IndicatorProgress[];
}

export function objectiveProgress(
  o: { startsOn: string; endsOn: string },
  indicators: { id: string; baseline: number; target: number }[],
  latest: Map<string, { value: number; on: string }>,
  today: string,
): ObjectiveProgress {
  const per = indicators.map((i): IndicatorProgress => {
    const l = latest.get(i.id);
    return { indicatorId: i.id, latestValue: l?.value ?? null, latestOn: l?.on ?? null, achievedPercent: l ? achievedPercent(i.baseline, i.target, l.value) : null };
  });
  const achieved = per.length ? round1(per.reduce((s, x) => s + (x.achievedPercent ?? 0), 0) / per.length) : 0;
  const expected = expectedPercent(o.startsOn, o.endsOn, today);
  let status: ProgressStatus;
  if (per.length && per.every((x) => x.achievedPercent === 100)) status = 'achieved';
  else if (today < o.startsOn) status = 'not_started';
  else if (today > o.endsOn) status = 'missed';
  else status = achieved >= expected ? 'on_track' : 'late';
  return { achievedPercent: achieved, expectedPercent: expected, status, indicators: per };
}
