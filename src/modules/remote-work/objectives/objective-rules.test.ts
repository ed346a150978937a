/** Work by objectives, the pure rules: objective fields, report checks, progress and status. */
import { describe, expect, it } from 'vitest';
import { achievedPercent, expectedPercent, objectiveProblems, objectiveProgress, reportProblems, valueProblem, type ObjectiveInput } from './objective-rules.js';

const good: ObjectiveInput = {
  title: 'Pratiche evase entro 30 giorni',
  startsOn: '2027-01-01',
  endsOn: '2027-12-31',
  indicators: [
    { name: 'Pratiche evase', unit: '%', valueType: 'percent', baseline: 60, target: 90, direction: 'increase' },
    { name: 'Giorni medi di attesa', unit: 'giorni', valueType: 'integer', baseline: 40, target: 20, direction: 'decrease' },
  ],
  responsibleUserIds: ['u1'],
};

describe('objective fields', () => {
  it('a good objective has no problems', () => {
    expect(objectiveProblems(good)).toEqual([]);
  });

  it('period: end before start, more than three years', () => {
    expect(objectiveProblems({ ...good, endsOn: '2026-12-31' }).map((p) => p.field)).toEqual(['endsOn']);
    expect(objectiveProblems({ ...good, endsOn: '2030-01-05' })[0].message).toMatch(/tre anni/);
    expect(objectiveProblems({ ...good, endsOn: '2027-01-01' })).toEqual([]);
  });

  it('indicators: the target on the side of the direction, values of the type, names unique, 1 to 20', () => {
    const flip = { ...good.indicators[0], target: 50 };
    expect(objectiveProblems({ ...good, indicators: [flip] })).toEqual([{ code: 'objective.invalid_indicator', field: 'indicators.0.target', message: expect.stringMatching(/aumentare/) }]);
    const same = { ...good.indicators[1], target: 40 };
    expect(objectiveProblems({ ...good, indicators: [same] })[0].code).toBe('objective.invalid_indicator');
    expect(objectiveProblems({ ...good, indicators: [{ ...good.indicators[0], baseline: 120 }] })[0]).toMatchObject({ code: 'objective.invalid', field: 'indicators.0.baseline' });
    expect(objectiveProblems({ ...good, indicators: [{ ...good.indicators[1], target: 12.5 }] })[0]).toMatchObject({ field: 'indicators.0.target', message: expect.stringMatching(/intero/) });
    expect(objectiveProblems({ ...good, indicators: [good.indicators[0], { ...good.indicators[0], name: ' pratiche EVASE ' }] })[0].message).toMatch(/stesso nome/);
    expect(objectiveProblems({ ...good, indicators: [] })[0].field).toBe('indicators');
    expect(objectiveProblems({ ...good, indicators: Array.from({ length: 21 }, (_, i) => ({ ...good.indicators[0], name: `i${i}` })) })[0].field).toBe('indicators');
  });

  it('responsible people: 1 to 20, no repeats', () => {
    expect(objectiveProblems({ ...good, responsibleUserIds: [] })[0].field).toBe('responsibleUserIds');
    expect(objectiveProblems({ ...good, responsibleUserIds: ['a', 'a'] })[0].message).toMatch(/due volte/);
  });

  it('value types', () => {
    expect(valueProblem('number', 1.25)).toBeNull();
    expect(valueProblem('number', 1.255)).toMatch(/due decimali/);
    expect(valueProblem('number', -3)).toBeNull();
    expect(valueProblem('integer', 3)).toBeNull();
    expect(valueProblem('percent', -1)).toMatch(/0 a 100/);
    expect(valueProblem('number', Number.POSITIVE_INFINITY)).toMatch(/numero/);
    expect(valueProblem('number', 2e12)).toMatch(/grande/);
  });
});

describe('reports', () => {
  const o = { startsOn: '2027-01-01', endsOn: '2027-06-30' };
  const inds = [
    { id: 'a', name: 'Pratiche evase', valueType: 'percent' as const },
    { id: 'b', name: 'Giorni medi di attesa', valueType: 'integer' as const },
  ];
  const values = [
    { indicatorId: 'a', value: 70 },
    { indicatorId: 'b', value: 35 },
  ];
  it('inside the period, not in the future, one value of the right type for every indicator', () => {
    expect(reportProblems(o, inds, { reportedOn: '2027-03-01', values }, '2027-03-01')).toEqual([]);
    expect(reportProblems(o, inds, { reportedOn: '2027-01-01', values }, '2027-03-01')).toEqual([]);
    expect(reportProblems(o, inds, { reportedOn: '2026-12-31', values }, '2027-03-01')[0].code).toBe('objective.report_outside_period');
    expect(reportProblems(o, inds, { reportedOn: '2027-07-01', values }, '2027-09-01')[0].code).toBe('objective.report_outside_period');
    expect(reportProblems(o, inds, { reportedOn: '2027-03-02', values }, '2027-03-01')[0].code).toBe('objective.report_in_future');
    expect(reportProblems(o, inds, { reportedOn: '2027-03-01', values: [values[0], { indicatorId: 'b', value: 35.5 }] }, '2027-03-01')[0]).toMatchObject({
      code: 'objective.report_invalid_value',
      field: 'values.1.value',
    });
    expect(reportProblems(o, inds, { reportedOn: '2027-03-01', values: [values[0]] }, '2027-03-01')[0].message).toMatch(/manca il valore di «Giorni medi di attesa»/);
    expect(reportProblems(o, inds, { reportedOn: '2027-03-01', values: [...values, { indicatorId: 'z', value: 1 }] }, '2027-03-01')[0].field).toBe('values.2.indicatorId');
    expect(reportProblems(o, inds, { reportedOn: '2027-03-01', values: [...values, values[0]] }, '2027-03-01')[0].message).toMatch(/due volte/);
  });
});

describe('progress', () => {
  it('share of the way from baseline to target, in both directions, clamped', () => {
    expect(achievedPercent(60, 90, 75)).toBe(50);
    expect(achievedPercent(40, 20, 35)).toBe(25);
    expect(achievedPercent(40, 20, 45)).toBe(0);
    expect(achievedPercent(40, 20, 10)).toBe(100);
    expect(achievedPercent(0, 3, 1)).toBe(33.3);
  });

  it('expected by the elapsed share of the period', () => {
    expect(expectedPercent('2027-01-01', '2027-01-11', '2026-12-31')).toBe(0);
    expect(expectedPercent('2027-01-01', '2027-01-11', '2027-01-01')).toBe(0);
    expect(expectedPercent('2027-01-01', '2027-01-11', '2027-01-06')).toBe(50);
    expect(expectedPercent('2027-01-01', '2027-01-11', '2027-01-11')).toBe(100);
    expect(expectedPercent('2027-01-01', '2027-01-01', '2027-01-01')).toBe(100);
  });

  it('status: not started, on track, late, achieved, missed', () => {
    const o = { startsOn: '2027-01-01', endsOn: '2027-01-11' };
    const inds = [
      { id: 'a', baseline: 0, target: 10 },
      { id: 'b', baseline: 100, target: 50 },
    ];
    const latest = (a: number | null, b: number | null) => {
      const m = new Map<string, { value: number; on: string }>();
      if (a !== null) m.set('a', { value: a, on: '2027-01-05' });
      if (b !== null) m.set('b', { value: b, on: '2027-01-05' });
      return m;
    };
    expect(objectiveProgress(o, inds, latest(null, null), '2026-12-20').status).toBe('not_started');
    const half = objectiveProgress(o, inds, latest(6, 75), '2027-01-06');
    expect(half).toMatchObject({ achievedPercent: 55, expectedPercent: 50, status: 'on_track' });
    expect(half.indicators).toEqual([
      { indicatorId: 'a', latestValue: 6, latestOn: '2027-01-05', achievedPercent: 60 },
      { indicatorId: 'b', latestValue: 75, latestOn: '2027-01-05', achievedPercent: 50 },
    ]);
    // an indicator without values counts 0
    expect(objectiveProgress(o, inds, latest(10, null), '2027-01-08')).toMatchObject({ achievedPercent: 50, expectedPercent: 70, status: 'late' });
    expect(objectiveProgress(o, inds, latest(12, 40), '2027-01-03').status).toBe('achieved');
    expect(objectiveProgress(o, inds, latest(9, 50), '2027-01-12').status).toBe('missed');
  });
});
