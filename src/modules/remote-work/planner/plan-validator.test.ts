import { describe, expect, it } from 'vitest';
import { validatePlan } from './plan-validator.js';
import { planFromAssignments } from './planner.js';
import fc from 'fast-check';
import type { IsoWeekday, Plan, PlannerEmployee, PlannerInput, Violation } from './planner.types.js';
import { isoWeekKey, isoWeekday } from '../../../platform/calendar/rome.js';
import { workingDays } from '../../../platform/calendar/working-days.js';

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

/**
 * Reference validator for the property test below: the rules written as plainly as possible
 * (sets, maps, strings, one office at a time), with no concern for speed. The fast validator must
 * return exactly the same violations, in the same order.
 */
function referenceValidate(input: PlannerInput, plan: Plan): Violation[] {
  const out: Violation[] = [];
  const P = plan.days.length;
  if (plan.remote.length !== P * plan.employeeIds.length) return [{ kind: 'malformed', message: `Piano malformato: attese ${P * plan.employeeIds.length} celle, trovate ${plan.remote.length}` }];
  for (let j = 0; j < P; j++) if (plan.days.indexOf(plan.days[j]) !== j) return [{ kind: 'malformed', day: plan.days[j], message: `Piano malformato: il giorno ${plan.days[j]} compare due volte` }];
  for (let r = 0; r < plan.employeeIds.length; r++) {
    const id = plan.employeeIds[r];
    if (plan.employeeIds.indexOf(id) !== r) return [{ kind: 'malformed', employeeId: id, message: `Piano malformato: il dipendente ${id} compare due volte` }];
  }
  for (const id of plan.employeeIds) if (!input.employees.some((e) => e.id === id)) out.push({ kind: 'malformed', employeeId: id, message: `Piano malformato: dipendente sconosciuto ${id}` });
  const isRemote = (id: string, day: string) => {
    const r = plan.employeeIds.indexOf(id), j = plan.days.indexOf(day);
    return r >= 0 && j >= 0 && plan.remote[r * P + j] === 1;
  };
  const d2 = (day: string) => `${day.slice(8, 10)}/${day.slice(5, 7)}`;
  for (const e of input.employees) {
    const who = e.name ?? e.id;
    const abs = e.absences ?? [];
    for (const [day, kind] of Object.entries(e.pins ?? {})) {
      const inPlan = plan.days.includes(day);
      const rem = isRemote(e.id, day);
      if (!inPlan && kind === 'remote') out.push({ kind: 'pin-not-respected', officeId: e.officeId, employeeId: e.id, day, message: `${who}: il ${d2(day)} è fissato in lavoro agile ma il giorno non è nel piano` });
      else if (inPlan && rem !== (kind === 'remote')) out.push({ kind: 'pin-not-respected', officeId: e.officeId, employeeId: e.id, day,
        message: `${who}: il ${d2(day)} è fissato ${kind === 'remote' ? 'in lavoro agile' : 'in sede'} ma il piano lo mette ${rem ? 'in lavoro agile' : 'in sede'}` });
    }
    if (!plan.employeeIds.includes(e.id)) continue;
    const weeks = new Map<string, number>(), months = new Map<string, number>();
    for (const day of plan.days) {
      if (!isRemote(e.id, day)) continue;
      if (!input.days.includes(day)) out.push({ kind: 'non-working-day', officeId: e.officeId, employeeId: e.id, day, message: `${who}: lavoro agile il ${d2(day)}, giorno non lavorativo (non è un giorno lavorativo del periodo)` });
      if (abs.includes(day)) { out.push({ kind: 'absence-day', officeId: e.officeId, employeeId: e.id, day, message: `${who}: lavoro agile il ${d2(day)}, giorno di assenza` }); continue; }
      if (!e.agreement) out.push({ kind: 'no-agreement', officeId: e.officeId, employeeId: e.id, day, message: `${who}: lavoro agile il ${d2(day)} senza accordo individuale` });
      else if (!e.agreement.allowedWeekdays.includes(isoWeekday(day))) out.push({ kind: 'forbidden-weekday', officeId: e.officeId, employeeId: e.id, day, message: `${who}: lavoro agile il ${d2(day)}, giorno della settimana non previsto dall'accordo` });
      weeks.set(isoWeekKey(day), (weeks.get(isoWeekKey(day)) ?? 0) + 1);
      months.set(day.slice(0, 7), (months.get(day.slice(0, 7)) ?? 0) + 1);
    }
    const maxW = e.agreement?.maxRemotePerWeek, maxM = e.agreement?.maxRemotePerMonth;
    if (maxW != null) for (const [wk, n] of weeks) if (n > maxW) out.push({ kind: 'weekly-cap', officeId: e.officeId, employeeId: e.id, day: wk, required: maxW, actual: n, message: `${who}: ${n} giorni di lavoro agile nella settimana ${wk}, l'accordo ne consente ${maxW}` });
    if (maxM != null) for (const [mk, n] of months) if (n > maxM) out.push({ kind: 'monthly-cap', officeId: e.officeId, employeeId: e.id, day: mk, required: maxM, actual: n, message: `${who}: ${n} giorni di lavoro agile nel mese ${mk}, l'accordo ne consente ${maxM}` });
  }
  for (const o of input.offices) {
    for (const day of input.days) {
      const people = input.employees.filter((e) => e.officeId === o.id && !(e.absences ?? []).includes(day));
      const onSite = people.filter((e) => !isRemote(e.id, day));
      for (const rule of o.coverage) {
        if (rule.weekday !== isoWeekday(day)) continue;
        if (onSite.length < rule.minOnSite) out.push({ kind: 'coverage', officeId: o.id, day, required: rule.minOnSite, actual: onSite.length, avoidable: people.length >= rule.minOnSite,
          message: `${o.name}: il ${d2(day)} servono ${rule.minOnSite === 1 ? '1 persona' : `${rule.minOnSite} persone`} in sede, ce ne sono ${onSite.length}` });
        for (const sk of rule.skills ?? []) {
          const has = (e: PlannerEmployee) => e.skills.includes(sk.skill);
          const sp = people.filter(has).length, ss = onSite.filter(has).length;
          if (ss < sk.minOnSite) out.push({ kind: 'skill-coverage', officeId: o.id, day, skill: sk.skill, required: sk.minOnSite, actual: ss, avoidable: sp >= sk.minOnSite,
            message: `${o.name}: il ${d2(day)} servono ${sk.minOnSite === 1 ? '1 persona' : `${sk.minOnSite} persone`} con competenza '${sk.skill}' in sede, ce ne sono ${ss}` });
        }
      }
    }
  }
  return out;
}

describe('plan validator against the reference (property)', () => {
  const range = workingDays('2026-03-23', '2026-04-10'); // crosses a month inside an ISO week
  const extra = ['2026-03-28', '2026-04-06']; // a Saturday and Easter Monday: not working days
  const wd = fc.subarray([1, 2, 3, 4, 5] as IsoWeekday[]);
  const empArb = (i: number) => fc.record({
    office: fc.integer({ min: 0, max: 2 }),
    skills: fc.subarray(['sportello', 'protocollo', 'altro']),
    agreement: fc.option(fc.record({ allowedWeekdays: wd, maxRemotePerWeek: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }), maxRemotePerMonth: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }) }), { nil: null }),
    absences: fc.subarray([...range, ...extra], { maxLength: 3 }),
    pins: fc.dictionary(fc.constantFrom(...range, ...extra), fc.constantFrom('remote' as const, 'onsite' as const), { maxKeys: 2 }),
  }).map((r): PlannerEmployee => ({ id: `e${i}`, name: i % 2 ? `Persona ${i}` : undefined, officeId: r.office === 2 ? 'ignoto' : `o${r.office}`, skills: r.skills, agreement: r.agreement, absences: r.absences, pins: r.pins }));
  const ruleArb = fc.record({ min: fc.integer({ min: 0, max: 4 }), desk: fc.integer({ min: 0, max: 2 }), proto: fc.integer({ min: 0, max: 1 }) });
  const caseArb = fc.integer({ min: 0, max: 7 }).chain((n) => fc.record({
    employees: fc.tuple(...Array.from({ length: n }, (_, i) => empArb(i))),
    rules: fc.array(fc.tuple(fc.integer({ min: 1, max: 5 }), ruleArb), { maxLength: 7 }),
    withExtra: fc.boolean(),
    dropRow: fc.boolean(),
    strangerRow: fc.boolean(),
    density: fc.double({ min: 0, max: 1, noNaN: true }),
    seed: fc.integer(),
  }));
  it('returns the same violations in the same order as the plain reference', () => {
    fc.assert(fc.property(caseArb, (c) => {
      const input: PlannerInput = {
        days: range,
        offices: ['o0', 'o1'].map((id, k) => ({ id, name: `Ufficio ${k}`, coverage: c.rules.filter((_, r) => r % 2 === k).map(([w, r]) => ({
          weekday: w as IsoWeekday, minOnSite: r.min,
          skills: r.desk || r.proto ? [{ skill: 'sportello', minOnSite: r.desk }, ...(r.proto ? [{ skill: 'protocollo', minOnSite: r.proto }] : [])] : undefined,
        })) })),
        employees: c.employees,
      };
      const days = c.withExtra ? [...range, ...extra] : range;
      const ids = c.employees.map((e) => e.id).filter((_, i) => !(c.dropRow && i === 0));
      if (c.strangerRow) ids.push('sconosciuto');
      let x = c.seed >>> 0;
      const remote = new Uint8Array(ids.length * days.length).map(() => { x = (Math.imul(x, 1664525) + 1013904223) >>> 0; return x / 2 ** 32 < c.density ? 1 : 0; });
      const plan: Plan = { days, employeeIds: ids, remote };
      expect(validatePlan(input, plan)).toEqual(referenceValidate(input, plan));
      const all = referenceValidate(input, plan);
      if (all.length > 1) expect(validatePlan(input, plan, { limit: 1 })).toEqual(all.slice(0, 1));
    }), { numRuns: 400 });
  });
});
