/**
 * The working-day calendar for the planner: weekdays (Monday–Friday) that are not Italian public
 * holidays (from the `date-holidays` package, country IT), not the municipality's patron day and
 * not an extra closure.
 *
 * Every date is a calendar day 'YYYY-MM-DD'. Arithmetic is done on day numbers computed with
 * `Date.UTC`, never with local-time `Date` objects, so a range that crosses a daylight-saving
 * change (e.g. the last Sunday of March in Europe/Rome) cannot lose or duplicate a day.
 */
import Holidays from 'date-holidays';
import type { IsoWeekday } from '../planner/planner.types.js';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `s` is a real calendar date 'YYYY-MM-DD'. */
export function isIsoDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const y = +m[1], mo = +m[2], d = +m[3];
  if (mo < 1 || mo > 12 || d < 1) return false;
  return d <= daysInMonth(y, mo);
}

function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Days since 1970-01-01 for a calendar date (timezone-free). */
export function dayNumber(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m || !isIsoDate(date)) throw new RangeError(`Data non valida: '${date}' (atteso AAAA-MM-GG)`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
}

/** Inverse of {@link dayNumber}. */
export function fromDayNumber(n: number): string {
  const d = new Date(n * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const mo = d.getUTCMonth() + 1;
  const da = d.getUTCDate();
  return `${y}-${mo < 10 ? '0' : ''}${mo}-${da < 10 ? '0' : ''}${da}`;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
export function isoWeekday(date: string): IsoWeekday {
  // 1970-01-01 was a Thursday (ISO 4).
  const n = dayNumber(date);
  return ((((n + 3) % 7) + 7) % 7 + 1) as IsoWeekday;
}

/** ISO week key 'YYYY-Www' (the ISO week-numbering year may differ from the calendar year). */
export function isoWeekKey(date: string): string {
  const n = dayNumber(date);
  const wd = isoWeekday(date);
  const thursday = n - wd + 4; // the Thursday of the same ISO week decides the year
  const ty = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const jan1 = Date.UTC(ty, 0, 1) / MS_PER_DAY;
  const week = Math.floor((thursday - jan1) / 7) + 1;
  return `${ty}-W${week < 10 ? '0' : ''}${week}`;
}

/** Month key 'YYYY-MM'. */
export function monthKey(date: string): string {
  return date.slice(0, 7);
}

/** Italian display form 'DD/MM' used in messages. */
export function shortItalianDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}`;
}

const holidayCache = new Map<number, Set<string>>();

/** National public holidays of Italy for a year (from `date-holidays`, type 'public'). */
export function italianPublicHolidays(year: number): Set<string> {
  let set = holidayCache.get(year);
  if (!set) {
    const hd = new Holidays('IT');
    set = new Set(
      hd
        .getHolidays(year)
        .filter((h) => h.type === 'public')
        .map((h) => h.date.slice(0, 10)),
    );
    holidayCache.set(year, set);
  }
  return set;
}

export interface CalendarOptions {
  /** The municipality's patron day, 'MM-DD' (e.g. '06-24' for San Giovanni in Torino). */
  patronDay?: string | null;
  /** Extra closures decided by the body ('YYYY-MM-DD'). */
  closures?: string[];
}

/** Why a day is not a working day, or null if it is one. Italian reason for messages. */
export function nonWorkingReason(date: string, opts: CalendarOptions = {}): string | null {
  const wd = isoWeekday(date);
  if (wd === 6) return 'sabato';
  if (wd === 7) return 'domenica';
  if (italianPublicHolidays(+date.slice(0, 4)).has(date)) return 'festività nazionale';
  if (opts.patronDay && date.slice(5) === opts.patronDay) return 'festa del santo patrono';
  if (opts.closures?.includes(date)) return 'chiusura dell’ente';
  return null;
}

/**
 * The working days from `from` to `to` inclusive, ascending.
 * @throws RangeError on malformed dates, an inverted range, a bad patron day or a range over 3 years.
 */
export function workingDays(from: string, to: string, opts: CalendarOptions = {}): string[] {
  const a = dayNumber(from);
  const b = dayNumber(to);
  if (b < a) throw new RangeError(`Intervallo non valido: ${from} è successivo a ${to}`);
  if (b - a > 366 * 3) throw new RangeError('Intervallo troppo lungo (massimo 3 anni)');
  if (opts.patronDay != null && !/^\d{2}-\d{2}$/.test(opts.patronDay)) {
    throw new RangeError(`Festa patronale non valida: '${opts.patronDay}' (atteso MM-GG)`);
  }
  for (const c of opts.closures ?? []) dayNumber(c);
  const closures = new Set(opts.closures ?? []);
  const out: string[] = [];
  for (let n = a; n <= b; n++) {
    const date = fromDayNumber(n);
    const wd = ((n + 3) % 7) + 1;
    if (wd >= 6) continue;
    if (italianPublicHolidays(+date.slice(0, 4)).has(date)) continue;
    if (opts.patronDay && date.slice(5) === opts.patronDay) continue;
    if (closures.has(date)) continue;
    out.push(date);
  }
  return out;
}
