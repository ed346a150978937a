/**
 * The calendar rules of a booking, as pure functions: range, connections, minimum notice,
 * horizon, maximum duration, opening hours and Italian public holidays. Calendar dates and
 * local times are those of Europe/Rome (platform/calendar), so daylight-saving days are right.
 * Times are epoch milliseconds; the range is half-open [start, end).
 */
import type { AppError } from '../../../platform/http/errors.js';
import { addDays, romeParts } from '../../../platform/calendar/rome.js';
import { isItalianHoliday } from '../../../platform/calendar/working-days.js';
import { conferencingErrors as E } from '../conferencing.errors.js';

/** Windows of local time per ISO weekday ("1" Monday … "7" Sunday): [["08:00","20:00"]]. */
export type OpeningHours = Record<string, [string, string][]>;

export interface BookingRules {
  capacity: number;
  minNoticeDays: number;
  maxHorizonDays: number;
  maxDurationMinutes: number;
  openingHours: OpeningHours;
  openOnHolidays: boolean;
}

function toMinutes(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

const HHMM = /^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$/;

/** Problems of an opening-hours object (empty: valid). */
export function openingHoursProblems(hours: OpeningHours): string[] {
  const problems: string[] = [];
  for (const [day, windows] of Object.entries(hours)) {
    if (!/^[1-7]$/.test(day)) problems.push(`giorno ${day} non valido (1 lunedì … 7 domenica)`);
    for (const w of windows ?? []) {
      if (!HHMM.test(w[0]) || !HHMM.test(w[1]) || toMinutes(w[0]) >= toMinutes(w[1])) problems.push(`fascia ${w[0]}-${w[1]} non valida`);
    }
  }
  return problems;
}

/** Whether the whole [start, end) lies inside one opening window of its Rome-local day. */
export function withinOpeningHours(hours: OpeningHours, start: number, end: number): boolean {
  const s = romeParts(start);
  const e = romeParts(end);
  let endMinutes: number;
  if (e.date === s.date) endMinutes = e.minutes;
  else if (e.date === addDays(s.date, 1) && e.minutes === 0) endMinutes = 24 * 60;
  else return false;
  return (hours[String(s.weekday)] ?? []).some(([a, b]) => toMinutes(a) <= s.minutes && endMinutes <= toMinutes(b));
}

/**
 * The first rule a booking breaks, as the error to throw, or null when it respects them all.
 * `now` is the current instant (the minimum notice and the horizon count from its Rome date).
 */
export function bookingViolation(rules: BookingRules, start: number, end: number, connections: number, now: number): AppError | null {
  if (!(end > start)) return E.invalidRange('La fine deve essere successiva all’inizio.');
  if (!Number.isInteger(connections) || connections <= 0) return E.connectionsInvalid('I collegamenti previsti devono essere almeno 1.');
  if (connections > rules.capacity) {
    return E.connectionsInvalid(`La piattaforma regge al massimo ${rules.capacity} collegamenti contemporanei; ne hai chiesti ${connections}.`);
  }
  // whatever the notice (0 days included), a booking never starts in the past
  if (start <= now) return E.noticeTooShort('L’inizio è già passato: scegli un orario che deve ancora venire.');
  const today = romeParts(now).date;
  const s = romeParts(start);
  const earliest = addDays(today, rules.minNoticeDays);
  if (s.date < earliest) return E.noticeTooShort(`Il primo giorno prenotabile è il ${earliest} (preavviso di ${rules.minNoticeDays} giorni).`);
  const latest = addDays(today, rules.maxHorizonDays);
  if (s.date > latest) return E.beyondHorizon(`L’ultimo giorno prenotabile è il ${latest}.`);
  if (end - start > rules.maxDurationMinutes * 60_000) return E.tooLong(`La durata massima è di ${rules.maxDurationMinutes} minuti.`);
  if (!withinOpeningHours(rules.openingHours, start, end)) {
    return E.outsideOpeningHours('Inizio e fine devono cadere nella stessa fascia di servizio del giorno (ora italiana).');
  }
  if (!rules.openOnHolidays && isItalianHoliday(s.date)) return E.holiday(`Il ${s.date} è un giorno festivo.`);
  return null;
}
