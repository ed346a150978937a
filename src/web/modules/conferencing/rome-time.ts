/**
 * Calendar dates and local times of Europe/Rome in the browser, whatever the computer's own zone:
 * Rome dates (YYYY-MM-DD) and times (HH:MM) to instants with the right offset (daylight saving
 * included) and back, weeks from Monday, month grids, and the Italian national public holidays.
 * Pure functions (no React), so they are tested on their own.
 */
export const TIME_ZONE = 'Europe/Rome';

export interface RomeParts {
  /** YYYY-MM-DD */
  date: string;
  /** HH:MM */
  time: string;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  weekday: 'short',
});
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The Rome date, time and weekday of an instant (epoch ms or ISO string). */
export function romeParts(at: number | string): RomeParts {
  const p: Record<string, string> = {};
  for (const part of partsFormat.formatToParts(new Date(at))) p[part.type] = part.value;
  const hour = p.hour === '24' ? '00' : p.hour;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    time: `${hour}:${p.minute}`,
    weekday: WEEKDAYS[p.weekday],
    minutes: Number(hour) * 60 + Number(p.minute),
  };
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isDate(s: string): boolean {
  return DATE.test(s) && new Date(`${s}T00:00:00Z`).toISOString().slice(0, 10) === s;
}
export function isTime(s: string): boolean {
  return TIME.test(s);
}

/**
 * The instant of a Rome local date and time, as ISO 8601 with its offset ('2027-03-28T10:00:00+02:00').
 * null when the time does not exist that day (the hour skipped when clocks go forward). On the night
 * clocks go back, the first of the two 02:xx is taken.
 */
export function romeInstant(date: string, time: string): string | null {
  if (!isDate(date) || !isTime(time)) return null;
  for (const offset of ['+02:00', '+01:00']) {
    const iso = `${date}T${time}:00${offset}`;
    const p = romeParts(Date.parse(iso));
    if (p.date === date && p.time === time) return iso;
  }
  return null;
}

/** A calendar date plus n days (no time zone involved). */
export function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** 1 Monday … 7 Sunday of a calendar date. */
export function weekdayOf(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The Monday of the week of a date. */
export function mondayOf(date: string): string {
  return addDays(date, 1 - weekdayOf(date));
}

/** The first day of the month of a date. */
export function firstOfMonth(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The first day of the month n months after the month of `date`. */
export function addMonths(date: string, n: number): string {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7)) - 1 + n;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 10);
}

/** The weeks (Monday to Sunday) that show a month: 4 to 6 rows of 7 dates. */
export function monthGrid(date: string): string[][] {
  const first = firstOfMonth(date);
  const next = addMonths(first, 1);
  const weeks: string[][] = [];
  for (let monday = mondayOf(first); monday < next; monday = addDays(monday, 7)) {
    weeks.push(Array.from({ length: 7 }, (_, i) => addDays(monday, i)));
  }
  return weeks;
}

/** Today's date in Rome. */
export function todayRome(now = Date.now()): string {
  return romeParts(now).date;
}

/** Minutes of an HH:MM (24:00 allowed, as the end of a day). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Italian national public holidays: the platform's one calendar, shared with the server. */
export { isItalianHoliday } from '../../../platform/calendar/working-days.js';
