import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addMonths, currentMonth, daysOfMonth, figures, gapPoints, isoWeekday, monthsBetween, monthStart, percent } from './indicator-rules.js';
import { monthRange } from './list-month-indicators.js';
import { AppError } from '../../../platform/http/errors.js';

describe('indicator rules', () => {
  it('percent: one decimal, null without a denominator', () => {
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(1, 8)).toBe(12.5);
    expect(percent(0, 5)).toBe(0);
    expect(percent(5, 5)).toBe(100);
    expect(percent(3, 0)).toBeNull();
    fc.assert(fc.property(fc.nat(10_000), fc.integer({ min: 1, max: 10_000 }), (n, d) => {
      const p = percent(Math.min(n, d), d)!;
      return p >= 0 && p <= 100 && Math.abs(p - (100 * Math.min(n, d)) / d) <= 0.05 + 1e-9;
    }));
  });

  it('shares: agreements over the headcount, remote over remote + on site (absences in neither)', () => {
    expect(figures({ remote: 3, onsite: 1, absent: 10, withAgreement: 2 }, 8)).toEqual({
      remoteDays: 3, onsiteDays: 1, absentDays: 10, withAgreement: 2, agreementSharePercent: 25, remoteSharePercent: 75,
    });
    expect(figures({ remote: 0, onsite: 0, absent: 4, withAgreement: 0 }, 0)).toMatchObject({ agreementSharePercent: null, remoteSharePercent: null });
  });

  it('gap: points missing to the target, negative above it, null without a share', () => {
    expect(gapPoints(60, 40)).toBe(20);
    expect(gapPoints(30, 42.9)).toBe(-12.9);
    expect(gapPoints(60, 60)).toBe(0);
    expect(gapPoints(30, null)).toBeNull();
  });

  it('months and days', () => {
    expect(monthStart('2027-01')).toBe('2027-01-01');
    expect(() => monthStart('2027-13')).toThrow();
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2027-03', -27)).toBe('2024-12');
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(monthsBetween('2027-02', '2026-11')).toEqual([]);
    expect(daysOfMonth('2028-02')).toHaveLength(29);
    expect(daysOfMonth('2027-02')).toHaveLength(28);
    expect(daysOfMonth('2027-12').at(-1)).toBe('2027-12-31');
    expect(isoWeekday('2027-01-03')).toBe(7);
    expect(isoWeekday('2027-01-04')).toBe(1);
  });

  it('the current month is Rome’s, also around midnight on New Year’s Eve', () => {
    expect(currentMonth(new Date('2026-12-31T22:59:00Z'))).toBe('2026-12');
    expect(currentMonth(new Date('2026-12-31T23:00:00Z'))).toBe('2027-01');
    expect(currentMonth(new Date('2027-06-30T22:00:00Z'))).toBe('2027-07');
  });

  it('ranges: by default the 12 months up to now; at most 36; start before end', () => {
    const now = new Date('2027-03-10T10:00:00Z');
    expect(monthRange({}, now)).toEqual({ from: '2026-04', to: '2027-03' });
    expect(monthRange({ from: '2026-01' }, now)).toEqual({ from: '2026-01', to: '2026-12' });
    expect(monthRange({ to: '2026-01' }, now)).toEqual({ from: '2025-02', to: '2026-01' });
    expect(monthRange({ from: '2024-04', to: '2027-03' }, now)).toEqual({ from: '2024-04', to: '2027-03' });
    const err = (q: { from?: string; to?: string }) => { try { monthRange(q, now); return null; } catch (e) { return (e as AppError).code; } };
    expect(err({ from: '2024-03', to: '2027-03' })).toBe('indicator.invalid_range');
    expect(err({ from: '2027-04', to: '2027-03' })).toBe('indicator.invalid_range');
  });
});
