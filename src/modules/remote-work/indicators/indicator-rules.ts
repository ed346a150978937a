/**
 * The indicators' pure rules: shares, the gap to the target, months and days (Europe/Rome).
 *
 * - Share of employees with an agreement: employees (active now) with an agreement in force on at
 *   least one day of the period, over the active employees now (the tables keep no employment
 *   history, so a past month is measured on today's staff).
 * - Share of remote days: planned remote days over worked days, remote / (remote + on site);
 *   absences count in neither.
 * - Gap: the target minus the share of employees with an agreement, in percentage points
 *   (positive: short of the target; zero or negative: target met).
 */

/** The target when a body has set none, and the national reference (at least 30% of public employees). */
export const DEFAULT_TARGET_PERCENT = 30;
export const NATIONAL_REFERENCE_PERCENT = 30;
/** Longest series a request may ask for. */
export const MAX_MONTHS = 36;
/** Months shown by default in a series, ending with the chosen month. */
export const DEFAULT_SERIES_MONTHS = 12;

export interface Counts {
  remote: number;
  onsite: number;
  absent: number;
  withAgreement: number;
}

export interface Figures {
  remoteDays: number;
  onsiteDays: number;
  absentDays: number;
  withAgreement: number;
  /** Null when there are no employees. */
  agreementSharePercent: number | null;
  /** Null when no day was worked (nothing planned). */
  remoteSharePercent: number | null;
}

/** A percentage with one decimal (half away from zero), null when the denominator is zero. */
export function percent(numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return Math.round((1000 * numerator) / denominator) / 10;
}

export function figures(c: Counts, headcount: number): Figures {
  return {
    remoteDays: c.remote,
    onsiteDays: c.onsite,
    absentDays: c.absent,
    withAgreement: c.withAgreement,
    agreementSharePercent: percent(c.withAgreement, headcount),
    remoteSharePercent: percent(c.remote, c.remote + c.onsite),
  };
}

/** Percentage points still missing to the target (negative: above it); null without a share. */
export function gapPoints(targetPercent: number, sharePercent: number | null): number | null {
  if (sharePercent === null) return null;
  return Math.round((targetPercent - sharePercent) * 10) / 10;
}

export const ZERO: Counts = { remote: 0, onsite: 0, absent: 0, withAgreement: 0 };

// ------------------------------------------------------------------------------------------ calendar

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' → 'YYYY-MM-01'. */
export function monthStart(month: string): string {
  if (!MONTH_RE.test(month)) throw new Error(`not a month: ${month}`);
  return `${month}-01`;
}

/** 'YYYY-MM-DD' (any day) → 'YYYY-MM'. */
export function monthOf(day: string): string {
  return day.slice(0, 7);
}

/** 'YYYY-MM' plus k months. */
export function addMonths(month: string, k: number): string {
  const m = MONTH_RE.exec(month);
  if (!m) throw new Error(`not a month: ${month}`);
  const index = Number(m[1]) * 12 + Number(m[2]) - 1 + k;
  const y = Math.floor(index / 12);
  return `${String(y).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Months from `from` to `to` included ('YYYY-MM'); empty when to < from. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

/** Every calendar day of a month ('YYYY-MM' → ['YYYY-MM-01', …]). */
export function daysOfMonth(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const n = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: n }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The ISO weekday (1 Monday … 7 Sunday) of a calendar day. */
export function isoWeekday(day: string): number {
  const d = new Date(`${day}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

const romeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The current month in Europe/Rome ('YYYY-MM'). */
export function currentMonth(now: Date = new Date()): string {
  return romeDay.format(now).slice(0, 7);
}

/** Rows by key, with zeros where a key has none (series without holes for charts and CSV). */
export function fill<K extends string>(keys: string[], rows: Map<string, Counts>): { key: K; counts: Counts }[] {
  return keys.map((k) => ({ key: k as K, counts: rows.get(k) ?? ZERO }));
}
