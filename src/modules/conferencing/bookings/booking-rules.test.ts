import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bookingViolation, withinOpeningHours, type BookingRules } from './booking-rules.js';
import { addDays, romeParts } from '../../../platform/calendar/rome.js';
import { isItalianHoliday } from '../../../platform/calendar/working-days.js';

const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));
const rules: BookingRules = {
  capacity: 250,
  minNoticeDays: 1,
  maxHorizonDays: 90,
  maxDurationMinutes: 480,
  openingHours: every([['08:00', '20:00']]),
  openOnHolidays: false,
};
const at = (iso: string) => Date.parse(iso);
const code = (start: string, end: string, n = 10, now = '2026-03-10T10:00:00+01:00', r = rules) =>
  bookingViolation(r, at(start), at(end), n, at(now))?.code ?? null;

describe('booking rules', () => {
  it('refuses an empty or inverted range and bad connection counts', () => {
    expect(code('2026-03-12T10:00:00+01:00', '2026-03-12T10:00:00+01:00')).toBe('booking.invalid_range');
    expect(code('2026-03-12T10:00:00+01:00', '2026-03-12T09:00:00+01:00')).toBe('booking.invalid_range');
    expect(code('2026-03-12T10:00:00+01:00', '2026-03-12T11:00:00+01:00', 0)).toBe('booking.connections_invalid');
    expect(code('2026-03-12T10:00:00+01:00', '2026-03-12T11:00:00+01:00', 251)).toBe('booking.connections_invalid');
    expect(code('2026-03-12T10:00:00+01:00', '2026-03-12T11:00:00+01:00', 250)).toBeNull();
  });

  it('never starts in the past, even with no notice: today later is fine, today earlier is not', () => {
    const sameDay = { ...rules, minNoticeDays: 0 };
    expect(code('2026-03-10T09:00:00+01:00', '2026-03-10T11:00:00+01:00', 10, '2026-03-10T10:00:00+01:00', sameDay)).toBe('booking.notice_too_short');
    expect(code('2026-03-10T10:00:00+01:00', '2026-03-10T11:00:00+01:00', 10, '2026-03-10T10:00:00+01:00', sameDay)).toBe('booking.notice_too_short');
    expect(code('2026-03-10T10:15:00+01:00', '2026-03-10T11:00:00+01:00', 10, '2026-03-10T10:00:00+01:00', sameDay)).toBeNull();
  });

  it('needs one calendar day of notice in Rome: no booking for today, tomorrow at 08:00 is fine', () => {
    expect(code('2026-03-10T18:00:00+01:00', '2026-03-10T19:00:00+01:00')).toBe('booking.notice_too_short');
    // 23:30 UTC on the 10th is already the 11th in Rome: tomorrow for a request made on the 10th
    expect(code('2026-03-11T08:00:00+01:00', '2026-03-11T09:00:00+01:00', 1, '2026-03-10T23:30:00Z')).toBe('booking.notice_too_short');
    expect(code('2026-03-11T08:00:00+01:00', '2026-03-11T09:00:00+01:00', 1, '2026-03-10T22:59:00Z')).toBeNull();
  });

  it('refuses beyond the horizon and over the maximum duration', () => {
    expect(code('2026-06-08T10:00:00+02:00', '2026-06-08T11:00:00+02:00')).toBeNull(); // day 90
    expect(code('2026-06-09T10:00:00+02:00', '2026-06-09T11:00:00+02:00')).toBe('booking.beyond_horizon');
    expect(code('2026-03-12T08:00:00+01:00', '2026-03-12T16:00:00+01:00')).toBeNull();
    expect(code('2026-03-12T08:00:00+01:00', '2026-03-12T16:01:00+01:00')).toBe('booking.too_long');
  });

  it('keeps the whole range inside one opening window of the Rome weekday', () => {
    const r = { ...rules, openingHours: { '4': [['08:00', '12:00'], ['14:00', '18:00']] as [string, string][] } };
    expect(code('2026-03-12T08:00:00+01:00', '2026-03-12T12:00:00+01:00', 1, undefined, r)).toBeNull(); // Thursday
    expect(code('2026-03-12T11:00:00+01:00', '2026-03-12T15:00:00+01:00', 1, undefined, r)).toBe('booking.outside_opening_hours');
    expect(code('2026-03-12T07:59:00+01:00', '2026-03-12T09:00:00+01:00', 1, undefined, r)).toBe('booking.outside_opening_hours');
    expect(code('2026-03-13T08:00:00+01:00', '2026-03-13T09:00:00+01:00', 1, undefined, r)).toBe('booking.outside_opening_hours'); // Friday: closed
    const allDay = every([['00:00', '24:00']]);
    expect(withinOpeningHours(allDay, at('2026-03-12T22:00:00+01:00'), at('2026-03-13T00:00:00+01:00'))).toBe(true);
    expect(withinOpeningHours(allDay, at('2026-03-12T22:00:00+01:00'), at('2026-03-13T00:15:00+01:00'))).toBe(false);
  });

  it('computes Rome local time right on the daylight-saving days (2026-03-29 and 2026-10-25)', () => {
    // 29 March: 02:00 CET becomes 03:00 CEST. 06:00Z is 08:00 local (not 07:00)
    expect(romeParts(at('2026-03-29T06:00:00Z'))).toMatchObject({ date: '2026-03-29', weekday: 7, minutes: 480 });
    expect(romeParts(at('2026-03-29T00:30:00Z')).minutes).toBe(90);
    const sunday = { ...rules, openOnHolidays: true, openingHours: { '7': [['08:00', '20:00']] as [string, string][] } };
    const now = '2026-03-20T10:00:00+01:00';
    expect(code('2026-03-29T06:00:00Z', '2026-03-29T08:00:00Z', 1, now, sunday)).toBeNull();
    expect(code('2026-03-29T06:59:00+01:00', '2026-03-29T09:00:00+02:00', 1, now, sunday)).toBe('booking.outside_opening_hours');
    expect(code('2026-03-29T18:00:00Z', '2026-03-29T19:00:00Z', 1, now, sunday)).toBe('booking.outside_opening_hours'); // 20:00-21:00 local
    // 25 October: 03:00 CEST becomes 02:00 CET. 07:00Z is 08:00 local, 19:00Z is 20:00 local
    const octNow = '2026-10-20T10:00:00+02:00';
    expect(code('2026-10-25T07:00:00Z', '2026-10-25T19:00:00Z', 1, octNow, { ...sunday, maxDurationMinutes: 720 })).toBeNull();
    expect(code('2026-10-25T06:00:00Z', '2026-10-25T08:00:00Z', 1, octNow, sunday)).toBe('booking.outside_opening_hours'); // 07:00 local
    // a 00:00-24:00 day on 25 October lasts 25 hours
    const allDay = every([['00:00', '24:00']]);
    expect(withinOpeningHours(allDay, at('2026-10-25T00:00:00+02:00'), at('2026-10-26T00:00:00+01:00'))).toBe(true);
    expect(at('2026-10-26T00:00:00+01:00') - at('2026-10-25T00:00:00+02:00')).toBe(25 * 3600_000);
  });

  it('closes on Italian public holidays unless the operator allows it', () => {
    expect(isItalianHoliday('2026-12-25')).toBe(true);
    expect(isItalianHoliday('2026-06-02')).toBe(true);
    expect(isItalianHoliday('2026-06-03')).toBe(false);
    const now = '2026-12-01T10:00:00+01:00';
    expect(code('2026-12-08T10:00:00+01:00', '2026-12-08T11:00:00+01:00', 1, now)).toBe('booking.holiday');
    expect(code('2026-12-08T10:00:00+01:00', '2026-12-08T11:00:00+01:00', 1, now, { ...rules, openOnHolidays: true })).toBeNull();
    expect(code('2026-12-09T10:00:00+01:00', '2026-12-09T11:00:00+01:00', 1, now)).toBeNull();
  });
});

describe('romeParts (offsets looked up once per quarter hour)', () => {
  // the reference: Intl asked for every instant
  const ref = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', weekday: 'short',
  });
  const reference = (ms: number) => {
    const p: Record<string, string> = {};
    for (const part of ref.formatToParts(new Date(ms))) p[part.type] = part.value;
    return {
      date: `${p.year}-${p.month}-${p.day}`,
      weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1,
      minutes: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60,
    };
  };

  it('agrees with Intl at every instant, 1950–2100', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }), (ms) => {
        expect(romeParts(ms)).toEqual(reference(ms));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with Intl minute by minute around the 2026 and 2027 clock changes', () => {
    for (const change of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2027-03-28T01:00:00Z', '2027-10-31T01:00:00Z']) {
      for (let m = -90; m <= 90; m++) {
        const ms = Date.parse(change) + m * 60_000 + 17_000;
        expect(romeParts(ms)).toEqual(reference(ms));
      }
    }
    expect(romeParts(Date.parse('2026-10-25T00:59:59Z')).minutes).toBeCloseTo(2 * 60 + 59 + 59 / 60);
    expect(romeParts(Date.parse('2026-10-25T01:00:00Z')).minutes).toBe(2 * 60);
  });
});

describe('addDays (remembered)', () => {
  it('equals the calendar computation, asked once or many times (property, across months, leap years and 1900/2000)', () => {
    const day = 86_400_000;
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1899, 0, 1) / day, max: Date.UTC(2101, 0, 1) / day }), fc.integer({ min: -800, max: 800 }), (d, n) => {
        const date = new Date(d * day).toISOString().slice(0, 10);
        const expected = new Date((d + n) * day).toISOString().slice(0, 10);
        expect(addDays(date, n)).toBe(expected);
        expect(addDays(date, n)).toBe(expected); // the remembered answer
      }),
      { numRuns: 3000 },
    );
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
  });
});
