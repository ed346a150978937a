import { describe, expect, it } from 'vitest';
import { validatePlan } from './plan-validator.js';
import { planFromAssignments } from './planner.js';
import type { PlannerInput } from './planner.types.js';

// March 2026: 2 (Mon) … 6 (Fri), 9 … 13
const days = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10', '2026-03-11'];
const input: PlannerInput = {
  days,
  offices: [{ id: 'trib', name: 'Ufficio Tributi', coverage: [
    { weekday: 1, minOnSite: 2, skills: [{ skill: 'sportello', minOnSite: 1 }] },
    { weekday: 2, minOnSite: 1 },
  ] }],
  employees: [
    { id: 'a', officeId: 'trib', name: 'Anna', skills: ['sportello'], agreement: { allowedWeekdays: [1, 2, 3, 4, 5], maxRemotePerWeek: 2, maxRemotePerMonth: 3 } },
    { id: 'b', officeId: 'trib', name: 'Bruno', skills: [], agreement: { allowedWeekdays: [2, 4] }, absences: ['2026-03-05'] },
    { id: 'c', officeId: 'trib', name: 'Carla', skills: [], agreement: null, pins: { '2026-03-04': 'onsite' } },
  ],
};
const kinds = (remote: Record<string, string[]>, ds = days) => validatePlan(input, planFromAssignments(input, remote, ds)).map((v) => v.kind);

describe('plan validator', () => {
  it('accepts a valid plan', () => {
    expect(validatePlan(input, planFromAssignments(input, { a: ['2026-03-03'], b: ['2026-03-10'] }))).toEqual([]);
  });
  it('catches the office minimum, with Italian message and amounts', () => {
    const v = validatePlan(input, planFromAssignments(input, { a: ['2026-03-02'] }));
    // 3 present, 1 remote → 2 on site: total ok; the only front-desk person is remote
    expect(v.map((x) => x.kind)).toEqual(['skill-coverage']);
    expect(v[0].message).toBe("Ufficio Tributi: il 02/03 servono 1 persona con competenza 'sportello' in sede, ce ne sono 0");
    const v2 = validatePlan(input, planFromAssignments(input, { a: ['2026-03-03'], b: ['2026-03-03'] }));
    expect(v2).toHaveLength(0);
    const v3 = validatePlan({ ...input, offices: [{ ...input.offices[0], coverage: [{ weekday: 2, minOnSite: 2 }] }] },
      planFromAssignments(input, { a: ['2026-03-03'], b: ['2026-03-03'] }));
    expect(v3).toMatchObject([{ kind: 'coverage', day: '2026-03-03', required: 2, actual: 1, avoidable: true }]);
  });
  it('catches weekly and monthly caps', () => {
    expect(kinds({ a: ['2026-03-03', '2026-03-04', '2026-03-05'] })).toEqual(['weekly-cap']);
    expect(kinds({ a: ['2026-03-03', '2026-03-04', '2026-03-10', '2026-03-11'] })).toEqual(['monthly-cap']);
  });
  it('catches forbidden weekday, absence, no agreement, non-working day', () => {
    expect(kinds({ b: ['2026-03-03', '2026-03-04'] })).toEqual(['forbidden-weekday']);
    expect(kinds({ b: ['2026-03-05'] })).toEqual(['absence-day']);
    expect(kinds({ c: ['2026-03-03'] })).toEqual(['no-agreement']);
    expect(kinds({ a: ['2026-03-07'] }, [...days, '2026-03-07'])).toEqual(['non-working-day', 'forbidden-weekday']); // a Saturday
    // with the calendar option, a holiday in the working days is caught too
    const withHoliday = { ...input, days: ['2026-06-01', '2026-06-02'] };
    const v = validatePlan(withHoliday, planFromAssignments(withHoliday, { a: ['2026-06-02'] }), { calendar: {} });
    expect(v.map((x) => x.kind)).toEqual(['non-working-day']);
    expect(v[0].message).toContain('festività nazionale');
  });
  it('catches pins not respected', () => {
    expect(kinds({ c: ['2026-03-04'] })).toEqual(['pin-not-respected', 'no-agreement']);
    const pinned = { ...input, employees: input.employees.map((e) => e.id === 'b' ? { ...e, pins: { '2026-03-10': 'remote' as const } } : e) };
    expect(validatePlan(pinned, planFromAssignments(pinned, {})).map((v) => v.kind)).toEqual(['pin-not-respected']);
  });
  it('flags unavoidable coverage gaps and malformed plans', () => {
    const absent = { ...input, employees: input.employees.map((e) => ({ ...e, absences: ['2026-03-02'] })) };
    expect(validatePlan(absent, planFromAssignments(absent, {}))).toMatchObject([
      { kind: 'coverage', avoidable: false, actual: 0 }, { kind: 'skill-coverage', avoidable: false }]);
    expect(validatePlan(input, { days, employeeIds: ['a'], remote: new Uint8Array(3) })[0].kind).toBe('malformed');
    expect(validatePlan(input, { days, employeeIds: ['zz'], remote: new Uint8Array(days.length) })[0].kind).toBe('malformed');
  });
});
