import { describe, expect, it } from 'vitest';
import { dayNumber, fromDayNumber, isoWeekKey, isoWeekday } from '../../../platform/calendar/rome.js';
import { nonWorkingReason } from './calendar.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

describe('working days (Europe/Rome calendar days)', () => {
  it('excludes Easter Monday 2026-04-06, Liberation day and weekends', () => {
    const days = workingDays('2026-04-01', '2026-04-30');
    expect(days).not.toContain('2026-04-06');
    expect(days).not.toContain('2026-04-04'); // Saturday
    expect(days).toContain('2026-04-07');
    expect(days.length).toBe(21); // 22 weekdays − Easter Monday (25 April is a Saturday)
  });
  it('excludes 2 June and 8 December 2026', () => {
    expect(workingDays('2026-06-01', '2026-06-05')).toEqual(['2026-06-01', '2026-06-03', '2026-06-04', '2026-06-05']);
    expect(workingDays('2026-12-07', '2026-12-09')).toEqual(['2026-12-07', '2026-12-09']);
    expect(nonWorkingReason('2026-12-08')).toBe('festività nazionale');
  });
  it('excludes a patron day on a weekday and extra closures', () => {
    // San Giovanni (Torino, Genova, Firenze): 24 June 2026 is a Wednesday
    const days = workingDays('2026-06-22', '2026-06-26', { patronDay: '06-24', closures: ['2026-06-26'] });
    expect(days).toEqual(['2026-06-22', '2026-06-23', '2026-06-25']);
    expect(nonWorkingReason('2026-06-24', { patronDay: '06-24' })).toBe('festa del santo patrono');
  });
  it('does not shift days across the March DST change (29 March 2026)', () => {
    const days = workingDays('2026-03-26', '2026-04-02');
    expect(days).toEqual(['2026-03-26', '2026-03-27', '2026-03-30', '2026-03-31', '2026-04-01', '2026-04-02']);
    expect(isoWeekday('2026-03-29')).toBe(7);
    expect(isoWeekday('2026-03-30')).toBe(1);
    expect(fromDayNumber(dayNumber('2026-03-29') + 1)).toBe('2026-03-30');
    // and the October change
    expect(workingDays('2026-10-23', '2026-10-26')).toEqual(['2026-10-23', '2026-10-26']);
  });
  it('computes ISO weeks across years', () => {
    expect(isoWeekKey('2026-01-01')).toBe('2026-W01');
    expect(isoWeekKey('2027-01-01')).toBe('2026-W53');
    expect(isoWeekKey('2026-03-30')).toBe('2026-W14');
  });
  it('refuses bad input', () => {
    expect(() => workingDays('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => workingDays('2026-03-10', '2026-03-01')).toThrow(/Intervallo non valido/);
    expect(() => workingDays('2026-03-01', '2026-03-10', { patronDay: '6-24' })).toThrow(/Festa patronale/);
    expect(() => workingDays('2026-03-01', '2026-03-10', { closures: ['2026-13-01'] })).toThrow(RangeError);
  });
});
