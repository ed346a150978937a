/** Dates, times and ranges in Europe/Rome, in the user's language. */
import { useMemo } from 'react';
import { useI18n } from '../../i18n';
import { addDays, romeParts, TIME_ZONE } from './rome-time';

export interface Formats {
  /** "martedì 12 gennaio 2027" for a calendar date YYYY-MM-DD */
  day(date: string): string;
  /** "mar 12 gen" */
  shortDay(date: string): string;
  /** "gennaio 2027" for a date of that month */
  month(date: string): string;
  /** "gen 2027" for YYYY-MM or a date */
  shortMonth(month: string): string;
  /** "10:00" in Rome */
  time(iso: string | number): string;
  /** "mar 12 gen 2027, 10:00–12:00" (the end's date is repeated only when it differs) */
  range(start: string | number, end: string | number): string;
  number(n: number): string;
  /** hours with at most one decimal */
  hours(n: number): string;
}

export function useFormats(): Formats {
  const { lang } = useI18n();
  return useMemo(() => {
    const locale = lang === 'it' ? 'it-IT' : 'en-GB';
    // calendar dates carry no zone: format them as UTC midnight in UTC
    const dayF = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    const shortDayF = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
    const monthF = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const shortMonthF = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
    const whenF = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: TIME_ZONE });
    const numberF = new Intl.NumberFormat(locale);
    const hoursF = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const utc = (date: string) => new Date(`${date.length === 7 ? `${date}-01` : date}T00:00:00Z`);
    const time = (at: string | number) => romeParts(at).time;
    return {
      day: (d) => dayF.format(utc(d)),
      shortDay: (d) => shortDayF.format(utc(d)),
      month: (d) => monthF.format(utc(d)),
      shortMonth: (m) => shortMonthF.format(utc(m)),
      time,
      range: (start, end) => {
        const a = romeParts(start);
        const b = romeParts(end);
        const first = `${whenF.format(new Date(start))}, ${a.time}`;
        if (a.date === b.date) return `${first}–${b.time}`;
        if (b.time === '00:00' && b.date === addDays(a.date, 1)) return `${first}–24:00`;
        return `${first} – ${whenF.format(new Date(end))}, ${b.time}`;
      },
      number: (n) => numberF.format(n),
      hours: (n) => hoursF.format(n),
    };
  }, [lang]);
}
