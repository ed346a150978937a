/** Test support of the conferencing module: Rome-local instants and far-enough working days. */
import { addDays, romeParts } from '../../platform/calendar/rome.js';
import { isItalianHoliday } from '../../platform/calendar/working-days.js';

/** The instant of a Europe/Rome local date and time ('2027-03-28', '08:00'), as ISO with offset. */
export function rome(date: string, hhmm: string): string {
  for (const offset of ['+01:00', '+02:00']) {
    const iso = `${date}T${hhmm}:00${offset}`;
    const p = romeParts(Date.parse(iso));
    const [h, m] = hhmm.split(':').map(Number);
    if (p.date === date && p.minutes === h * 60 + m) return iso;
  }
  throw new Error(`${date} ${hhmm} does not exist in Europe/Rome`);
}

/** A Rome calendar date at least `days` after today that is a weekday and not a public holiday. */
export function workingDayAfter(days: number, now = Date.now()): string {
  let d = addDays(romeParts(now).date, days);
  while (isItalianHoliday(d) || romeParts(Date.parse(rome(d, '12:00'))).weekday > 5) d = addDays(d, 1);
  return d;
}
