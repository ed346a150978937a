/** The POLA's pure rules: the simplified switch, baselines, default and saved targets, target checks, terms and coverage in words. */
import { describe, expect, it } from 'vitest';
import { INDICATORS, baselines, phaseOfYear, programme, share, simplifiedForm, targetValueProblem, valueIt, type BaselineInput } from './pola-indicators.js';
import { coverageLabel, reachabilityLabel, remoteDaysLabel, termsSummary } from './pola-terms.js';
import type { InForceAgreementRow } from './pola.repo.js';

describe('simplified form', () => {
  it('is automatic up to 50 active employees, not from 51, and HR’s choice wins', () => {
    expect(simplifiedForm(0, null).applied).toBe(true);
    expect(simplifiedForm(50, null)).toEqual({ applied: true, automatic: true, override: null, threshold: 50 });
    expect(simplifiedForm(51, null)).toEqual({ applied: false, automatic: false, override: null, threshold: 50 });
    expect(simplifiedForm(51, true).applied).toBe(true);
    expect(simplifiedForm(12, false).applied).toBe(false);
  });
});

const declaredNone: BaselineInput['declared'] = {
  helpdesk: null,
  managersTrainedPercent: null,
  workersTrainedPercent: null,
  devicesProvided: null,
  vpn: null,
  intranet: null,
  collaborationTools: null,
  remoteAppsPercent: null,
  digitalSignatureHolders: null,
  digitisedProcessesPercent: null,
  trainingCostCents: null,
  hardwareInvestmentCents: null,
  digitisationInvestmentCents: null,
};
const input: BaselineInput = {
  agreementSharePercent: 40,
  remoteSharePercent: 25.5,
  offices: 3,
  officesWithActivities: 2,
  officesWithCoverage: 0,
  activeEmployees: 10,
  employeesWithObjectives: 3,
  agreementsInForce: 4,
  agreementsWithSafety: 3,
  remoteWorkers: 4,
  declared: declaredNone,
};

describe('baselines', () => {
  it('has one value per indicator of the catalogue, live ones from the figures, declared ones null until declared', () => {
    const b = baselines(input);
    expect(Object.keys(b).sort()).toEqual(INDICATORS.map((i) => i.key).sort());
    expect(b['impl.agreement_share']).toBe(40);
    expect(b['org.activities_mapped']).toBe(66.7);
    expect(b['org.coverage_rules']).toBe(0);
    expect(b['org.objectives_coverage']).toBe(30);
    expect(b['prof.safety_acknowledged']).toBe(75);
    expect(b['dig.vpn']).toBeNull();
    expect(b['dig.devices']).toBeNull();
  });

  it('declared values: booleans as 1/0, per-worker shares capped at 100, none without remote workers', () => {
    const b = baselines({ ...input, declared: { ...declaredNone, vpn: false, helpdesk: true, devicesProvided: 3, digitalSignatureHolders: 9, trainingCostCents: 150000 } });
    expect(b['dig.vpn']).toBe(0);
    expect(b['org.helpdesk']).toBe(1);
    expect(b['dig.devices']).toBe(75);
    expect(b['dig.signature']).toBe(100);
    expect(b['eco.training']).toBe(150000);
    expect(baselines({ ...input, remoteWorkers: 0, declared: { ...declaredNone, devicesProvided: 3 } })['dig.devices']).toBeNull();
    expect(share(1, 0)).toBeNull();
  });
});

describe('programme', () => {
  it('three years; saved targets win; the share of remote workers defaults to equal steps to the body’s target', () => {
    const base = baselines(input);
    const pr = programme(2027, base, [{ indicator: 'dig.vpn', year: 2028, value: 1 }], 60, false);
    expect(pr).toHaveLength(INDICATORS.length);
    const share = pr.find((x) => x.key === 'impl.agreement_share')!;
    expect(share.targets).toEqual([
      { year: 2027, value: 46.7, isDefault: true },
      { year: 2028, value: 53.3, isDefault: true },
      { year: 2029, value: 60, isDefault: true },
    ]);
    const vpn = pr.find((x) => x.key === 'dig.vpn')!;
    expect(vpn.targets.map((t) => t.value)).toEqual([null, 1, null]);
    expect(vpn.targets[1].isDefault).toBe(false);
    // above the target: the default keeps the baseline
    const over = programme(2027, { ...base, 'impl.agreement_share': 70 }, [], 60, false).find((x) => x.key === 'impl.agreement_share')!;
    expect(over.targets.map((t) => t.value)).toEqual([70, 70, 70]);
    // the simplified form keeps only the essential indicators, of every dimension
    const simple = programme(2027, base, [], 60, true);
    expect(simple.every((x) => x.simplified)).toBe(true);
    expect(new Set(simple.map((x) => x.dimension))).toEqual(new Set(['implementation', 'organisational', 'professional', 'digital', 'economic']));
  });

  it('phases by year', () => {
    expect([2026, 2027, 2028, 2029, 2025].map((y) => phaseOfYear(2026, y))).toEqual(['start', 'intermediate', 'advanced', null, null]);
  });

  it('checks a target against its unit', () => {
    expect(targetValueProblem('percent', 60.5)).toBeNull();
    expect(targetValueProblem('percent', 100.1)).toMatch(/0 a 100/);
    expect(targetValueProblem('percent', 33.33)).toMatch(/decimale/);
    expect(targetValueProblem('boolean', 1)).toBeNull();
    expect(targetValueProblem('boolean', 0.5)).toMatch(/1 \(sì\) o 0/);
    expect(targetValueProblem('cents', 100)).toBeNull();
    expect(targetValueProblem('cents', 1.5)).toMatch(/centesimi/);
    expect(targetValueProblem('cents', -1)).toMatch(/non negativo/);
    expect(targetValueProblem('percent', Number.NaN)).toMatch(/non negativo/);
  });

  it('writes values in Italian', () => {
    expect(valueIt('percent', 41.7)).toBe('41,7%');
    expect(valueIt('boolean', 1)).toBe('sì');
    expect(valueIt('cents', 123456789)).toBe('1.234.567,89 €');
    expect(valueIt('percent', null, 'da definire')).toBe('da definire');
  });
});

const row = (over: Partial<InForceAgreementRow>): InForceAgreementRow => ({
  employeeId: 'e',
  maxRemotePerWeek: 2,
  maxRemotePerMonth: null,
  hasPlan: false,
  allowedWeekdays: [1, 2, 3, 4, 5],
  reachability: { '1': [['09:00', '12:00']] },
  workingFrom: '08:00',
  workingTo: '19:00',
  disconnectionFrom: '19:00',
  disconnectionTo: '08:00',
  placeRules: '',
  equipment: '',
  safetyAcknowledged: true,
  ...over,
});

describe('terms of the agreements in force', () => {
  it('tallies days, weekdays, hours, windows, places and equipment', () => {
    const s = termsSummary([
      row({}),
      row({ maxRemotePerWeek: 1, allowedWeekdays: [1], equipment: 'PC portatile', placeRules: 'Solo dal domicilio' }),
      row({ maxRemotePerWeek: null, maxRemotePerMonth: 8, equipment: ' PC   portatile ', safetyAcknowledged: false, reachability: { '1': [['15:00', '16:00'], ['09:00', '12:00']], '2': [['09:00', '12:00']] } }),
    ]);
    expect(s.inForce).toBe(3);
    expect(s.remoteDays).toEqual([
      { value: 'fino a 1 giorno a settimana', agreements: 1 },
      { value: 'fino a 2 giorni a settimana', agreements: 1 },
      { value: 'fino a 8 giorni al mese', agreements: 1 },
    ]);
    expect(s.weekdays).toEqual([
      { weekday: 1, agreements: 3 },
      { weekday: 2, agreements: 2 },
      { weekday: 3, agreements: 2 },
      { weekday: 4, agreements: 2 },
      { weekday: 5, agreements: 2 },
    ]);
    expect(s.reachability).toEqual([
      { value: '09:00–12:00', agreements: 2 },
      { value: '09:00–12:00 e 15:00–16:00', agreements: 1 },
    ]);
    expect(s.equipment).toEqual([{ value: 'PC portatile', agreements: 2 }]);
    expect(s.equipmentStandard).toBe(1);
    expect(s.placeSpecific).toBe(1);
    expect(s.safetyAcknowledged).toBe(2);
    expect(remoteDaysLabel({ maxRemotePerWeek: null, maxRemotePerMonth: null, hasPlan: true })).toBe('calendario concordato');
    expect(reachabilityLabel({})).toBe('non indicate');
  });

  it('the top five equipment texts, the rest counted', () => {
    const rows = ['a', 'b', 'c', 'd', 'e', 'f', 'f', 'g'].map((e) => row({ equipment: e }));
    const s = termsSummary(rows);
    expect(s.equipment.map((x) => x.value)).toEqual(['f', 'a', 'b', 'c', 'd']);
    expect(s.equipmentOther).toBe(2);
  });

  it('coverage rules in words, grouped by minimum', () => {
    const rules = [1, 2, 3, 4, 5].map((w) => ({ weekday: w, skill: '', minOnSite: 4 }));
    expect(coverageLabel(rules)).toEqual([{ skill: '', text: 'lun–ven: 4' }]);
    expect(
      coverageLabel([
        { weekday: 1, skill: 'sportello', minOnSite: 2 },
        { weekday: 3, skill: 'sportello', minOnSite: 2 },
        { weekday: 4, skill: 'sportello', minOnSite: 3 },
        { weekday: 5, skill: 'sportello', minOnSite: 0 },
        { weekday: 1, skill: '', minOnSite: 1 },
      ]),
    ).toEqual([
      { skill: '', text: 'lun: 1' },
      { skill: 'sportello', text: 'lun, mer: 2; gio: 3' },
    ]);
  });
});
