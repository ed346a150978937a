/**
 * The Rome calendar against independent references: Intl (the time-zone database) for instants,
 * JavaScript's UTC Date arithmetic for calendar dates, over 1950–2100 and across both
 * daylight-saving changes.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays, addMonths, addMonthsToMonth, dateRange, dayNumber, daysBetween, fromDayNumber, isIsoDate, isoWeekday, isoWeekKey, monthEnd, monthsBetween,
  romeMonth,
  romeDate, romeInstant, romeOffsetMs, romeParts, romeStartOfDay, romeTimeOfDay, romeWallClock, weekStart,
} from './rome.js';

const FROM = Date.UTC(1950, 0, 1);
const TO = Date.UTC(2100, 11, 31, 23, 59, 59);
const intl = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function intlWall(at: number): { date: string; time: string; offset: number } {
  const p: Record<string, string> = {};
  for (const x of intl.formatToParts(new Date(at))) p[x.type] = x.value;
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, offset: asUtc - Math.floor(at / 1000) * 1000 };
}

/** The reference for dates: UTC Date arithmetic, which JavaScript does exactly. */
function refDate(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

const instants = fc.integer({ min: FROM, max: TO });
const dayNumbers = fc.integer({ min: dayNumber('1950-01-01'), max: dayNumber('2100-12-31') });

describe('instants in Rome (against Intl)', () => {
  it('gives the offset, date, time of day and wall clock Intl gives, 1950–2100', () => {
    fc.assert(
      fc.property(instants, (at) => {
        const ref = intlWall(at);
        expect(romeOffsetMs(at)).toBe(ref.offset);
        expect(romeDate(at)).toBe(ref.date);
        expect(romeTimeOfDay(at)).toBe(ref.time);
        const w = romeWallClock(at);
        expect(`${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`).toBe(ref.date);
        expect(romeParts(at).date).toBe(ref.date);
        expect(romeParts(at).weekday).toBe(isoWeekday(ref.date));
      }),
      { numRuns: 5000 },
    );
  });

  it('turns a wall-clock time back into the instant, for every quarter hour of both change days of 2026 and 2027', () => {
    // last Sundays of March and October
    for (const day of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      for (let q = 0; q < 96; q++) {
        const time = `${String(Math.floor(q / 4)).padStart(2, '0')}:${String((q % 4) * 15).padStart(2, '0')}`;
        const at = romeInstant(day, time);
        const skipped = day.slice(5, 7) === '03' && time >= '02:00' && time < '03:00';
        if (skipped) {
          expect(at, `${day} ${time}`).toBeNull();
          continue;
        }
        expect(at, `${day} ${time}`).not.toBeNull();
        expect(intlWall(at!)).toMatchObject({ date: day, time });
        // in the repeated hour of October, the first of the two
        if (day.slice(5, 7) === '10' && time >= '02:00' && time < '03:00') expect(intlWall(at! - 3_600_000).time).not.toBe(time);
      }
    }
  });

  it('has 23 hours on the last Sunday of March and 25 on the last Sunday of October', () => {
    expect(romeInstant('2027-03-29', '00:00')! - romeInstant('2027-03-28', '00:00')!).toBe(23 * 3_600_000);
    expect(romeInstant('2027-11-01', '00:00')! - romeInstant('2027-10-31', '00:00')!).toBe(25 * 3_600_000);
    expect(romeInstant('2027-03-28', '24:00')).toBe(romeInstant('2027-03-29', '00:00'));
  });

  it('turns any wall-clock minute into an instant that shows it, 1950–2100', () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: 0, max: 1439 }), (n, minute) => {
        const date = fromDayNumber(n);
        const time = `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
        const at = romeInstant(date, time);
        if (at === null) {
          // only a skipped hour has no instant: an hour later the clock shows a time an hour ahead
          const start = romeStartOfDay(date);
          expect(romeOffsetMs(start + 86_400_000) - romeOffsetMs(start - 1000)).not.toBe(0);
          return;
        }
        expect(intlWall(at)).toMatchObject({ date, time });
      }),
      { numRuns: 3000 },
    );
  });

  it('starts a day whose midnight was skipped at the jump to 01:00 (31 May 1970)', () => {
    expect(romeInstant('1970-05-31', '00:30')).toBeNull();
    const start = romeStartOfDay('1970-05-31');
    expect(romeOffsetMs(start + 86_400_000) - romeOffsetMs(start - 1000)).toBe(3_600_000);
    expect(intlWall(romeStartOfDay('1970-05-31'))).toMatchObject({ date: '1970-05-31', time: '01:00' });
    expect(intlWall(romeStartOfDay('1970-05-31') - 60_000)).toMatchObject({ date: '1970-05-30', time: '23:59' });
  });

  it('starts every day of 1950–2100 at its first instant', () => {
    const wrong: string[] = [];
    for (let d = '1950-01-02'; d <= '2100-12-31'; d = addDays(d, 1)) {
      const start = romeStartOfDay(d);
      if (intlWall(start).date !== d || intlWall(start - 1000).date !== addDays(d, -1)) wrong.push(d);
    }
    expect(wrong).toEqual([]);
  });
});

describe('calendar dates (against UTC Date arithmetic)', () => {
  it('numbers days as Date.UTC does, and back', () => {
    fc.assert(
      fc.property(dayNumbers, (n) => {
        const date = refDate(n);
        expect(fromDayNumber(n)).toBe(date);
        expect(dayNumber(date)).toBe(n);
        const w = new Date(n * 86_400_000).getUTCDay();
        expect(isoWeekday(date)).toBe(w === 0 ? 7 : w);
      }),
      { numRuns: 5000 },
    );
  });

  it('adds days, counts them and lists ranges', () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -800, max: 800 }), (n, k) => {
        const date = refDate(n);
        expect(addDays(date, k)).toBe(refDate(n + k));
        expect(daysBetween(date, refDate(n + k))).toBe(k);
        const range = dateRange(date, refDate(n + (k % 40)));
        expect(range.length).toBe(Math.max(0, (k % 40) + 1));
        if (range.length) expect(range.at(-1)).toBe(refDate(n + (k % 40)));
      }),
    );
  });

  it('adds months clamped to the month end, as Date.UTC would without overflowing', () => {
    fc.assert(
      fc.property(dayNumbers, fc.integer({ min: -40, max: 40 }), (n, k) => {
        const d = new Date(n * 86_400_000);
        const y = d.getUTCFullYear(), m = d.getUTCMonth() + k;
        const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
        const ref = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last))).toISOString().slice(0, 10);
        expect(addMonths(refDate(n), k)).toBe(ref);
        expect(addMonthsToMonth(refDate(n).slice(0, 7), k)).toBe(ref.slice(0, 7));
        expect(monthEnd(ref)).toBe(new Date(Date.UTC(y, m + 1, 0)).toISOString().slice(0, 10));
      }),
    );
  });

  it('lists the months between two months, across years, and the Rome month of an instant', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-05', '2027-05')).toEqual(['2027-05']);
    expect(monthsBetween('2027-06', '2027-05')).toEqual([]);
    // 23:30 and 00:30 in Rome on New Year's Eve (UTC+1)
    expect(romeMonth(Date.parse('2026-12-31T22:30:00Z'))).toBe('2026-12');
    expect(romeMonth(Date.parse('2026-12-31T23:30:00Z'))).toBe('2027-01');
  });

  it('knows real dates from look-alikes, and years before 1000', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2100-02-29')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('2027-1-01')).toBe(false);
    expect(addDays('0999-12-31', 1)).toBe('1000-01-01');
    expect(() => dayNumber('2027-02-30')).toThrow(RangeError);
  });

  it('gives ISO weeks, their Mondays and their years', () => {
    expect(isoWeekKey('2026-12-31')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-03')).toBe('2026-W53');
    expect(isoWeekKey('2027-01-04')).toBe('2027-W01');
    expect(isoWeekKey('2024-12-30')).toBe('2025-W01');
    expect(weekStart('2027-01-03')).toBe('2026-12-28');
  });
});
