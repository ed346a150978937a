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
import { clock } from '../../../platform/clock.js';
import { romeMonth } from '../../../platform/calendar/rome.js';

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

/** Months, days and weekdays from the one calendar (platform/calendar/rome.ts). */
export { addMonthsToMonth as addMonths, daysOfMonth, isoWeekday, monthOf, monthsBetween } from '../../../platform/calendar/rome.js';

/** The current month in Europe/Rome ('YYYY-MM'). */
export function currentMonth(now: Date = clock.date()): string {
  return romeMonth(now.getTime());
}

/** Rows by key, with zeros where a key has none (series without holes for charts and CSV). */
export function fill<K extends string>(keys: string[], rows: Map<string, Counts>): { key: K; counts: Counts }[] {
  return keys.map((k) => ({ key: k as K, counts: rows.get(k) ?? ZERO }));
}
