/** Calendar days 'YYYY-MM-DD' for the planner's pages: months, Rome's today, labels in the user's language. */
import { addMonthsToMonth, monthEnd } from '../../../../platform/calendar/rome.js';

/** The day, weekday and month arithmetic come from the platform's one calendar (shared with the server). */
export { isoWeekday, monthOf } from '../../../../platform/calendar/rome.js';

export { romeToday } from '../../../components/today';

/** The first and last day of a month 'YYYY-MM'. */
export function monthRange(month: string): { from: string; to: string } {
  return { from: `${month}-01`, to: monthEnd(`${month}-01`) };
}

/** The month n months after 'YYYY-MM'. */
export function shiftMonth(month: string, n: number): string {
  return addMonthsToMonth(month, n);
}

const utc = (day: string) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, 12));
};

/** "marzo 2027" / "March 2027". */
export function monthLabel(month: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(utc(`${month}-01`));
}

/** "lunedì 3 marzo" / "Monday 3 March". */
export function dayLabel(day: string, lang: 'it' | 'en'): string {
  return new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(utc(day));
}

/** "lun 3" / "Mon 3". */
export function shortDayLabel(day: string, lang: 'it' | 'en'): { weekday: string; day: string } {
  return {
    weekday: new Intl.DateTimeFormat(lang === 'it' ? 'it-IT' : 'en-GB', { weekday: 'short', timeZone: 'UTC' }).format(utc(day)),
    day: String(Number(day.slice(8, 10))),
  };
}
