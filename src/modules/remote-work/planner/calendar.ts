/**
 * The planner's calendar words, over the platform's one calendar (platform/calendar): the reason a
 * day is not worked, in Italian for the planner's messages, and the short 'DD/MM' form of a day.
 * Dates, weeks and working days themselves come from platform/calendar.
 */
import { DAY_OFF_LABELS, dayOffReason, type BodyCalendar } from '../../../platform/calendar/working-days.js';

/** A body's calendar as the planner receives it: its patron day and its own closures. */
export type CalendarOptions = BodyCalendar;

/** Italian display form 'DD/MM' used in messages. */
export function shortItalianDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

/** Why a day is not a working day for the body, in Italian (e.g. 'festività nazionale'), or null if it is one. */
export function nonWorkingReason(date: string, opts: CalendarOptions = {}): string | null {
  const reason = dayOffReason(date, opts);
  return reason ? DAY_OFF_LABELS[reason].it : null;
}
