import { describe, expect, it } from 'vitest';
import { buildPlannerInput, coverageOf, type PlanData } from './plan-input.js';
import type { PlanAgreementRow, PlanEmployeeRow } from './plans.repo.js';

const office = { id: 'o1', code: 'URP', name: 'URP', managerUserId: null };
const emp = (id: string, over: Partial<PlanEmployeeRow> = {}): PlanEmployeeRow => ({
  id, officeId: 'o1', firstName: 'Maria', lastName: id, email: null, userId: null, skills: [], preferredWeekdays: [], ...over,
});
const agreement = (employeeId: string, over: Partial<PlanAgreementRow> = {}): PlanAgreementRow => ({
  id: `a-${employeeId}-${over.startsOn ?? ''}`, employeeId, startsOn: '2027-01-01', endsOn: null, withdrawalEffectiveOn: null,
  maxRemotePerWeek: 2, maxRemotePerMonth: null, allowedWeekdays: [1, 2, 3, 4, 5], monthlyPlan: null, ...over,
});
const data = (over: Partial<PlanData>): PlanData => ({
  from: '2027-03-01', to: '2027-03-12', patronDay: null, closures: [], offices: [office], coverage: [], employees: [], agreements: [],
  absences: [], planDays: [], ...over,
});

describe('planner input', () => {
  it('turns coverage rows into rules per weekday: the office total and skill minima', () => {
    expect(coverageOf([
      { officeId: 'o1', weekday: 1, skill: '', minOnSite: 3 },
      { officeId: 'o1', weekday: 1, skill: 'sportello', minOnSite: 1 },
      { officeId: 'o1', weekday: 2, skill: 'sportello', minOnSite: 2 },
    ])).toEqual([
      { weekday: 1, minOnSite: 3, skills: [{ skill: 'sportello', minOnSite: 1 }] },
      { weekday: 2, minOnSite: 0, skills: [{ skill: 'sportello', minOnSite: 2 }] },
    ]);
  });

  it('excludes holidays, the patron day and closures from the working days', () => {
    const b = buildPlannerInput(data({ from: '2027-04-20', to: '2027-04-30', patronDay: '04-22', closures: [{ day: '2027-04-29', reason: 'x' }] }));
    // 25 April is a Sunday in 2027; 22 April patron day; 29 April closure
    expect(b.input.days).toEqual(['2027-04-20', '2027-04-21', '2027-04-23', '2027-04-26', '2027-04-27', '2027-04-28', '2027-04-30']);
  });

  it('fixes on site the days no agreement covers and combines two agreements strictly', () => {
    const b = buildPlannerInput(data({
      employees: [emp('e1'), emp('e2'), emp('e3')],
      agreements: [
        agreement('e1', { startsOn: '2027-03-04' }),
        agreement('e2', { endsOn: '2027-03-05', maxRemotePerWeek: 3, maxRemotePerMonth: 10 }),
        agreement('e2', { startsOn: '2027-03-06', maxRemotePerWeek: 2, allowedWeekdays: [1, 2, 3] }),
        agreement('e3', { withdrawalEffectiveOn: '2027-03-10' }),
      ],
    }));
    const [e1, e2, e3] = b.input.employees;
    expect(e1.pins).toEqual({ '2027-03-01': 'onsite', '2027-03-02': 'onsite', '2027-03-03': 'onsite' });
    expect(e2.agreement).toEqual({ allowedWeekdays: [1, 2, 3], maxRemotePerWeek: 2, maxRemotePerMonth: 10 });
    expect(e2.pins).toBeUndefined();
    // withdrawal_effective_on is the last day in force
    expect(e3.pins).toEqual({ '2027-03-11': 'onsite', '2027-03-12': 'onsite' });
    expect([...b.withAgreement].sort()).toEqual(['e1', 'e2', 'e3']);
  });

  it('keeps remote only the days a monthly plan marks remote (as preferred days)', () => {
    const b = buildPlannerInput(data({
      employees: [emp('e1')],
      agreements: [agreement('e1', { maxRemotePerWeek: null, monthlyPlan: { '2027-03-02': 'remote', '2027-03-09': 'remote', '2027-03-03': 'onsite' } })],
    }));
    const e1 = b.input.employees[0];
    expect(e1.preferredDays).toEqual(['2027-03-02', '2027-03-09']);
    expect(Object.keys(e1.pins ?? {}).sort()).toEqual(b.input.days.filter((d) => d !== '2027-03-02' && d !== '2027-03-09'));
    expect(e1.agreement).toEqual({ allowedWeekdays: [1, 2, 3, 4, 5] });
  });

  it('passes the manager’s pins over the agreements’ fixed days and reports remote pins the agreements do not allow', () => {
    const b = buildPlannerInput(data({
      employees: [emp('e1'), emp('e2')],
      agreements: [agreement('e1', { startsOn: '2027-03-08' })],
      planDays: [
        { employeeId: 'e1', officeId: 'o1', day: '2027-03-02', kind: 'remote', pinned: true, pinSource: 'manager' },
        { employeeId: 'e1', officeId: 'o1', day: '2027-03-09', kind: 'onsite', pinned: true, pinSource: 'manager' },
        { employeeId: 'e1', officeId: 'o1', day: '2027-03-10', kind: 'remote', pinned: false, pinSource: null },
        { employeeId: 'e2', officeId: 'o1', day: '2027-03-03', kind: 'remote', pinned: true, pinSource: 'manager' },
      ],
    }));
    const [e1, e2] = b.input.employees;
    expect(e1.pins?.['2027-03-02']).toBe('remote');
    expect(e1.pins?.['2027-03-09']).toBe('onsite');
    expect(e1.pins?.['2027-03-10']).toBeUndefined();
    expect(b.uncoveredRemotePins).toEqual([{ employeeId: 'e1', officeId: 'o1', day: '2027-03-02', inForce: false }]);
    // no agreement at all: the planner itself reports the pin (no-agreement)
    expect(e2.agreement).toBeNull();
    expect(e2.pins).toEqual({ '2027-03-03': 'remote' });
  });

  it('passes absences, skills, names and preferred weekdays', () => {
    const b = buildPlannerInput(data({
      employees: [emp('e1', { skills: ['sportello'], preferredWeekdays: [1, 5, 9] })],
      absences: [{ employeeId: 'e1', day: '2027-03-03' }],
    }));
    expect(b.input.employees[0]).toMatchObject({ name: 'Maria e1', skills: ['sportello'], absences: ['2027-03-03'], preferredWeekdays: [1, 5], agreement: null });
  });
});
