/**
 * Working days in Italy: Monday to Friday, except the national public holidays, the body's
 * patron day and the body's own closures. Pure, shared by the server and the web.
 *
 * The holidays are the fixed ones of Law 260/1949 and its amendments, Easter Monday, and Saint
 * Francis of Assisi (4 October) from 2026 (Law 151/2025), and the one-off 17 March 2011. Easter Sunday is a holiday too, but
 * always a Sunday. `working-days.test.ts` checks them against the `date-holidays` package.
 */
import { addDays, dateRange, dayNumber, isIsoDate, isoWeekday } from './rome.js';

export type DayOffReason = 'saturday' | 'sunday' | 'holiday' | 'patron_day' | 'closure';

/** What each reason says to a person, in Italian and English. */
export const DAY_OFF_LABELS: Record<DayOffReason, { it: string; en: string }> = {
  saturday: { it: 'sabato', en: 'Saturday' },
  sunday: { it: 'domenica', en: 'Sunday' },
  holiday: { it: 'festività nazionale', en: 'national public holiday' },
  patron_day: { it: 'festa del santo patrono', en: 'patron saint’s day' },
  closure: { it: 'chiusura dell’ente', en: 'closure of the body' },
};

export interface Holiday {
  date: string;
  it: string;
  en: string;
}

const FIXED: { md: string; it: string; en: string; from?: number }[] = [
  { md: '01-01', it: 'Capodanno', en: 'New Year’s Day' },
  { md: '01-06', it: 'Epifania', en: 'Epiphany' },
  { md: '04-25', it: 'Festa della Liberazione', en: 'Liberation Day' },
  { md: '05-01', it: 'Festa del lavoro', en: 'Labour Day' },
  { md: '06-02', it: 'Festa della Repubblica', en: 'Republic Day' },
  { md: '08-15', it: 'Assunzione di Maria (Ferragosto)', en: 'Assumption Day' },
  { md: '10-04', it: 'San Francesco d’Assisi', en: 'Saint Francis of Assisi', from: 2026 },
  { md: '11-01', it: 'Ognissanti', en: 'All Saints’ Day' },
  { md: '12-08', it: 'Immacolata Concezione', en: 'Immaculate Conception' },
  { md: '12-25', it: 'Natale', en: 'Christmas Day' },
  { md: '12-26', it: 'Santo Stefano', en: 'Saint Stephen’s Day' },
];

/** Holidays of one year only. */
const ONE_OFF: Holiday[] = [{ date: '2011-03-17', it: '150° anniversario dell’Unità d’Italia', en: '150th anniversary of the unification of Italy' }];

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
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const byYear = new Map<number, Map<string, Holiday>>();

/** The national public holidays of a year, by date. */
export function italianHolidays(year: number): Map<string, Holiday> {
  let map = byYear.get(year);
  if (!map) {
    const y = String(year).padStart(4, '0');
    const easter = easterSunday(year);
    const list: Holiday[] = [
      ...FIXED.filter((f) => f.from === undefined || year >= f.from).map((f) => ({ date: `${y}-${f.md}`, it: f.it, en: f.en })),
      { date: easter, it: 'Pasqua', en: 'Easter Sunday' },
      { date: addDays(easter, 1), it: 'Lunedì dell’Angelo', en: 'Easter Monday' },
      ...ONE_OFF.filter((h) => h.date.startsWith(`${y}-`)),
    ].sort((p, q) => (p.date < q.date ? -1 : 1));
    map = new Map(list.map((h) => [h.date, h]));
    if (byYear.size > 400) byYear.clear();
    byYear.set(year, map);
  }
  return map;
}

/** The holiday on a date, or null. */
export function italianHoliday(date: string): Holiday | null {
  return italianHolidays(+date.slice(0, 4)).get(date) ?? null;
}

/** Whether a date is an Italian national public holiday. */
export function isItalianHoliday(date: string): boolean {
  return italianHolidays(+date.slice(0, 4)).has(date);
}

export interface BodyCalendar {
  /** The body's patron day, 'MM-DD' (e.g. '06-24', San Giovanni in Torino), or null. */
  patronDay?: string | null;
  /** The body's own closures ('YYYY-MM-DD'). */
  closures?: ReadonlySet<string> | readonly string[];
}

const PATRON_DAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Whether `s` is a patron day 'MM-DD' that exists in some year (29 February included). */
export function isPatronDay(s: unknown): s is string {
  return typeof s === 'string' && PATRON_DAY.test(s) && isIsoDate(`2028-${s}`);
}

/** Why a date is not a working day for a body, or null when it is one. */
export function dayOffReason(date: string, body: BodyCalendar = {}): DayOffReason | null {
  const wd = isoWeekday(date);
  if (wd === 6) return 'saturday';
  if (wd === 7) return 'sunday';
  if (isItalianHoliday(date)) return 'holiday';
  if (body.patronDay && date.slice(5) === body.patronDay) return 'patron_day';
  const c = body.closures;
  if (c && (c instanceof Set ? c.has(date) : (c as readonly string[]).includes(date))) return 'closure';
  return null;
}

/**
 * The working days of a body from `from` to `to`, both included, ascending.
 * @throws RangeError on a date that does not exist, an inverted range, a range over 3 years or a bad patron day.
 */
export function workingDays(from: string, to: string, body: BodyCalendar = {}): string[] {
  const span = dayNumber(to) - dayNumber(from);
  if (span < 0) throw new RangeError(`Intervallo non valido: ${from} è successivo a ${to}`);
  if (span > 366 * 3) throw new RangeError('Intervallo troppo lungo (massimo 3 anni)');
  if (body.patronDay != null && !isPatronDay(body.patronDay)) throw new RangeError(`Festa patronale non valida: '${body.patronDay}' (atteso MM-GG)`);
  const closures = new Set(body.closures ?? []);
  for (const c of closures) dayNumber(c);
  const calendar = { patronDay: body.patronDay, closures };
  return dateRange(from, to).filter((d) => dayOffReason(d, calendar) === null);
}
