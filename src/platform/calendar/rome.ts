/**
 * Rome dates and instants: the one module for calendar arithmetic, used by the server and the web.
 * Pure (no I/O, no imports), so the web bundles it as it is.
 *
 * - A calendar date is text 'YYYY-MM-DD' (years 0000–9999); arithmetic on dates is done on day
 *   numbers (days since 1970-01-01) with no time zone involved, so no range can lose or repeat a
 *   day across a daylight-saving change.
 * - An instant is epoch milliseconds. Rome's wall clock comes from the time-zone database
 *   (Intl, Europe/Rome), looked up once per quarter hour: the zone changes its offset only at
 *   whole quarter hours.
 *
 * Working days (holidays, patron days, closures) are in `working-days.ts` beside this file.
 */

export const ROME_TIME_ZONE = 'Europe/Rome';
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const DAY_MS = 86_400_000;
const QUARTER_MS = 900_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

const wallFormat = new Intl.DateTimeFormat('en-US', {
  timeZone: ROME_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  era: 'short',
});

/** Bounded memo: cleared when full (the working set of a process is small). */
function memo<K, V>(limit: number): { get(k: K): V | undefined; set(k: K, v: V): V } {
  const m = new Map<K, V>();
  return {
    get: (k) => m.get(k),
    set: (k, v) => {
      if (m.size >= limit) m.clear();
      m.set(k, v);
      return v;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Calendar dates

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [31, 0, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** True when `s` is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1], mo = +m[2], d = +m[3];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

/** True when `s` is a month 'YYYY-MM'. */
export function isIsoMonth(s: unknown): s is string {
  if (typeof s !== 'string') return false;
  const m = MONTH_RE.exec(s);
  return !!m && +m[2] >= 1 && +m[2] <= 12;
}

/** True when `s` is a wall-clock time 'HH:MM' (00:00–23:59). */
export function isTimeOfDay(s: unknown): s is string {
  return typeof s === 'string' && TIME_RE.test(s);
}

/** Days from 1970-01-01 to a calendar date (negative before). Throws on a date that does not exist. */
export function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`Data non valida: '${date}' (atteso AAAA-MM-GG)`);
  // days from civil (proleptic Gregorian), exact for every year 0000–9999
  let y = +date.slice(0, 4);
  const m = +date.slice(5, 7), d = +date.slice(8, 10);
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day number (inverse of {@link dayNumber}). */
export function fromDayNumber(n: number): string {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

const shifted = memo<string, string>(10_000);

/** A calendar date plus n days (remembered: rules ask the same few, such as today plus the notice). */
export function addDays(date: string, n: number): string {
  const key = `${date}${n}`;
  return shifted.get(key) ?? shifted.set(key, fromDayNumber(dayNumber(date) + n));
}

/** Days from `from` to `to` (0 on the same day, negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** Every calendar date from `from` to `to`, both included (empty when `to` comes first). */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  const end = dayNumber(to);
  for (let n = dayNumber(from); n <= end; n++) out.push(fromDayNumber(n));
  return out;
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(date: string): IsoWeekday {
  // 1970-01-01 was a Thursday (4)
  return ((((dayNumber(date) + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** The Monday of the ISO week of a date. */
export function weekStart(date: string): string {
  return addDays(date, 1 - isoWeekday(date));
}

/** The Sunday of the ISO week of a date. */
export function weekEnd(date: string): string {
  return addDays(date, 7 - isoWeekday(date));
}

/** The ISO week of a date as 'YYYY-Www' (its year is the year of the week's Thursday). */
export function isoWeekKey(date: string): string {
  const thursday = fromDayNumber(dayNumber(date) - isoWeekday(date) + 4);
  const week = Math.floor(daysBetween(`${thursday.slice(0, 4)}-01-01`, thursday) / 7) + 1;
  return `${thursday.slice(0, 4)}-W${pad(week)}`;
}

/** The month of a date, 'YYYY-MM'. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** The first day of the month of a date. */
export function monthStart(date: string): string {
  return `${date.slice(0, 7)}-01`;
}

/** The last day of the month of a date. */
export function monthEnd(date: string): string {
  const y = +date.slice(0, 4), m = +date.slice(5, 7);
  return `${date.slice(0, 7)}-${pad(daysInMonth(y, m))}`;
}

/** A month 'YYYY-MM' plus k months. */
export function addMonthsToMonth(month: string, k: number): string {
  if (!isIsoMonth(month)) throw new RangeError(`Mese non valido: '${month}' (atteso AAAA-MM)`);
  const index = +month.slice(0, 4) * 12 + +month.slice(5, 7) - 1 + k;
  const y = Math.floor(index / 12);
  return `${pad(y, 4)}-${pad(index - y * 12 + 1)}`;
}

/** The same day n months later, clamped to the month's end (31 January + 1 month = 28 or 29 February). */
export function addMonths(date: string, n: number): string {
  const month = addMonthsToMonth(date.slice(0, 7), n);
  const d = Math.min(+date.slice(8, 10), daysInMonth(+month.slice(0, 4), +month.slice(5, 7)));
  return `${month}-${pad(d)}`;
}

/** Every month from `from` to `to` ('YYYY-MM'), both included. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = addMonthsToMonth(m, 1)) out.push(m);
  return out;
}

/** Every calendar date of a month 'YYYY-MM'. */
export function daysOfMonth(month: string): string[] {
  return dateRange(`${month}-01`, monthEnd(`${month}-01`));
}

// ---------------------------------------------------------------------------------------------
// Instants and Rome's wall clock

export interface RomeWallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(at: number): RomeWallClock {
  const p: Record<string, string> = {};
  for (const part of wallFormat.formatToParts(new Date(at))) p[part.type] = part.value;
  const year = p.era === 'BC' || p.era === 'B' ? 1 - Number(p.year) : Number(p.year);
  return { year, month: +p.month, day: +p.day, hour: +p.hour, minute: +p.minute, second: +p.second };
}

function utcOfWall(w: RomeWallClock): number {
  return (dayNumber(`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`) * DAY_MS) + ((w.hour * 60 + w.minute) * 60 + w.second) * 1000;
}

const offsets = memo<number, number>(100_000);

/** Rome's offset from UTC at an instant, in milliseconds (3,600,000 in winter, 7,200,000 in summer). */
export function romeOffsetMs(at: number): number {
  if (!Number.isFinite(at)) throw new RangeError(`Istante non valido: ${String(at)}`);
  const q = Math.floor(at / QUARTER_MS);
  const known = offsets.get(q);
  if (known !== undefined) return known;
  const start = q * QUARTER_MS;
  return offsets.set(q, utcOfWall(wallOf(start)) - start);
}

/** Rome's wall clock at an instant. */
export function romeWallClock(at: number): RomeWallClock {
  const local = at + romeOffsetMs(at);
  const day = Math.floor(local / DAY_MS);
  const date = fromDayNumber(day);
  const s = Math.floor((local - day * DAY_MS) / 1000);
  return { year: +date.slice(0, 4), month: +date.slice(5, 7), day: +date.slice(8, 10), hour: Math.floor(s / 3600), minute: Math.floor(s / 60) % 60, second: s % 60 };
}

const dates = memo<number, string>(100_000);

/** The calendar date in Rome at an instant. */
export function romeDate(at: number): string {
  const day = Math.floor((at + romeOffsetMs(at)) / DAY_MS);
  return dates.get(day) ?? dates.set(day, fromDayNumber(day));
}

/** The month in Rome at an instant, 'YYYY-MM'. */
export function romeMonth(at: number): string {
  return romeDate(at).slice(0, 7);
}

/** The wall-clock time in Rome at an instant, 'HH:MM'. */
export function romeTimeOfDay(at: number): string {
  const w = romeWallClock(at);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

export interface RomeParts {
  /** 'YYYY-MM-DD' */
  date: string;
  /** ISO weekday, 1 Monday … 7 Sunday */
  weekday: number;
  /** minutes since local midnight, seconds as a fraction */
  minutes: number;
}

/** The Rome date, weekday and minute of the day (seconds as a fraction) of an instant: the hot path of the booking rules. */
export function romeParts(at: number): RomeParts {
  const local = at + romeOffsetMs(at);
  const day = Math.floor(local / DAY_MS);
  const date = dates.get(day) ?? dates.set(day, fromDayNumber(day));
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  return { date, weekday: ((((day + 3) % 7) + 7) % 7) + 1, minutes: Math.floor(seconds / 60) + (seconds % 60) / 60 };
}

/**
 * The instant at which Rome's wall clock shows `date` at `time` ('HH:MM', or '24:00' for the end
 * of the day). In the hour skipped in spring (02:00–02:59 on the last Sunday of March) there is
 * no such instant: null. In the hour repeated in autumn, the first of the two.
 */
export function romeInstant(date: string, time: string): number | null {
  if (!isIsoDate(date)) return null;
  const endOfDay = time === '24:00';
  if (!endOfDay && !isTimeOfDay(time)) return null;
  if (endOfDay) return romeInstant(addDays(date, 1), '00:00');
  const wall = dayNumber(date) * DAY_MS + (+time.slice(0, 2) * 60 + +time.slice(3, 5)) * 60_000;
  // the earlier offset first (summer, +2 h): in the repeated hour that is the first occurrence
  for (const guess of [wall - 7_200_000, wall - 3_600_000]) {
    if (guess + romeOffsetMs(guess) === wall) return guess;
  }
  return null;
}

/**
 * The first instant of a date in Rome: midnight, or, on the days of 1966–1979 when the clocks
 * moved forward at midnight, the instant at which they jumped to 01:00.
 */
export function romeStartOfDay(date: string): number {
  const midnight = romeInstant(date, '00:00');
  if (midnight !== null) return midnight;
  const wall = dayNumber(date) * DAY_MS;
  // the offset in force just before the jump
  return wall - romeOffsetMs(wall - 7_200_000);
}
