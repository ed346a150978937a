/**
 * Calendar arithmetic of the planner's area on 'YYYY-MM-DD' days (no local-time Date objects):
 * today in Rome, the 3-month limit of a plan, the weeks and months around a swap.
 */
import { dayNumber, fromDayNumber, isIsoDate, isoWeekday } from '../../../platform/calendar/rome.js';

/** The longest range a plan may cover: from `from` to the day before the same date 3 months later. */
export const MAX_PLAN_MONTHS = 3;

const romeDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Europe/Rome at the instant `now` (ms). */
export function romeToday(now: number = Date.now()): string {
  return romeDate.format(new Date(now));
}

export function addDays(day: string, n: number): string {
  return fromDayNumber(dayNumber(day) + n);
}

/** The same day n months later, clamped to the end of the month (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(day: string, n: number): string {
  const y = +day.slice(0, 4), m = +day.slice(5, 7) - 1 + n, d = +day.slice(8, 10);
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The last day a plan starting on `from` may cover. */
export function lastPlannableDay(from: string): string {
  return addDays(addMonths(from, MAX_PLAN_MONTHS), -1);
}

/** Why [from, to] cannot be planned, or null. Italian. */
export function planRangeProblem(from: string, to: string, today: string): string | null {
  if (!isIsoDate(from) || !isIsoDate(to)) return 'Le date devono essere nel formato AAAA-MM-GG.';
  if (to < from) return `La data finale (${to}) precede quella iniziale (${from}).`;
  if (to > lastPlannableDay(from)) return `Si pianificano al massimo ${MAX_PLAN_MONTHS} mesi alla volta: con inizio il ${from} l’ultimo giorno possibile è il ${lastPlannableDay(from)}.`;
  if (from < today) return `I giorni passati non si ripianificano: scegli un inizio dal ${today} in poi.`;
  return null;
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

export function monthEnd(day: string): string {
  return addDays(addMonths(monthStart(day), 1), -1);
}

/** Monday of the ISO week of `day`. */
export function weekStart(day: string): string {
  return addDays(day, 1 - isoWeekday(day));
}

/** Sunday of the ISO week of `day`. */
export function weekEnd(day: string): string {
  return addDays(day, 7 - isoWeekday(day));
}

/**
 * The range the agreement's caps of some days are counted over: the whole months and ISO weeks
 * that contain them (a swap is validated on it).
 */
export function capsRange(days: string[]): { from: string; to: string } {
  let from = days[0], to = days[0];
  for (const d of days) {
    for (const a of [monthStart(d), weekStart(d)]) if (a < from) from = a;
    for (const b of [monthEnd(d), weekEnd(d)]) if (b > to) to = b;
  }
  return { from, to };
}

/** Every calendar day of [from, to]. */
export function eachDay(from: string, to: string): string[] {
  const out: string[] = [];
  for (let n = dayNumber(from), b = dayNumber(to); n <= b; n++) out.push(fromDayNumber(n));
  return out;
}
