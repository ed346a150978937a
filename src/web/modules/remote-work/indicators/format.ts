/** Numbers, shares and months as people read them, in the page's language. */
import type { Lang } from '../../../i18n';

const locale = (lang: Lang) => (lang === 'it' ? 'it-IT' : 'en-GB');

export function fmtNumber(n: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang)).format(n);
}

/** "42,5%"; a dash when there is no share (no staff, nothing planned). */
export function fmtPercent(n: number | null, lang: Lang): string {
  if (n === null) return '–';
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: 1 }).format(n)}%`;
}

/** 'YYYY-MM' → "novembre 2026" / "November 2026". */
export function fmtMonth(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** 'YYYY-MM' → "nov 26" (chart labels). */
export function fmtMonthShort(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(locale(lang), { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
}

/** 'YYYY-MM-DD' → "lun 2" / "Mon 2". */
export function fmtDayShort(day: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { weekday: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}

export function fmtTime(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'short', timeStyle: 'short', timeZone: 'Europe/Rome' }).format(new Date(iso));
}

/** The current month in Rome ('YYYY-MM'). */
export function romeMonth(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit' }).format(now).slice(0, 7);
}

export function shiftMonth(month: string, k: number): string {
  const [y, m] = month.split('-').map(Number);
  const i = y * 12 + m - 1 + k;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
}

/** The months a user can pick: two years back, two months ahead, newest first. */
export function monthChoices(now: string): string[] {
  return Array.from({ length: 27 }, (_, i) => shiftMonth(now, 2 - i));
}

export const isMonth = (s: string | null): s is string => !!s && /^\d{4}-(0[1-9]|1[0-2])$/.test(s);
