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

/** Easter Sunday of a year (Gregorian computus, Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const FIXED_HOLIDAYS = ['01-01', '01-06', '04-25', '05-01', '06-02', '08-15', '11-01', '12-08', '12-25', '12-26'];

/** Whether a date is an Italian national public holiday (the platform is closed unless it opens on holidays). */
export function isItalianHoliday(date: string): boolean {
  if (FIXED_HOLIDAYS.includes(date.slice(5))) return true;
  // Saint Francis of Assisi, a national holiday again from 2026 (Law 151/2025)
  if (date.slice(5) === '10-04' && Number(date.slice(0, 4)) >= 2026) return true;
  const easter = easterSunday(Number(date.slice(0, 4)));
  return date === easter || date === addDays(easter, 1);
}
