/**
 * Calendar arithmetic of the planner's area on 'YYYY-MM-DD' days (no local-time Date objects):
 * today in Rome, the 3-month limit of a plan, the weeks and months around a swap.
 */
import { addDays, addMonths, isIsoDate, monthEnd, monthStart, weekEnd, weekStart } from '../../../platform/calendar/rome.js';

/** The calendar's arithmetic, from the one calendar (platform/calendar/rome.ts). */
export { addDays, addMonths, dateRange as eachDay, monthEnd, monthStart, weekEnd, weekStart } from '../../../platform/calendar/rome.js';

/** The longest range a plan may cover: from `from` to the day before the same date 3 months later. */
export const MAX_PLAN_MONTHS = 3;


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

