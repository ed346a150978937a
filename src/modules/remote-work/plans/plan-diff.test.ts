import { describe, expect, it } from 'vitest';
import { diffPlanDays } from './plan-diff.js';
import type { PlanDayRow } from './plans.repo.js';

const row = (employeeId: string, day: string, kind: PlanDayRow['kind'], over: Partial<PlanDayRow> = {}): PlanDayRow => ({
  employeeId, officeId: 'o1', day, kind, pinned: false, pinSource: null, ...over,
});

describe('writing only what changes', () => {
  it('inserts new days, updates changed ones, keeps equal ones, removes the days no longer planned', () => {
    const existing = [
      row('a', '2027-03-01', 'remote'),
      row('a', '2027-03-02', 'onsite'),
      row('b', '2027-03-01', 'onsite'),
      row('gone', '2027-03-01', 'remote'),
    ];
    const d = diffPlanDays(existing, [
      { employeeId: 'a', officeId: 'o1', day: '2027-03-01', kind: 'remote' },
      { employeeId: 'a', officeId: 'o1', day: '2027-03-02', kind: 'remote' },
      { employeeId: 'b', officeId: 'o2', day: '2027-03-01', kind: 'onsite' },
      { employeeId: 'b', officeId: 'o2', day: '2027-03-02', kind: 'absent' },
    ]);
    expect(d.insert).toEqual([{ employeeId: 'b', officeId: 'o2', day: '2027-03-02', kind: 'absent' }]);
    expect(d.update).toEqual([
      { employeeId: 'a', officeId: 'o1', day: '2027-03-02', kind: 'remote' },
      { employeeId: 'b', officeId: 'o2', day: '2027-03-01', kind: 'onsite' },
    ]);
    expect(d.remove).toEqual([{ employeeId: 'gone', day: '2027-03-01' }]);
    expect(d.moveOffice).toEqual([]);
  });

  it('never changes or removes a pinned day; only its office follows the employee', () => {
    const existing = [
      row('a', '2027-03-01', 'remote', { pinned: true, pinSource: 'manager' }),
      row('a', '2027-03-02', 'onsite', { pinned: true, pinSource: 'swap' }),
      row('a', '2027-03-06', 'remote', { pinned: true, pinSource: 'manager' }),
    ];
    const d = diffPlanDays(existing, [
      { employeeId: 'a', officeId: 'o1', day: '2027-03-01', kind: 'onsite' },
      { employeeId: 'a', officeId: 'o9', day: '2027-03-02', kind: 'remote' },
    ]);
    expect(d).toEqual({ insert: [], update: [], remove: [], moveOffice: [{ employeeId: 'a', officeId: 'o9', day: '2027-03-02', kind: 'onsite' }] });
  });
});
