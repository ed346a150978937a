/**
 * Calendar dates and local times of Europe/Rome in the browser, whatever the computer's own zone,
 * in the words the booking pages use. Everything is computed by the platform's one calendar
 * (src/platform/calendar/rome.ts, shared with the server); this file only adds the page-side
 * shapes: a time 'HH:MM' beside the parts of an instant, instants as ISO 8601 with the offset the
 * API expects, and the weeks of a month grid.
 */
import {
  addDays,
  addMonths as addMonthsClamped,
  isIsoDate,
  isoWeekday,
  isTimeOfDay,
  monthStart,
  romeDate,
  romeInstant as instantAt,
  romeOffsetMs,
  romeParts as partsAt,
  romeTimeOfDay,
  ROME_TIME_ZONE,
  weekStart,
} from '../../../platform/calendar/rome.js';

export const TIME_ZONE = ROME_TIME_ZONE;
/** The booking pages' names for the calendar's own functions. */
export { addDays, isIsoDate as isDate, isTimeOfDay as isTime, isoWeekday as weekdayOf, weekStart as mondayOf, monthStart as firstOfMonth };

export interface RomeParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  /** whole minutes since local midnight */
  minutes: number;
}

/** The Rome date, time and weekday of an instant (epoch ms or ISO string). */
export function romeParts(at: number | string): RomeParts {
  const t = typeof at === 'number' ? at : Date.parse(at);
  const p = partsAt(t);
  return { date: p.date, time: romeTimeOfDay(t), weekday: p.weekday, minutes: Math.floor(p.minutes) };
}


const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The instant of a Rome local date and time, as ISO 8601 with its offset ('2027-03-28T10:00:00+02:00').
 * null when the time does not exist that day (the hour skipped when clocks go forward). On the night
 * clocks go back, the first of the two 02:xx is taken.
 */
export function romeInstant(date: string, time: string): string | null {
  if (!isTimeOfDay(time)) return null;
  const t = instantAt(date, time);
  if (t === null) return null;
  const minutes = romeOffsetMs(t) / 60_000;
  return `${date}T${time}:00${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The first day of the month n months after the month of `date`. */
export function addMonths(date: string, n: number): string {
  return addMonthsClamped(monthStart(date), n);
}

/** The weeks (Monday to Sunday) that show a month: 4 to 6 rows of 7 dates. */
export function monthGrid(date: string): string[][] {
  const first = monthStart(date);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let monday = weekStart(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** Today's date in Rome. */
export function todayRome(now = Date.now()): string {
  return romeDate(now);
}

/** Minutes of an HH:MM (24:00 allowed, as the end of a day). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Italian national public holidays: the platform's one calendar, shared with the server. */
export { isItalianHoliday } from '../../../platform/calendar/working-days.js';
