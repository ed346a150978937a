import { describe, expect, it } from 'vitest';
import { planFromAssignments, planRemoteWork } from '../planner/planner.js';
import { validatePlan } from '../planner/plan-validator.js';
import { buildReport, sortViolations } from './plan-report.js';
import type { PlannerInput } from '../planner/planner.types.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

const days = workingDays('2027-03-01', '2027-03-05');
const ag = { maxRemotePerWeek: 2, allowedWeekdays: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[] };
const input = (over: Partial<PlannerInput> = {}): PlannerInput => ({
  days,
  offices: [{ id: 'o', name: 'Ufficio Tributi', coverage: [1, 2, 3, 4, 5].map((w) => ({ weekday: w as 1, minOnSite: 2 })) }],
  employees: ['a', 'b', 'c'].map((id) => ({ id, officeId: 'o', name: id.toUpperCase(), skills: [], agreement: ag })),
  ...over,
});

describe('sorting violations by cause', () => {
  it('blames the planner for a coverage gap it created, not for one the pins or absences created', () => {
    const i = input();
    const planned = planFromAssignments(i, { a: [days[0]], b: [days[0]] });
    const v = validatePlan(i, planned);
    expect(sortViolations(i, planned, v).plannerCaused.map((x) => x.kind)).toEqual(['coverage']);
    const pinned = input({ employees: i.employees.map((e) => (e.id === 'c' ? e : { ...e, pins: { [days[0]]: 'remote' } })) });
    const s = sortViolations(pinned, planned, validatePlan(pinned, planned));
    expect(s.plannerCaused).toEqual([]);
    expect(s.reported.map((x) => x.kind)).toEqual(['coverage']);
    const absent = input({ employees: i.employees.map((e) => (e.id === 'c' ? e : { ...e, absences: [days[1]] })) });
    const none = planFromAssignments(absent, {});
    const s2 = sortViolations(absent, none, validatePlan(absent, none));
    expect(s2.reported.map((x) => [x.kind, x.avoidable])).toEqual([['coverage', false]]);
    expect(s2.plannerCaused).toEqual([]);
  });

  it('blames the planner for caps, weekdays, absences and pins it broke', () => {
    const i = input({ employees: [{ id: 'a', officeId: 'o', skills: [], agreement: { maxRemotePerWeek: 1, allowedWeekdays: [1, 2] }, absences: [days[1]], pins: { [days[3]]: 'onsite' } }], offices: [{ id: 'o', name: 'X', coverage: [] }] });
    const p = planFromAssignments(i, { a: [days[0], days[1], days[2], days[3]] });
    const s = sortViolations(i, p, validatePlan(i, p));
    expect(s.plannerCaused.map((x) => x.kind).sort()).toEqual(['absence-day', 'forbidden-weekday', 'forbidden-weekday', 'pin-not-respected', 'weekly-cap']);
    expect(s.reported).toEqual([]);
    // the same days pinned remote are the pins' fault
    const pinnedAll = { ...i, employees: [{ ...i.employees[0], pins: Object.fromEntries([days[0], days[1], days[2], days[3]].map((d) => [d, 'remote' as const])) }] };
    const s2 = sortViolations(pinnedAll, p, validatePlan(pinnedAll, p));
    expect(s2.plannerCaused).toEqual([]);
    expect(s2.reported.length).toBeGreaterThan(0);
  });
});

describe('the report', () => {
  it('says per office which days are short and by how many people, and every employee’s outcome', () => {
    const i = input();
    const result = planRemoteWork(i);
    const built = { input: i, calendar: {}, realPins: new Map(), uncoveredRemotePins: [], withAgreement: new Set(['a', 'b', 'c']), agreementOnsite: new Map() };
    const r = buildReport(built, result, [], { loadMs: 1, planMs: 1, validateMs: 1, writeMs: 1 });
    // 3 people × 2 days wanted, 1 remote a day possible → 5 of 6
    expect(r.summary).toMatchObject({ employees: 3, workingDays: 5, targetDays: 6, grantedDays: 5, employeesShort: 1, shortfallOffices: 1 });
    expect(r.shortfalls[0].officeName).toBe('Ufficio Tributi');
    expect(r.shortfalls[0].days.every((d) => d.peopleShort === 1 && d.required === 2)).toBe(true);
    expect(r.shortfalls[0].message).toMatch(/^Ufficio Tributi: per concedere tutti i giorni di lavoro agile previsti dagli accordi il \d\d\/03 manca 1 persona/);
    expect(r.outcomes.map((o) => o.name).sort()).toEqual(['A', 'B', 'C']);
    expect(r.outcomes.reduce((a, o) => a + o.shortfall, 0)).toBe(1);
    expect(r.message).toContain('concessi 5 giorni di lavoro agile su 6');
    expect(r.messageEn).toContain('5 remote days granted out of 6');
  });

  it('adds the remote pins the agreements do not allow to the pin conflicts', () => {
    const i = input();
    const result = planRemoteWork(i);
    const built = { input: i, calendar: {}, realPins: new Map(), uncoveredRemotePins: [{ employeeId: 'a', officeId: 'o', day: days[0], inForce: false }], withAgreement: new Set(['a']), agreementOnsite: new Map() };
    const r = buildReport(built, result, [], { loadMs: 0, planMs: 0, validateMs: 0, writeMs: 0 });
    expect(r.pinConflicts).toEqual([expect.objectContaining({ employeeId: 'a', kind: 'no-agreement', message: 'A: il 01/03 è fissato in lavoro agile ma in quel giorno non c’è un accordo individuale in vigore' })]);
    expect(r.message).toContain('1 giorno fissato a mano viola una regola');
  });
});
