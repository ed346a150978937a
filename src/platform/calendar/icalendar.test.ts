import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, paramValue, romeLocal, writeCalendar, type CalendarEvent } from './icalendar.js';

const CRLF = '\r\n';

/** Unfolds (RFC 5545 3.1) and returns the logical lines. */
function unfold(ics: string): string[] {
  return ics.replace(/\r\n[ \t]/g, '').split(CRLF).filter((l) => l !== '');
}

function unescapeText(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The values of a property inside the VEVENTs (not the VTIMEZONE's). */
function prop(lines: string[], name: string): string[] {
  let inEvent = false;
  return lines.filter((l) => {
    if (l === 'BEGIN:VEVENT') inEvent = true;
    if (l === 'END:VEVENT') inEvent = false;
    return inEvent && (l.startsWith(`${name}:`) || l.startsWith(`${name};`));
  });
}

/**
 * An independent reading of DTSTART/DTEND: local times are resolved with the VTIMEZONE's EU rule
 * (CEST from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC), written
 * here from the rule, not with Intl; an ambiguous local time means its first occurrence (RFC 5545).
 */
function lastSundayUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month, 0)); // last day of the month
  return Date.UTC(year, month - 1, last.getUTCDate() - last.getUTCDay(), 1);
}
function resolve(value: string): number {
  const m = /^(?:DTSTART|DTEND)(;TZID=Europe\/Rome)?:(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/.exec(value);
  if (!m) throw new Error(`not a date-time: ${value}`);
  const wall = Date.UTC(+m[2], +m[3] - 1, +m[4], +m[5], +m[6], +m[7]);
  if (m[8] === 'Z') return wall;
  expect(m[1]).toBe(';TZID=Europe/Rome');
  const y = +m[2];
  const summer = (t: number) => t >= lastSundayUtc(y, 3) && t < lastSundayUtc(y, 10);
  const asSummer = wall - 2 * 3600_000;
  if (summer(asSummer)) return asSummer; // first occurrence preferred
  const asWinter = wall - 3600_000;
  expect(summer(asWinter), `${value} must exist`).toBe(false);
  return asWinter;
}

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: 'booking-1@agilepa',
  start: Date.parse('2027-01-12T09:00:00+01:00'),
  end: Date.parse('2027-01-12T11:00:00+01:00'),
  summary: 'Consiglio comunale',
  ...over,
});

describe('iCalendar writer', () => {
  it('writes a REQUEST with CRLF lines, the Rome VTIMEZONE and local DTSTART/DTEND', () => {
    const ics = writeCalendar({
      method: 'REQUEST',
      now: Date.parse('2026-12-01T08:00:00Z'),
      events: [
        event({
          sequence: 2,
          status: 'CONFIRMED',
          location: 'Piattaforma ANCI',
          url: 'https://meet.example.it/consiglio-aglie',
          organizer: { name: 'Agile PA', email: 'noreply@agilepa.example' },
          attendees: [{ name: 'Rossi, Maria', email: 'maria.rossi@example.it', role: 'CHAIR', partstat: 'ACCEPTED' }],
        }),
      ],
    });
    expect(ics.endsWith(CRLF)).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/); // no bare CR or LF
    const lines = unfold(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    expect(lines).toContain('VERSION:2.0');
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines.filter((l) => l.startsWith('PRODID:'))).toEqual(['PRODID:-//Agile PA//Agile PA//IT']);
    // the time zone, with the EU rules
    const tz = lines.slice(lines.indexOf('BEGIN:VTIMEZONE'), lines.indexOf('END:VTIMEZONE') + 1);
    expect(tz).toContain('TZID:Europe/Rome');
    expect(tz).toContain('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU');
    expect(tz).toContain('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU');
    expect(tz.join('\n')).toMatch(/BEGIN:DAYLIGHT\nTZOFFSETFROM:\+0100\nTZOFFSETTO:\+0200/);
    expect(tz.join('\n')).toMatch(/BEGIN:STANDARD\nTZOFFSETFROM:\+0200\nTZOFFSETTO:\+0100/);
    // the DTSTARTs of the rules are the last Sundays of March and October 1970
    expect(new Date(Date.UTC(1970, 2, 29)).getUTCDay()).toBe(0);
    expect(new Date(Date.UTC(1970, 9, 25)).getUTCDay()).toBe(0);
    expect(lines).toContain('DTSTART;TZID=Europe/Rome:20270112T090000');
    expect(lines).toContain('DTEND;TZID=Europe/Rome:20270112T110000');
    expect(lines).toContain('DTSTAMP:20261201T080000Z');
    expect(lines).toContain('UID:booking-1@agilepa');
    expect(lines).toContain('SEQUENCE:2');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('URL:https://meet.example.it/consiglio-aglie');
    expect(lines).toContain('LOCATION:Piattaforma ANCI');
    expect(lines).toContain('ORGANIZER;CN=Agile PA:mailto:noreply@agilepa.example');
    expect(lines).toContain('ATTENDEE;CN="Rossi, Maria";ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:maria.rossi@example.it');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
  });

  it('computes local times across the daylight-saving changes (spring gap and autumn repeated hour)', () => {
    // 28 March 2027: 00:30 CET → 04:00 CEST is 2.5 real hours
    const spring = event({ start: Date.parse('2027-03-28T00:30:00+01:00'), end: Date.parse('2027-03-28T04:00:00+02:00') });
    expect(((spring.end as number) - (spring.start as number)) / 3600_000).toBe(2.5);
    // 31 October 2027: 01:30 CEST → 02:30 CET (the second 02:30) is 2 real hours
    const autumn = event({ uid: 'autumn@agilepa', start: Date.parse('2027-10-31T01:30:00+02:00'), end: Date.parse('2027-10-31T02:30:00+01:00') });
    const ics = writeCalendar({ method: 'PUBLISH', events: [spring, autumn] });
    const lines = unfold(ics);
    expect(prop(lines, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Rome:20270328T003000', 'DTSTART;TZID=Europe/Rome:20271031T013000']);
    // the second 02:30 cannot be written as local time (it would mean the first): UTC instead
    expect(prop(lines, 'DTEND')).toEqual(['DTEND;TZID=Europe/Rome:20270328T040000', 'DTEND:20271031T013000Z']);
    for (const [i, e] of [spring, autumn].entries()) {
      expect(resolve(prop(lines, 'DTSTART')[i])).toBe(e.start);
      expect(resolve(prop(lines, 'DTEND')[i])).toBe(e.end);
    }
    // the first 02:30 of that night stays local
    const first = writeCalendar({ events: [event({ start: Date.parse('2027-10-31T02:30:00+02:00'), end: Date.parse('2027-10-31T03:30:00+01:00') })] });
    expect(prop(unfold(first), 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Rome:20271031T023000']);
    expect(prop(unfold(first), 'DTEND')).toEqual(['DTEND;TZID=Europe/Rome:20271031T033000']);
  });

  it('round-trips every quarter hour of two years through the VTIMEZONE rules', () => {
    const events: CalendarEvent[] = [];
    for (let t = Date.parse('2026-01-01T00:00:00Z'), i = 0; t < Date.parse('2028-01-01T00:00:00Z'); t += 15 * 60_000 * 97, i++) {
      events.push(event({ uid: `e${i}`, start: t, end: t + 45 * 60_000 }));
    }
    // and the edges of the changes, minute by minute
    for (const edge of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z']) {
      for (let d = -90; d <= 90; d += 1) {
        const t = Date.parse(edge) + d * 60_000;
        events.push(event({ uid: `edge-${t}`, start: t, end: t + 60_000 }));
      }
    }
    const lines = unfold(writeCalendar({ events }));
    const starts = prop(lines, 'DTSTART');
    const ends = prop(lines, 'DTEND');
    expect(starts).toHaveLength(events.length);
    events.forEach((e, i) => {
      expect(resolve(starts[i]), starts[i]).toBe(e.start);
      expect(resolve(ends[i]), ends[i]).toBe(e.end);
    });
  });

  it('folds long Italian text at 75 octets without splitting accented letters, and escapes TEXT', () => {
    const description =
      'Seduta del Consiglio comunale di Agliè: approvazione del bilancio di previsione, variazioni; perché è urgente, la città ' +
      'è convocata in modalità mista.\nOrdine del giorno: 1) comunicazioni del Sindaco; 2) interrogazioni \\ mozioni; ' +
      '3) piano integrato di attività e organizzazione (PIAO) — sezione lavoro agile, più “fasce di contattabilità” e diritto alla disconnessione. ' +
      'Emoji di prova: 🇮🇹🏛️ àèéìòù ÀÈÉÌÒÙ';
    const ics = writeCalendar({ events: [event({ summary: 'Perché sì; e poi, ecco', description })] });
    const bytes = Buffer.from(ics, 'utf8');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let folded = 0;
    let from = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) {
        const line = bytes.subarray(from, i);
        expect(line.length).toBeLessThanOrEqual(75);
        expect(() => decoder.decode(line), 'each physical line is whole UTF-8').not.toThrow();
        if (line[0] === 0x20) folded++;
        from = i + 2;
      }
    }
    expect(from).toBe(bytes.length);
    expect(folded).toBeGreaterThan(5);
    const lines = unfold(ics);
    const d = prop(lines, 'DESCRIPTION')[0].slice('DESCRIPTION:'.length);
    expect(d).not.toMatch(/(^|[^\\]),/); // commas escaped
    expect(unescapeText(d)).toBe(description);
    expect(prop(lines, 'SUMMARY')).toEqual(['SUMMARY:Perché sì\\; e poi\\, ecco']);
  });

  it('folds exactly at the limit and keeps short lines whole', () => {
    const a75 = 'X'.repeat(75);
    expect(foldLine(a75)).toBe(a75);
    expect(foldLine('X'.repeat(76))).toBe(`${a75}\r\n X`);
    // 74 ASCII + a 2-octet letter does not fit in 75: the letter moves to the next line
    expect(foldLine(`${'X'.repeat(74)}è`)).toBe(`${'X'.repeat(74)}\r\n è`);
    expect(foldLine(`${'X'.repeat(73)}è`)).toBe(`${'X'.repeat(73)}è`);
    const long = 'à'.repeat(200);
    const physical = foldLine(long).split(CRLF);
    for (const p of physical) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(75);
    expect(physical.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(long);
  });

  it('escapes text and parameter values', () => {
    expect(escapeText('a\\b;c,d\r\ne\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
    expect(escapeText('tab\there\u0000')).toBe('tabhere');
    expect(paramValue('Rossi, Maria')).toBe('"Rossi, Maria"');
    expect(paramValue('Comune "di" Agliè')).toBe('Comune di Agliè');
    expect(paramValue('Ufficio: URP')).toBe('"Ufficio: URP"');
    const ics = writeCalendar({ events: [event({ attendees: [{ name: 'Evil\r\nATTENDEE:mailto:x@y', email: 'a@b.it\r\nX:1' }] })] });
    const lines = unfold(ics);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X:1'))).toBe(false);
  });

  it('writes a feed of many all-day and timed events (PUBLISH), without VTIMEZONE when all are all-day', () => {
    const days: CalendarEvent[] = Array.from({ length: 300 }, (_, i) => {
      const d = new Date(Date.UTC(2027, 0, 1 + i)).toISOString().slice(0, 10);
      const next = new Date(Date.UTC(2027, 0, 2 + i)).toISOString().slice(0, 10);
      return { uid: `day-${i}@agilepa`, start: { date: d }, end: { date: next }, summary: `Lavoro agile ${d}`, transparency: 'TRANSPARENT', categories: ['Lavoro agile'] };
    });
    const feed = writeCalendar({ method: 'PUBLISH', name: 'Giornate di lavoro agile', events: days });
    const lines = unfold(feed);
    expect(lines).toContain('METHOD:PUBLISH');
    expect(lines).toContain('X-WR-CALNAME:Giornate di lavoro agile');
    expect(lines).not.toContain('BEGIN:VTIMEZONE');
    expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(300);
    expect(lines).toContain('DTSTART;VALUE=DATE:20270101');
    expect(lines).toContain('DTEND;VALUE=DATE:20270102');
    expect(lines).toContain('TRANSP:TRANSPARENT');
    expect(new Set(prop(lines, 'UID')).size).toBe(300);
    const mixed = unfold(writeCalendar({ method: 'PUBLISH', events: [...days.slice(0, 2), event()] }));
    expect(mixed.filter((l) => l === 'BEGIN:VTIMEZONE')).toHaveLength(1);
  });

  it('writes CANCEL with STATUS:CANCELLED and refuses malformed events', () => {
    const lines = unfold(writeCalendar({ method: 'CANCEL', events: [event({ sequence: 3, status: 'CANCELLED' })] }));
    expect(lines).toContain('METHOD:CANCEL');
    expect(lines).toContain('STATUS:CANCELLED');
    expect(lines).toContain('SEQUENCE:3');
    expect(() => writeCalendar({ events: [event({ end: Date.parse('2027-01-12T09:00:00+01:00') })] })).toThrow(/fine/);
    expect(() => writeCalendar({ events: [event({ start: { date: '2027-02-30' }, end: { date: '2027-03-01' } })] })).toThrow(/Data non valida/);
    expect(() => writeCalendar({ events: [event({ start: { date: '2027-02-01' } })] })).toThrow(/entrambi/);
    expect(() => writeCalendar({ events: [event({ uid: ' ' })] })).toThrow(/UID/);
    expect(() => writeCalendar({ events: [event({ sequence: -1 })] })).toThrow(/SEQUENCE/);
    expect(() => writeCalendar({ events: [event({ start: Number.NaN })] })).toThrow(/Istante/);
  });

  it('gives the Rome wall clock of instants', () => {
    expect(romeLocal(Date.parse('2027-07-01T10:00:00Z'))).toBe('20270701T120000');
    expect(romeLocal(Date.parse('2027-01-01T10:00:00Z'))).toBe('20270101T110000');
  });
});
