/**
 * An iCalendar (RFC 5545) writer, small and dependency-free, for invitations (METHOD:REQUEST /
 * CANCEL, RFC 5546) and published feeds (METHOD:PUBLISH) of any number of events.
 *
 * - Lines end with CRLF and are folded at 75 octets (a continuation line starts with one space);
 *   a fold never splits a UTF-8 sequence.
 * - TEXT values are escaped (backslash, semicolon, comma, new line); parameter values are quoted
 *   when they contain `:;,` and lose characters that RFC 5545 does not allow in them.
 * - Timed events are written in Europe/Rome local time (`DTSTART;TZID=Europe/Rome:…`) with the
 *   matching VTIMEZONE (CET/CEST, EU rules: last Sunday of March and of October). Local time is
 *   computed from the instant with Intl, so daylight-saving days are right. An instant in the
 *   repeated hour of the autumn change (its second occurrence) cannot be written unambiguously as
 *   local time (RFC 5545 3.3.5 reads it as the first one), so it is written in UTC instead.
 * - All-day events use `VALUE=DATE` with an exclusive end date.
 */
import { romeOffsetMs, romeWallClock } from './rome.js';
import { clock } from '../clock.js';

export const CALENDAR_TIME_ZONE = 'Europe/Rome';
export const DEFAULT_PRODUCT_ID = '-//Agile PA//Agile PA//IT';
const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

export type CalendarMethod = 'REQUEST' | 'CANCEL' | 'PUBLISH';
export type EventStatus = 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';

/** An instant (epoch milliseconds or Date), or an all-day calendar date `{ date: 'YYYY-MM-DD' }`. */
export type EventTime = number | Date | { date: string };

export interface CalendarAddress {
  email: string;
  name?: string | null;
}

export interface CalendarAttendee extends CalendarAddress {
  role?: 'CHAIR' | 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT' | 'NON-PARTICIPANT';
  partstat?: 'NEEDS-ACTION' | 'ACCEPTED' | 'DECLINED' | 'TENTATIVE';
  cutype?: 'INDIVIDUAL' | 'GROUP' | 'RESOURCE' | 'ROOM';
  rsvp?: boolean;
}

export interface CalendarEvent {
  /** Stable across updates of the same event (RFC 5545 3.8.4.7). */
  uid: string;
  /** Revision of the event; increase it on every change sent to attendees. Default 0. */
  sequence?: number;
  start: EventTime;
  /** Exclusive; for all-day events the day after the last day. */
  end: EventTime;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  status?: EventStatus;
  organizer?: CalendarAddress | null;
  attendees?: CalendarAttendee[];
  categories?: string[];
  /** OPAQUE (default, busy) or TRANSPARENT (free). */
  transparency?: 'OPAQUE' | 'TRANSPARENT';
  /** When this version was written (default: the calendar's `now`). */
  stamp?: number | Date;
  created?: number | Date;
  lastModified?: number | Date;
}

export interface CalendarInput {
  method?: CalendarMethod;
  productId?: string;
  /** Shown by clients as the feed's name (X-WR-CALNAME). */
  name?: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP of events that give none (default: the current time). */
  now?: number | Date;
}

// ---------------------------------------------------------------- lexical helpers

/** Escapes a TEXT value (RFC 5545 3.3.11). */
export function escapeText(value: string): string {
  return stripControls(value.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

/** Control characters other than new line are not allowed in content lines. */
function stripControls(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, '');
}

/** A parameter value (RFC 5545 3.2): DQUOTE is not allowed at all; quoted when it holds `:;,`. */
export function paramValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  const v = value.replace(/[\u0000-\u001f\u007f"]/g, '');
  return /[:;,]/.test(v) ? `"${v}"` : v;
}

/** A URI value (URL, mailto): no escaping, but no line breaks or controls either. */
function uriValue(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u001f\u007f]/g, '');
}

/**
 * Folds one content line so that no line exceeds 75 octets (without its CRLF), never splitting a
 * UTF-8 sequence or a surrogate pair; continuation lines start with one space (RFC 5545 3.1).
 */
export function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= MAX_LINE_OCTETS) return line;
  const out: string[] = [];
  let current = '';
  let octets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const ch of line) {
    const n = Buffer.byteLength(ch, 'utf8');
    if (octets + n > limit) {
      out.push(current);
      current = ' ';
      octets = 1;
      limit = MAX_LINE_OCTETS;
    }
    current += ch;
    octets += n;
  }
  out.push(current);
  return out.join(CRLF);
}

// ---------------------------------------------------------------- time

function ms(t: number | Date): number {
  const v = t instanceof Date ? t.getTime() : t;
  if (!Number.isFinite(v)) throw new Error(`Istante non valido nel calendario: ${String(t)}`);
  return v;
}

/** The Europe/Rome wall-clock time of an instant as YYYYMMDDTHHMMSS. */
export function romeLocal(t: number | Date): string {
  const w = romeWallClock(ms(t));
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(w.year).padStart(4, '0')}${two(w.month)}${two(w.day)}T${two(w.hour)}${two(w.minute)}${two(w.second)}`;
}

/** An instant in UTC as YYYYMMDDTHHMMSSZ. */
export function utcStamp(t: number | Date): string {
  return new Date(ms(t)).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isAllDay(t: EventTime): t is { date: string } {
  return typeof t === 'object' && !(t instanceof Date);
}

function dateValue(date: string): string {
  const m = DATE_RE.exec(date);
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.toISOString().slice(0, 10) !== date) throw new Error(`Data non valida nel calendario: ${date}`);
  return `${m[1]}${m[2]}${m[3]}`;
}

/** DTSTART / DTEND: local Rome time with TZID, UTC for the second occurrence of a repeated hour, or a date. */
function timeProperty(name: 'DTSTART' | 'DTEND', t: EventTime): string {
  if (isAllDay(t)) return `${name};VALUE=DATE:${dateValue(t.date)}`;
  const v = ms(t);
  // Repeated hour: an hour earlier the offset was one hour larger, so the wall clock showed the same time.
  if (romeOffsetMs(v - 3_600_000) === romeOffsetMs(v) + 3_600_000) return `${name}:${utcStamp(v)}`;
  return `${name};TZID=${CALENDAR_TIME_ZONE}:${romeLocal(v)}`;
}

/** Europe/Rome since 1996: CEST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC. */
export const VTIMEZONE_EUROPE_ROME = [
  'BEGIN:VTIMEZONE',
  `TZID:${CALENDAR_TIME_ZONE}`,
  `X-LIC-LOCATION:${CALENDAR_TIME_ZONE}`,
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'TZNAME:CEST',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'TZNAME:CET',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
] as const;

// ---------------------------------------------------------------- writer

function address(prop: 'ORGANIZER' | 'ATTENDEE', a: CalendarAddress, params: string[] = []): string {
  const email = uriValue(a.email.trim());
  if (!email || /\s/.test(email)) throw new Error(`Indirizzo non valido nel calendario: ${a.email}`);
  const cn = a.name?.trim() ? [`CN=${paramValue(a.name.trim())}`] : [];
  return [prop, ...cn, ...params].join(';') + `:mailto:${email}`;
}

function eventLines(e: CalendarEvent, now: number): string[] {
  if (!e.uid.trim()) throw new Error('UID vuoto nel calendario');
  const allDay = isAllDay(e.start);
  if (allDay !== isAllDay(e.end)) throw new Error(`Inizio e fine dell’evento ${e.uid} devono essere entrambi date o entrambi istanti`);
  const startKey = allDay ? dateValue((e.start as { date: string }).date) : String(ms(e.start as number | Date));
  const endKey = allDay ? dateValue((e.end as { date: string }).date) : String(ms(e.end as number | Date));
  if (allDay ? endKey <= startKey : Number(endKey) <= Number(startKey)) throw new Error(`La fine dell’evento ${e.uid} deve seguire l’inizio`);
  const sequence = e.sequence ?? 0;
  if (!Number.isInteger(sequence) || sequence < 0) throw new Error(`SEQUENCE non valida: ${sequence}`);
  const lines = [
    'BEGIN:VEVENT',
    `UID:${escapeText(e.uid)}`,
    `DTSTAMP:${utcStamp(e.stamp ?? now)}`,
    timeProperty('DTSTART', e.start),
    timeProperty('DTEND', e.end),
    `SEQUENCE:${sequence}`,
    `SUMMARY:${escapeText(e.summary)}`,
  ];
  if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
  if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
  if (e.url) lines.push(`URL:${uriValue(e.url)}`);
  if (e.status) lines.push(`STATUS:${e.status}`);
  if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
  if (e.transparency) lines.push(`TRANSP:${e.transparency}`);
  if (e.organizer) lines.push(address('ORGANIZER', e.organizer));
  for (const a of e.attendees ?? []) {
    const params = [
      ...(a.cutype ? [`CUTYPE=${a.cutype}`] : []),
      `ROLE=${a.role ?? 'REQ-PARTICIPANT'}`,
      `PARTSTAT=${a.partstat ?? 'NEEDS-ACTION'}`,
      `RSVP=${a.rsvp ? 'TRUE' : 'FALSE'}`,
    ];
    lines.push(address('ATTENDEE', a, params));
  }
  if (e.created !== undefined) lines.push(`CREATED:${utcStamp(e.created)}`);
  if (e.lastModified !== undefined) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
  lines.push('END:VEVENT');
  return lines;
}

/** The whole calendar as text: CRLF line ends, folded lines, one VTIMEZONE when any event is timed. */
export function writeCalendar(cal: CalendarInput): string {
  const now = ms(cal.now ?? clock.now());
  const lines: string[] = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${escapeText(cal.productId ?? DEFAULT_PRODUCT_ID)}`, 'CALSCALE:GREGORIAN'];
  if (cal.method) lines.push(`METHOD:${cal.method}`);
  if (cal.name) lines.push(`X-WR-CALNAME:${escapeText(cal.name)}`);
  const timed = cal.events.some((e) => !isAllDay(e.start) || !isAllDay(e.end));
  if (timed) {
    lines.push(`X-WR-TIMEZONE:${CALENDAR_TIME_ZONE}`);
    lines.push(...VTIMEZONE_EUROPE_ROME);
  }
  for (const e of cal.events) lines.push(...eventLines(e, now));
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join(CRLF) + CRLF;
}
