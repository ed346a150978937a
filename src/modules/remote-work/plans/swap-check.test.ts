import { describe, expect, it } from 'vitest';
import { buildPlannerInput, type PlanData } from './plan-input.js';
import { checkSwap } from './swap-check.js';
import type { PlanDayRow } from './plans.repo.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

const days = workingDays('2027-03-01', '2027-03-12');
const emp = (id: string, skills: string[] = []) => ({ id, officeId: 'o', firstName: 'N', lastName: id, email: null, userId: null, skills, preferredWeekdays: [] });
const agreement = (employeeId: string, over = {}) => ({
  id: `a${employeeId}`, employeeId, startsOn: '2027-01-01', endsOn: null, withdrawalEffectiveOn: null, maxRemotePerWeek: 1,
  maxRemotePerMonth: null, allowedWeekdays: [1, 2, 3, 4], monthlyPlan: null, ...over,
});
const data: PlanData = {
  from: '2027-03-01', to: '2027-03-14', patronDay: null, closures: [],
  offices: [{ id: 'o', code: 'O', name: 'Ufficio Anagrafe', managerUserId: null }],
  coverage: [1, 2, 3, 4, 5].flatMap((w) => [{ officeId: 'o', weekday: w, skill: '', minOnSite: 2 }, { officeId: 'o', weekday: w, skill: 'sportello', minOnSite: 1 }]),
  employees: [emp('a', ['sportello']), emp('b', ['sportello']), emp('c')],
  agreements: [agreement('a'), agreement('b'), agreement('c', { startsOn: '2027-03-08' })],
  absences: [], planDays: [],
};
const row = (employeeId: string, day: string, kind: 'remote' | 'onsite', pinned = false): PlanDayRow => ({ employeeId, officeId: 'o', day, kind, pinned, pinSource: pinned ? 'manager' : null });
/** a remote on Monday 1st, b on Tuesday 2nd; everyone else on site */
const stored: PlanDayRow[] = ['a', 'b', 'c'].flatMap((e) => days.map((d) => row(e, d, (e === 'a' && d === '2027-03-01') || (e === 'b' && d === '2027-03-02') ? 'remote' : 'onsite')));

describe('checking a swap', () => {
  const built = buildPlannerInput(data);
  it('accepts a move to a day with room', () => {
    expect(checkSwap(built, stored, 'a', '2027-03-01', '2027-03-03')).toEqual([]);
  });
  it('refuses a move to a day the office cannot spare, with office, day and people short', () => {
    const v = checkSwap(built, stored, 'a', '2027-03-01', '2027-03-02');
    expect(v.map((x) => x.kind).sort()).toEqual(['coverage', 'skill-coverage']);
    const cov = v.find((x) => x.kind === 'coverage')!;
    expect(cov).toMatchObject({ officeName: 'Ufficio Anagrafe', day: '2027-03-02', required: 2, actual: 1, peopleShort: 1 });
    expect(cov.message).toBe('Ufficio Anagrafe: il 02/03 servono 2 persone in sede, ce ne sono 1 (manca 1 persona)');
  });
  it('refuses a forbidden weekday, a week over the cap and a day before the agreement starts', () => {
    expect(checkSwap(built, stored, 'a', '2027-03-01', '2027-03-05').map((x) => x.kind)).toEqual(['forbidden-weekday']);
    const withSecond = [...stored.filter((r) => !(r.employeeId === 'a' && r.day === '2027-03-09')), row('a', '2027-03-09', 'remote')];
    expect(checkSwap(built, withSecond, 'a', '2027-03-01', '2027-03-10').map((x) => x.kind)).toEqual(['weekly-cap']);
    const cStored = [...stored.filter((r) => !(r.employeeId === 'c' && r.day === '2027-03-09')), row('c', '2027-03-09', 'remote')];
    const v = checkSwap(built, cStored, 'c', '2027-03-09', '2027-03-03');
    expect(v[0]).toMatchObject({ kind: 'no-agreement', day: '2027-03-03' });
    expect(v[0].message).toContain('l’accordo individuale non prevede lavoro agile');
  });
  it('does not blame the swap for gaps the plan already had', () => {
    // the 4th is already short (absences) before the swap: moving a's day elsewhere is still fine
    const withAbsences = buildPlannerInput({ ...data, absences: [{ employeeId: 'b', day: '2027-03-04' }, { employeeId: 'c', day: '2027-03-04' }] });
    expect(checkSwap(withAbsences, stored, 'a', '2027-03-01', '2027-03-03')).toEqual([]);
  });
});
