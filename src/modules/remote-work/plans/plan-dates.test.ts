import { describe, expect, it } from 'vitest';
import { addMonths, capsRange, eachDay, lastPlannableDay, monthEnd, planRangeProblem, weekEnd, weekStart } from './plan-dates.js';
import { romeDate } from '../../../platform/calendar/rome.js';

describe('plan dates', () => {
  it('knows today in Rome, also around midnight UTC and across daylight saving', () => {
    expect(romeDate(Date.parse('2027-03-27T23:30:00Z'))).toBe('2027-03-28'); // 00:30 CET
    expect(romeDate(Date.parse('2027-07-01T21:59:00Z'))).toBe('2027-07-01'); // 23:59 CEST
    expect(romeDate(Date.parse('2027-07-01T22:00:00Z'))).toBe('2027-07-02');
  });

  it('adds months clamping to the end of the month', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2027-11-15', 3)).toBe('2028-02-15');
    expect(addMonths('2027-03-10', -3)).toBe('2026-12-10');
  });

  it('allows exactly 3 months from the start, from today on, start before end', () => {
    expect(lastPlannableDay('2027-01-01')).toBe('2027-03-31');
    expect(lastPlannableDay('2027-11-30')).toBe('2028-02-28');
    const today = '2027-01-01';
    expect(planRangeProblem('2027-01-01', '2027-03-31', today)).toBeNull();
    expect(planRangeProblem('2027-01-01', '2027-04-01', today)).toContain('2027-03-31');
    expect(planRangeProblem('2027-01-05', '2027-01-04', today)).toContain('precede');
    expect(planRangeProblem('2026-12-31', '2027-01-04', today)).toContain('passati');
    expect(planRangeProblem('2027-02-30', '2027-03-04', today)).toContain('AAAA-MM-GG');
    expect(planRangeProblem('2027-01-01', '2027-01-01', today)).toBeNull();
  });

  it('finds the ISO weeks and months around days (the range a swap is checked on)', () => {
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // a Friday
    expect(weekEnd('2027-01-01')).toBe('2027-01-03');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(capsRange(['2027-01-01'])).toEqual({ from: '2026-12-28', to: '2027-01-31' });
    expect(capsRange(['2027-03-10', '2027-05-31'])).toEqual({ from: '2027-03-01', to: '2027-06-06' });
    expect(eachDay('2027-03-27', '2027-03-29')).toEqual(['2027-03-27', '2027-03-28', '2027-03-29']);
  });
});
