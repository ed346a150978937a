/** Calendar days 'YYYY-MM-DD' for the planner's pages: months, Rome's today, labels in the user's language. */
const rome = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' });

export function romeToday(now = Date.now()): string {
  return rome.format(new Date(now));
}

/** 'YYYY-MM' of a day. */
export const monthOf = (day: string) => day.slice(0, 7);

export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export function shiftMonth(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** ISO weekday 1 (Monday) … 7 (Sunday). */
export function isoWeekday(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
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
