/** Italian working days: the holidays against the date-holidays package (1950–2100), patron days, closures. */
import { describe, expect, it } from 'vitest';
import Holidays from 'date-holidays';
import { dayOffReason, easterSunday, isItalianHoliday, italianHolidays, isPatronDay, workingDays } from './working-days.js';
import { dateRange } from './rome.js';

describe('national public holidays', () => {
  it('are the public holidays date-holidays lists for Italy, every year 1950–2100', () => {
    const reference = new Holidays('IT');
    for (let year = 1950; year <= 2100; year++) {
      const ref = reference.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10)).sort();
      expect([...italianHolidays(year).keys()], String(year)).toEqual([...new Set(ref)]);
    }
  });

  it('put Easter on the known dates and Saint Francis only from 2026', () => {
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(isItalianHoliday('2025-10-04')).toBe(false);
    expect(isItalianHoliday('2026-10-04')).toBe(true);
    expect(italianHolidays(2027).get('2027-03-29')?.it).toBe('Lunedì dell’Angelo');
  });
});

describe('working days of a body', () => {
  it('skip weekends, holidays, the patron day and closures, each with its reason', () => {
    const body = { patronDay: '06-24', closures: ['2027-06-25'] };
    expect(dayOffReason('2027-06-19', body)).toBe('saturday');
    expect(dayOffReason('2027-06-20', body)).toBe('sunday');
    expect(dayOffReason('2027-06-02', body)).toBe('holiday');
    expect(dayOffReason('2027-06-24', body)).toBe('patron_day');
    expect(dayOffReason('2027-06-25', body)).toBe('closure');
    expect(dayOffReason('2027-06-25', { closures: new Set(['2027-06-25']) })).toBe('closure');
    expect(dayOffReason('2027-06-23', body)).toBeNull();
    expect(workingDays('2027-06-21', '2027-06-27', body)).toEqual(['2027-06-21', '2027-06-22', '2027-06-23']);
  });

  it('cross a year and a daylight-saving change without losing or repeating a day', () => {
    expect(workingDays('2026-12-24', '2027-01-08')).toEqual(['2026-12-24', '2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31', '2027-01-04', '2027-01-05', '2027-01-07', '2027-01-08']);
    const march = workingDays('2027-03-22', '2027-04-02');
    expect(march).toEqual(dateRange('2027-03-22', '2027-04-02').filter((d) => !['2027-03-27', '2027-03-28', '2027-03-29'].includes(d)));
  });

  it('refuse bad ranges and patron days', () => {
    expect(() => workingDays('2027-02-01', '2027-01-01')).toThrow(RangeError);
    expect(() => workingDays('2027-01-01', '2031-01-01')).toThrow(RangeError);
    expect(() => workingDays('2027-01-01', '2027-01-31', { patronDay: '13-01' })).toThrow(RangeError);
    expect(() => workingDays('2027-02-30', '2027-03-31')).toThrow(RangeError);
    expect(isPatronDay('02-29')).toBe(true);
    expect(isPatronDay('02-30')).toBe(false);
  });
});
