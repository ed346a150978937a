import { describe, expect, it } from 'vitest';
import { addDays, addMonths, isDate, isItalianHoliday, mondayOf, monthGrid, romeInstant, romeParts, weekdayOf } from './rome-time.js';

describe('Rome dates and times in the browser', () => {
  it('turns a Rome date and time into an instant with the right offset, across daylight saving', () => {
    expect(romeInstant('2027-01-12', '09:00')).toBe('2027-01-12T09:00:00+01:00');
    expect(romeInstant('2027-07-12', '09:00')).toBe('2027-07-12T09:00:00+02:00');
    // clocks go forward on 28 March 2027 at 02:00: 02:30 does not exist, 03:00 is summer time
    expect(romeInstant('2027-03-28', '02:30')).toBeNull();
    expect(romeInstant('2027-03-28', '01:59')).toBe('2027-03-28T01:59:00+01:00');
    expect(romeInstant('2027-03-28', '03:00')).toBe('2027-03-28T03:00:00+02:00');
    // clocks go back on 31 October 2027: 02:30 happens twice, the first (summer time) is taken
    expect(romeInstant('2027-10-31', '02:30')).toBe('2027-10-31T02:30:00+02:00');
    expect(romeInstant('2027-10-31', '03:30')).toBe('2027-10-31T03:30:00+01:00');
  });

  it('refuses impossible dates and times', () => {
    expect(romeInstant('2027-02-30', '10:00')).toBeNull();
    expect(romeInstant('2027-02-10', '24:00')).toBeNull();
    expect(romeInstant('2027-02-10', '9:00')).toBeNull();
    expect(isDate('2028-02-29')).toBe(true);
    expect(isDate('2027-02-29')).toBe(false);
  });

  it('reads an instant back as a Rome date and time, whatever zone it was written in', () => {
    expect(romeParts('2027-01-12T08:00:00Z')).toEqual({ date: '2027-01-12', time: '09:00', weekday: 2, minutes: 540 });
    expect(romeParts('2027-07-11T22:30:00Z')).toMatchObject({ date: '2027-07-12', time: '00:30', weekday: 1 });
  });

  it('counts weeks from Monday and months in whole weeks', () => {
    expect(weekdayOf('2027-01-10')).toBe(7);
    expect(mondayOf('2027-01-10')).toBe('2027-01-04');
    expect(mondayOf('2027-01-04')).toBe('2027-01-04');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-01');
    expect(addMonths('2027-01-31', -1)).toBe('2026-12-01');
    const feb = monthGrid('2027-02-10'); // 1 February 2027 is a Monday: exactly 4 weeks
    expect(feb.length).toBe(4);
    expect(feb[0][0]).toBe('2027-02-01');
    const aug = monthGrid('2027-08-01'); // a Sunday: the grid starts on Monday 26 July, 6 rows
    expect(aug[0][0]).toBe('2027-07-26');
    expect(aug.length).toBe(6);
    expect(aug.at(-1)?.at(-1)).toBe('2027-09-05');
  });

  it('marks the Italian public holidays the server refuses (Easter Monday, Saint Francis from 2026)', () => {
    expect(['2027-03-29', '2026-10-04', '2026-12-08', '2026-12-26'].filter((d) => !isItalianHoliday(d))).toEqual([]);
    expect(['2027-03-30', '2025-10-04', '2026-12-07'].filter((d) => isItalianHoliday(d))).toEqual([]);
  });
});
