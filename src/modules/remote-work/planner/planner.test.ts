import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fairCost, planRemoteWork, planRemoteWorkWithPaths, remoteDaysOf } from './planner.js';
import { validatePlan } from './plan-validator.js';
import { isoWeekKey, isoWeekday } from '../../../platform/calendar/rome.js';
import { workingDays } from '../../../platform/calendar/working-days.js';
import type { IsoWeekday, PlannerEmployee, PlannerInput } from './planner.types.js';

const march = workingDays('2026-03-02', '2026-03-13'); // two full weeks, 10 days

/** Exhaustive optimum of the lexicographic objective (tiny instances only). */
function bruteForce(input: PlannerInput): { granted: number; preferred: number; fairness: number } {
  const D = input.days.length;
  const emps = input.employees;
  // each employee: list of feasible day subsets (bitmasks) under its own rules
  const options = emps.map((e) => {
    const out: number[] = [];
    for (let mask = 0; mask < 1 << D; mask++) {
      let ok = true;
      const wk = new Map<string, number>();
      let month = 0;
      for (let d = 0; d < D && ok; d++) {
        if (!(mask & (1 << d))) continue;
        const day = input.days[d];
        if (!e.agreement || !e.agreement.allowedWeekdays.includes(isoWeekday(day)) || (e.absences ?? []).includes(day)) ok = false;
        const k = isoWeekKey(day);
        wk.set(k, (wk.get(k) ?? 0) + 1);
        month++;
        if (e.agreement?.maxRemotePerWeek != null && wk.get(k)! > e.agreement.maxRemotePerWeek) ok = false;
        if (e.agreement?.maxRemotePerMonth != null && month > e.agreement.maxRemotePerMonth) ok = false;
      }
      if (ok) out.push(mask);
    }
    return out;
  });
  const pc = (m: number) => { let c = 0; while (m) { c += m & 1; m >>>= 1; } return c; };
  const targets = options.map((o) => Math.max(...o.map(pc)));
  const prefMask = emps.map((e) => input.days.reduce((m, day, d) => m | ((e.preferredWeekdays ?? []).includes(isoWeekday(day)) ? 1 << d : 0), 0));
  let best = { granted: -1, preferred: -1, fairness: Infinity };
  const chosen: number[] = [];
  const rec = (i: number) => {
    if (i === emps.length) {
      for (const o of input.offices) {
        for (let d = 0; d < D; d++) {
          const rule = o.coverage.find((r) => r.weekday === isoWeekday(input.days[d]));
          if (!rule) continue;
          let onSite = 0, desk = 0;
          emps.forEach((e, k) => {
            if (e.officeId !== o.id || (e.absences ?? []).includes(input.days[d]) || chosen[k] & (1 << d)) return;
            onSite++;
            if (e.skills.includes('sportello')) desk++;
          });
          if (onSite < rule.minOnSite) return;
          for (const s of rule.skills ?? []) if (desk < s.minOnSite) return;
        }
      }
      const granted = chosen.reduce((a, m) => a + pc(m), 0);
      const preferred = chosen.reduce((a, m, k) => a + pc(m & prefMask[k]), 0);
      const fairness = chosen.reduce((a, m, k) => a + fairCost(targets[k] - pc(m), targets[k]), 0);
      if (granted > best.granted || (granted === best.granted && (preferred > best.preferred || (preferred === best.preferred && fairness < best.fairness)))) {
        best = { granted, preferred, fairness };
      }
      return;
    }
    for (const m of options[i]) { chosen[i] = m; rec(i + 1); }
  };
  rec(0);
  return best;
}

const weekdaysArb = fc.subarray([1, 2, 3, 4, 5] as IsoWeekday[], { minLength: 1 });
const employeeArb = (i: number, days: string[]) => fc.record({
  hasAgreement: fc.boolean(),
  allowed: weekdaysArb,
  week: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  month: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
  desk: fc.boolean(),
  pref: fc.subarray([1, 2, 3, 4, 5] as IsoWeekday[], { maxLength: 2 }),
  absences: fc.subarray(days, { maxLength: 2 }),
}).map((r): PlannerEmployee => ({
  id: `e${i}`, officeId: 'o', skills: r.desk ? ['sportello'] : [],
  agreement: r.hasAgreement ? { allowedWeekdays: r.allowed, maxRemotePerWeek: r.week, maxRemotePerMonth: r.month } : null,
  preferredWeekdays: r.pref, absences: r.absences,
}));
const instanceArb = (days: string[], maxEmp: number) => fc.integer({ min: 1, max: maxEmp }).chain((n) => fc.record({
  employees: fc.tuple(...Array.from({ length: n }, (_, i) => employeeArb(i, days))),
  mins: fc.array(fc.integer({ min: 0, max: n }), { minLength: 5, maxLength: 5 }),
  desk: fc.integer({ min: 0, max: 2 }),
})).map(({ employees, mins, desk }): PlannerInput => ({
  days,
  offices: [{ id: 'o', name: 'Ufficio Tributi', coverage: mins.map((m, k) => ({ weekday: (k + 1) as IsoWeekday, minOnSite: m, skills: desk ? [{ skill: 'sportello', minOnSite: desk }] : undefined })) }],
  employees,
}));

describe('planner', () => {
  it('always produces plans that pass the validator (property)', () => {
    fc.assert(fc.property(instanceArb(march, 8), (input) => {
      const res = planRemoteWork(input);
      const v = validatePlan(input, res.plan).filter((x) => x.avoidable !== false);
      expect(v).toEqual([]);
      for (const o of res.outcomes) expect(o.granted).toBeLessThanOrEqual(o.target);
    }), { numRuns: 300 });
  });

  it('is optimal (lexicographic) against an exhaustive search on tiny instances', () => {
    const days = march.slice(0, 5);
    fc.assert(fc.property(instanceArb(days, 4), (input) => {
      const res = planRemoteWork(input);
      const best = bruteForce(input);
      if (best.granted < 0) return; // absences make coverage impossible: nothing to compare
      expect(res.stats.totalGranted).toBe(best.granted);
      expect(res.stats.preferredGranted).toBe(best.preferred);
      expect(res.stats.fairnessCost).toBe(best.fairness);
    }), { numRuns: 200 });
  });

  it('grants preferred days first and spreads shortfalls fairly', () => {
    const days = march.slice(0, 5);
    const emp = (id: string, pref: IsoWeekday[]): PlannerEmployee => ({ id, officeId: 'o', skills: [], preferredWeekdays: pref,
      agreement: { allowedWeekdays: [1, 2, 3, 4, 5], maxRemotePerWeek: 2 } });
    // 4 people, at most 1 remote per day (5 slots), each wants 2 days (8): 3 days short in all
    const input: PlannerInput = { days, offices: [{ id: 'o', name: 'Ufficio Anagrafe', coverage: [1, 2, 3, 4, 5].map((w) => ({ weekday: w as IsoWeekday, minOnSite: 3 })) }],
      employees: [emp('a', [5]), emp('b', [1]), emp('c', [5]), emp('d', [])] };
    const res = planRemoteWork(input);
    expect(res.stats.totalGranted).toBe(5);
    expect(res.stats.preferredGranted).toBe(2); // Monday to b, Friday to a or c
    const granted = res.outcomes.map((o) => o.granted).sort();
    expect(granted).toEqual([1, 1, 1, 2]); // nobody loses both days
    expect(validatePlan(input, res.plan)).toEqual([]);
    // exact shortfall report
    expect(res.shortfalls.length).toBeGreaterThan(0);
    for (const s of res.shortfalls) {
      expect(s.remainingIfGranted).toBeLessThan(s.required);
      expect(s.peopleShort).toBe(s.required - s.remainingIfGranted);
    }
  });

  it('explains impossible coverage with office, day and people short', () => {
    const days = ['2026-03-12']; // a Thursday
    const input: PlannerInput = { days, offices: [{ id: 't', name: 'Ufficio Tributi', coverage: [{ weekday: 4, minOnSite: 3 }] }],
      employees: ['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), officeId: 't', skills: [], agreement: { allowedWeekdays: [4] as IsoWeekday[] } })) };
    input.employees[3].absences = ['2026-03-12'];
    const res = planRemoteWork(input);
    expect(res.stats.totalGranted).toBe(0);
    expect(res.shortfalls).toHaveLength(1);
    expect(res.shortfalls[0]).toMatchObject({ officeId: 't', day: '2026-03-12', required: 3, present: 3, remoteGranted: 0, remainingIfGranted: 0, peopleShort: 3 });
    expect(res.shortfalls[0].message).toMatch(/^Ufficio Tributi: il 12\/03 servono 3 persone in sede, ne restano 0 disponibili/);
    // one more person absent: the minimum is impossible even with nobody remote
    input.employees[2].absences = ['2026-03-12'];
    const res2 = planRemoteWork(input);
    expect(res2.shortfalls[0]).toMatchObject({ present: 2, remainingIfGranted: 0, peopleShort: 3, refusedEmployeeIds: ['a', 'b'] });
    expect(validatePlan(input, res2.plan)).toMatchObject([{ kind: 'coverage', avoidable: false }]);
  });

  it('keeps pins, plans around them and reports pins that break a rule', () => {
    const days = march.slice(0, 5);
    const input: PlannerInput = { days, offices: [{ id: 'o', name: 'Ufficio Tecnico', coverage: [1, 2, 3, 4, 5].map((w) => ({ weekday: w as IsoWeekday, minOnSite: 1 })) }],
      employees: [
        { id: 'a', officeId: 'o', skills: [], agreement: { allowedWeekdays: [1, 2], maxRemotePerWeek: 1 }, pins: { '2026-03-02': 'remote', '2026-03-03': 'remote' }, preferredWeekdays: [3] },
        { id: 'b', officeId: 'o', skills: [], agreement: { allowedWeekdays: [1, 2, 3, 4, 5], maxRemotePerWeek: 5 }, pins: { '2026-03-04': 'onsite' } },
      ] };
    const res = planRemoteWork(input);
    expect(remoteDaysOf(res.plan, 'a')).toEqual(['2026-03-02', '2026-03-03']);
    // Monday and Tuesday: a is pinned remote, so b must stay; Wednesday is pinned on site
    expect(remoteDaysOf(res.plan, 'b')).toEqual(['2026-03-05', '2026-03-06']);
    expect(res.pinConflicts.map((c) => c.kind)).toEqual(['weekly-cap']);
    expect(res.pinConflicts[0].message).toContain("l'accordo ne consente 1");
    const v = validatePlan(input, res.plan).map((x) => x.kind).sort();
    expect(v).toEqual(['weekly-cap']);
    // a pin that breaks the office minimum is reported too
    input.offices[0].coverage = [{ weekday: 1, minOnSite: 2 }];
    expect(planRemoteWork(input).pinConflicts.map((c) => c.kind)).toEqual(['coverage', 'weekly-cap']);
  });

  it('handles people with two coverage skills (heuristic) without violations', () => {
    fc.assert(fc.property(instanceArb(march, 8), fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }), (input, both) => {
      input.offices[0].coverage.forEach((r) => { r.skills = [{ skill: 'sportello', minOnSite: 1 }, { skill: 'protocollo', minOnSite: 1 }]; });
      input.employees.forEach((e, i) => { if (both[i]) e.skills = ['sportello', 'protocollo']; });
      const res = planRemoteWork(input);
      expect(validatePlan(input, res.plan).filter((x) => x.avoidable !== false)).toEqual([]);
    }), { numRuns: 200 });
  });

  it('takes the greedy and the flow without fairness only where they reach the full flow\'s optimum (property)', () => {
    // several offices per input, a range where an ISO week straddles two months, up to 12 people
    const range = workingDays('2026-03-16', '2026-04-10');
    const seen = { greedy: 0, flowNoFairness: 0, flowFull: 0 };
    // in a crowded office everybody prefers Friday: preferred days compete for the same slots
    const part = fc.tuple(instanceArb(range, 12), fc.boolean());
    const multi = fc.array(part, { minLength: 1, maxLength: 3 }).map((parts): PlannerInput => ({
      days: range,
      offices: parts.map(([p], k) => ({ ...p.offices[0], id: `o${k}` })),
      employees: parts.flatMap(([p, crowded], k) => p.employees.map((e) => ({
        ...e, id: `o${k}-${e.id}`, officeId: `o${k}`, preferredWeekdays: crowded ? [5 as IsoWeekday] : e.preferredWeekdays,
      }))),
    }));
    fc.assert(fc.property(multi, (input) => {
      const fast = planRemoteWorkWithPaths(input);
      const full = planRemoteWorkWithPaths(input, {}, false);
      expect(full.paths.greedy + full.paths.flowNoFairness).toBe(0);
      for (const k of ['greedy', 'flowNoFairness', 'flowFull'] as const) seen[k] += fast.paths[k];
      const a = fast.result.stats, b = full.result.stats;
      expect([a.totalGranted, a.preferredGranted, a.fairnessCost, a.totalTarget]).toEqual([b.totalGranted, b.preferredGranted, b.fairnessCost, b.totalTarget]);
      expect(fast.result.outcomes.map((o) => o.target)).toEqual(full.result.outcomes.map((o) => o.target));
      expect(validatePlan(input, fast.result.plan).filter((x) => x.avoidable !== false)).toEqual([]);
      // shortfall reports only where someone is short or a minimum cannot be met
      const short = fast.result.outcomes.some((o) => o.shortfall > 0);
      if (!short) for (const s of fast.result.shortfalls) expect(s.refusedEmployeeIds).toEqual([]);
      // deterministic
      expect(planRemoteWork(input).plan.remote).toEqual(fast.result.plan.remote);
    }), { numRuns: 300 });
    // every path was exercised
    expect(seen.greedy).toBeGreaterThan(20);
    expect(seen.flowNoFairness).toBeGreaterThan(20);
    expect(seen.flowFull).toBeGreaterThan(20);
  });

  it('refuses malformed input', () => {
    expect(() => planRemoteWork({ days: ['2026-03-03', '2026-03-02'], offices: [], employees: [] })).toThrow(RangeError);
    expect(() => planRemoteWork({ days: march, offices: [], employees: [{ id: 'x', officeId: 'nope', skills: [] }] })).toThrow(/ufficio sconosciuto/);
  });
});
