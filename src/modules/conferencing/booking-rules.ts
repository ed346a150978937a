/**
 * The calendar rules of a booking, as pure functions: range, connections, minimum notice,
 * horizon, maximum duration, opening hours and Italian public holidays. Calendar dates and
 * local times are those of Europe/Rome, computed with Intl so daylight-saving days are right.
 * Times are epoch milliseconds; the range is half-open [start, end).
 */
import Holidays from 'date-holidays';
import type { AppError } from '../../platform/http/errors.js';
import { conferencingErrors as E } from './conferencing.errors.js';

export const TIME_ZONE = 'Europe/Rome';

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

export interface RomeParts {
  /** YYYY-MM-DD */
  date: string;
  /** 1 Monday … 7 Sunday */
  weekday: number;
  /** minutes since local midnight */
  minutes: number;
}

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const QUARTER_MS = 900_000;
const DAY_MS = 86_400_000;
/** Rome's offset from UTC (ms) per UTC quarter hour seen: the zone changes offset only at whole quarter hours (at 01:00 UTC since 1980). */
const offsetByQuarter = new Map<number, number>();
/** YYYY-MM-DD per day number (days since 1970-01-01). */
const dateByDay = new Map<number, string>();

/** Rome's offset from UTC in ms at an instant, from the time-zone database (Intl), looked up once per quarter hour. */
export function romeOffsetMs(ms: number): number {
  const q = Math.floor(ms / QUARTER_MS);
  let offset = offsetByQuarter.get(q);
  if (offset === undefined) {
    const at = q * QUARTER_MS;
    const p: Record<string, string> = {};
    for (const part of fmt.formatToParts(new Date(at))) p[part.type] = part.value;
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second)) - at;
    if (offsetByQuarter.size >= 100_000) offsetByQuarter.clear();
    offsetByQuarter.set(q, offset);
  }
  return offset;
}

/** The Europe/Rome calendar date, weekday and local minute (seconds as a fraction) of an instant. */
export function romeParts(ms: number): RomeParts {
  const local = ms + romeOffsetMs(ms);
  const day = Math.floor(local / DAY_MS);
  let date = dateByDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 10);
    if (dateByDay.size >= 100_000) dateByDay.clear();
    dateByDay.set(day, date);
  }
  const seconds = Math.floor((local - day * DAY_MS) / 1000);
  return {
    date,
    // 1970-01-01 was a Thursday (4)
    weekday: ((((day + 3) % 7) + 7) % 7) + 1,
    minutes: Math.floor(seconds / 60) + (seconds % 60) / 60,
  };
}

const shiftedDates = new Map<string, string>();

/**
 * A calendar date plus n days (dates as YYYY-MM-DD, no time zone involved). Remembered: the
 * rules of every booking and suggestion ask the same few (today plus the notice, the horizon).
 */
export function addDays(date: string, n: number): string {
  const key = `${date}${n}`;
  let out = shiftedDates.get(key);
  if (out === undefined) {
    const d = new Date(`${date}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + n);
    out = d.toISOString().slice(0, 10);
    if (shiftedDates.size >= 10_000) shiftedDates.clear();
    shiftedDates.set(key, out);
  }
  return out;
}

const holidaysIT = new Holidays('IT');
const holidayCache = new Map<number, Set<string>>();

/** Whether a calendar date (YYYY-MM-DD) is an Italian national public holiday. */
export function isItalianHoliday(date: string): boolean {
  const year = Number(date.slice(0, 4));
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(holidaysIT.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)));
    holidayCache.set(year, set);
  }
  return set.has(date);
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
