import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AGREEMENT_STATUSES, RULE_CODES, addDays, agreementViolations, closingAction, daysBetween, disconnectionMinutes, inForceOn, isIsoDate, isoWeekday, lastDayInForce, monthsOfTerm, nextStatus, periodsOverlap, renewalViolation, requiredNoticeDays, violationMessage, weekKey, weekdaysInMonth, withdrawalDecision, type AgreementAction, type AgreementStatus, type AgreementTerms, type RuleViolation } from './agreement-rules.js';
import { romeDate } from '../../../platform/calendar/rome.js';

const windows = (days: number[], w: [string, string][] = [['09:30', '12:30']]) => Object.fromEntries(days.map((d) => [String(d), w]));

const base: AgreementTerms = {
  startsOn: '2027-01-04',
  endsOn: '2027-12-31',
  maxRemotePerWeek: 2,
  maxRemotePerMonth: null,
  allowedWeekdays: [1, 3, 5],
  monthlyPlan: null,
  reachability: windows([1, 3, 5]),
  workingFrom: '08:00',
  workingTo: '19:00',
  disconnectionFrom: '19:00',
  disconnectionTo: '08:00',
};

const check = (over: Partial<AgreementTerms>) => agreementViolations({ ...base, ...over });
const codes = (vs: RuleViolation[]) => vs.map((x) => x.code);

describe('dates', () => {
  it('recognises real calendar dates only', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-04-31')).toBe(false);
    expect(isIsoDate('2027-13-01')).toBe(false);
    expect(isIsoDate('27-01-01')).toBe(false);
    expect(isIsoDate(20270101)).toBe(false);
  });

  it('adds days across month ends, leap years and the daylight-saving change', () => {
    expect(addDays('2027-01-31', 30)).toBe('2027-03-02');
    expect(addDays('2028-01-31', 30)).toBe('2028-03-01');
    expect(addDays('2027-03-27', 2)).toBe('2027-03-29');
    expect(addDays('2027-10-30', 2)).toBe('2027-11-01');
    expect(daysBetween('2027-03-01', '2027-05-30')).toBe(90);
    fc.assert(fc.property(fc.integer({ min: 0, max: 40000 }), fc.integer({ min: -500, max: 500 }), (n, k) => {
      const d = addDays('1990-01-01', n);
      return daysBetween(d, addDays(d, k)) === k && isIsoDate(d);
    }));
  });

  it('knows ISO weekdays and weeks', () => {
    expect(isoWeekday('2027-01-04')).toBe(1);
    expect(isoWeekday('2027-01-10')).toBe(7);
    expect(weekKey('2027-01-10')).toBe('2027-01-04');
    expect(weekKey('2027-01-11')).toBe('2027-01-11');
    expect(weekKey('2027-01-01')).toBe('2026-12-28'); // a Friday in the ISO week that began in December
  });

  it('takes today in Europe/Rome, across midnight in winter and summer time', () => {
    expect(romeDate(Date.parse('2027-03-27T22:59:00Z'))).toBe('2027-03-27');
    expect(romeDate(Date.parse('2027-03-27T23:00:00Z'))).toBe('2027-03-28');
    expect(romeDate(Date.parse('2027-07-01T21:59:00Z'))).toBe('2027-07-01');
    expect(romeDate(Date.parse('2027-07-01T22:00:00Z'))).toBe('2027-07-02');
  });
});

describe('agreement terms', () => {
  it('accepts a complete fixed-term and open-ended agreement', () => {
    expect(check({})).toEqual([]);
    expect(check({ endsOn: null })).toEqual([]);
    expect(check({ endsOn: base.startsOn })).toEqual([]); // one day
  });

  it('refuses an end before the start and impossible dates', () => {
    expect(check({ endsOn: '2027-01-03' })).toEqual([{ code: 'agreement.invalid_term', field: 'endsOn', params: { reason: 'order' } }]);
    expect(codes(check({ startsOn: '2027-02-30' }))).toContain('agreement.invalid_term');
    expect(codes(check({ endsOn: '2027-02-29' }))).toContain('agreement.invalid_term');
  });

  it('needs some remote days: a weekly or monthly cap above zero or a plan with a remote day', () => {
    expect(codes(check({ maxRemotePerWeek: null }))).toEqual(['agreement.no_remote_days']);
    expect(codes(check({ maxRemotePerWeek: 0 }))).toEqual(['agreement.no_remote_days']);
    expect(codes(check({ maxRemotePerWeek: null, maxRemotePerMonth: 0 }))).toEqual(['agreement.no_remote_days']);
    expect(codes(check({ maxRemotePerWeek: null, monthlyPlan: { '2027-01-05': 'onsite' } }))).toEqual(['agreement.no_remote_days']);
    expect(check({ maxRemotePerWeek: null, maxRemotePerMonth: 8 })).toEqual([]);
    expect(check({ maxRemotePerWeek: null, monthlyPlan: { '2027-01-04': 'remote' } })).toEqual([]);
  });

  it('needs valid, distinct allowed weekdays', () => {
    for (const wd of [[], [0], [8], [1, 1], [1.5]]) {
      expect(codes(check({ allowedWeekdays: wd, reachability: {} })), JSON.stringify(wd)).toContain('agreement.weekdays_invalid');
    }
  });

  it('refuses more remote days a week than allowed weekdays (for every number of weekdays)', () => {
    for (let k = 1; k <= 7; k++) {
      const days = [1, 2, 3, 4, 5, 6, 7].slice(0, k);
      const t = { allowedWeekdays: days, reachability: windows(days) };
      expect(check({ ...t, maxRemotePerWeek: k }), `${k} of ${k}`).toEqual([]);
      if (k < 7) {
        expect(check({ ...t, maxRemotePerWeek: k + 1 }), `${k + 1} of ${k}`).toEqual([
          { code: 'agreement.remote_days_beyond_weekdays', field: 'maxRemotePerWeek', params: { cap: k + 1, weekdays: k } },
        ]);
      }
    }
    // the example: 3 a week with 2 allowed weekdays
    expect(violationMessage(check({ allowedWeekdays: [2, 4], reachability: windows([2, 4]), maxRemotePerWeek: 3 })[0])).toBe(
      '3 giorni a settimana sono più dei giorni della settimana consentiti (2).',
    );
  });

  it('refuses more remote days a month than the allowed weekdays of any month of the term', () => {
    // February 2027 has four Mondays (1, 8, 15, 22)
    const feb = { startsOn: '2027-02-01', endsOn: '2027-02-28', maxRemotePerWeek: null, allowedWeekdays: [1], reachability: windows([1]) };
    expect(check({ ...feb, maxRemotePerMonth: 4 })).toEqual([]);
    expect(check({ ...feb, maxRemotePerMonth: 5 })).toEqual([
      { code: 'agreement.remote_days_beyond_weekdays', field: 'maxRemotePerMonth', params: { cap: 5, weekdays: 4, month: '2027-02' } },
    ]);
    // March 2027 has five Mondays: a term touching March allows 5
    expect(check({ ...feb, endsOn: '2027-03-10', maxRemotePerMonth: 5 })).toEqual([]);
    expect(codes(check({ ...feb, endsOn: '2027-03-10', maxRemotePerMonth: 6 }))).toEqual(['agreement.remote_days_beyond_weekdays']);
    // every weekday of February 2027: 20
    const all = { ...feb, allowedWeekdays: [1, 2, 3, 4, 5], reachability: windows([1, 2, 3, 4, 5]) };
    expect(check({ ...all, maxRemotePerMonth: 20 })).toEqual([]);
    expect(codes(check({ ...all, maxRemotePerMonth: 21 }))).toEqual(['agreement.remote_days_beyond_weekdays']);
    // open-ended: twelve months are looked at
    expect(check({ ...feb, endsOn: null, maxRemotePerMonth: 5 })).toEqual([]);
    expect(violationMessage(check({ ...feb, maxRemotePerMonth: 5 })[0])).toBe('5 giorni al mese sono più dei giorni consentiti in un mese (al massimo 4, in febbraio 2027).');
  });

  it('counts the allowed weekdays of a month exactly (property: the cap equal to the best month passes, one more fails)', () => {
    fc.assert(
      fc.property(fc.subarray([1, 2, 3, 4, 5, 6, 7], { minLength: 1 }), fc.integer({ min: 0, max: 400 }), (days, offset) => {
        const start = addDays('2026-01-01', offset);
        const end = addDays(start, 60);
        const best = Math.max(...monthsOfTerm(start, end).map((m) => weekdaysInMonth(m, days)));
        let naive = 0;
        for (const m of monthsOfTerm(start, end)) {
          let n = 0;
          for (let d = `${m}-01`; d.startsWith(m); d = addDays(d, 1)) if (days.includes(isoWeekday(d))) n++;
          naive = Math.max(naive, n);
        }
        const t = { startsOn: start, endsOn: end, maxRemotePerWeek: null, allowedWeekdays: days, reachability: windows(days) };
        return best === naive && check({ ...t, maxRemotePerMonth: best }).length === 0 && best < 31
          ? codes(check({ ...t, maxRemotePerMonth: best + 1 })).join() === 'agreement.remote_days_beyond_weekdays'
          : best === naive;
      }),
    );
  });

  it('keeps a plan of days inside the term, on allowed weekdays and within the caps', () => {
    // ISO week of 2027-01-04: Monday 4, Wednesday 6, Friday 8
    expect(check({ monthlyPlan: { '2027-01-04': 'remote', '2027-01-06': 'remote', '2027-01-05': 'onsite' } })).toEqual([]);
    expect(check({ monthlyPlan: { '2027-01-04': 'remote', '2027-01-06': 'remote', '2027-01-08': 'remote' } })).toEqual([
      { code: 'agreement.plan_beyond_caps', field: 'monthlyPlan', params: { period: '2027-01-04', count: 3, cap: 2, unit: 'week' } },
    ]);
    // Friday then Monday and Wednesday of the next ISO week: 1 + 2, within a cap of 2
    expect(check({ monthlyPlan: { '2027-01-08': 'remote', '2027-01-11': 'remote', '2027-01-13': 'remote' } })).toEqual([]);
    // a remote Tuesday is forbidden, an on-site Tuesday is fine
    expect(check({ monthlyPlan: { '2027-01-05': 'remote' } })).toEqual([
      { code: 'agreement.plan_forbidden_weekday', field: 'monthlyPlan.2027-01-05', params: { day: '2027-01-05' } },
    ]);
    expect(violationMessage(check({ monthlyPlan: { '2027-01-05': 'remote' } })[0])).toBe('Il 2027-01-05 è un martedì, giorno in cui il lavoro agile non è consentito.');
    // outside the term, not a date, not a kind
    expect(codes(check({ monthlyPlan: { '2027-01-03': 'remote' } }))).toEqual(['agreement.plan_invalid']);
    expect(codes(check({ monthlyPlan: { '2028-01-03': 'onsite' } }))).toEqual(['agreement.plan_invalid']);
    expect(codes(check({ monthlyPlan: { '2027-02-30': 'remote' } }))).toEqual(['agreement.plan_invalid']);
    expect(codes(check({ monthlyPlan: { '2027-01-04': 'sometimes' } }))).toEqual(['agreement.plan_invalid']);
    expect(codes(check({ monthlyPlan: {} }))).toEqual(['agreement.plan_invalid']);
  });

  it('applies the monthly cap to the plan at the boundary', () => {
    const mondays = ['2027-02-01', '2027-02-08', '2027-02-15', '2027-02-22'];
    const t = { maxRemotePerWeek: null, allowedWeekdays: [1], reachability: windows([1]) };
    expect(check({ ...t, maxRemotePerMonth: 4, monthlyPlan: Object.fromEntries(mondays.map((d) => [d, 'remote'])) })).toEqual([]);
    expect(check({ ...t, maxRemotePerMonth: 3, monthlyPlan: Object.fromEntries(mondays.map((d) => [d, 'remote'])) })).toEqual([
      { code: 'agreement.plan_beyond_caps', field: 'monthlyPlan', params: { period: '2027-02', count: 4, cap: 3, unit: 'month' } },
    ]);
  });

  it('needs disconnection hours of at least 11 consecutive hours including 22:00–06:00', () => {
    expect(disconnectionMinutes('19:00', '08:00')).toBe(13 * 60);
    expect(codes(check({ disconnectionFrom: '19:00', disconnectionTo: '19:00' }))).toContain('agreement.disconnection_missing');
    const ok = (from: string, to: string, working: [string, string] = ['08:00', '19:00']) =>
      codes(check({ disconnectionFrom: from, disconnectionTo: to, workingFrom: working[0], workingTo: working[1], reachability: windows([1, 3, 5], [['13:00', '15:00']]) }));
    expect(ok('20:00', '07:00')).toEqual([]); // exactly 11 hours
    expect(ok('20:01', '07:00')).toEqual(['agreement.disconnection_too_short']); // 10 h 59 min
    expect(ok('21:00', '08:00')).toEqual([]);
    expect(ok('22:00', '09:00', ['09:00', '19:00'])).toEqual([]);
    expect(ok('22:01', '09:01', ['09:01', '19:00'])).toEqual(['agreement.disconnection_too_short']); // 22:00 not covered
    expect(ok('17:00', '05:59', ['06:00', '17:00'])).toEqual(['agreement.disconnection_too_short']); // 05:59–06:00 not covered
    expect(ok('00:00', '11:00', ['11:00', '19:00'])).toEqual(['agreement.disconnection_too_short']); // the evening is not covered
  });

  it('keeps the working hours out of the disconnection hours', () => {
    expect(check({ workingFrom: '08:00', workingTo: '19:00' })).toEqual([]); // touching is not overlapping
    expect(codes(check({ workingFrom: '07:59', workingTo: '19:00' }))).toEqual(['agreement.working_hours_invalid']);
    expect(codes(check({ workingFrom: '08:00', workingTo: '19:01' }))).toEqual(['agreement.working_hours_invalid']);
    expect(codes(check({ workingFrom: '12:00', workingTo: '12:00' }))).toEqual(['agreement.working_hours_invalid']);
    expect(codes(check({ workingFrom: '13:00', workingTo: '09:00' }))).toEqual(['agreement.working_hours_invalid']);
  });

  it('keeps reachability windows inside the working hours and out of the disconnection hours', () => {
    const r = (w: [string, string][], over: Partial<AgreementTerms> = {}) => check({ reachability: { ...windows([3, 5]), '1': w }, ...over });
    expect(r([['08:00', '19:00']])).toEqual([]);
    expect(r([['09:00', '12:00'], ['12:00', '13:00']])).toEqual([]);
    expect(r([['07:00', '09:00']])).toEqual([
      { code: 'agreement.reachability_in_disconnection', field: 'reachability.1', params: { weekday: '1', window: '07:00–09:00' } },
    ]);
    expect(codes(r([['18:00', '19:01']]))).toEqual(['agreement.reachability_in_disconnection']);
    // with disconnection 20:00–07:00 and work 08:00–19:00, 07:00–08:00 is outside work but not in disconnection
    expect(r([['07:00', '08:00']], { disconnectionFrom: '20:00', disconnectionTo: '07:00' })).toEqual([
      { code: 'agreement.reachability_outside_working_hours', field: 'reachability.1', params: { weekday: '1', window: '07:00–08:00' } },
    ]);
    expect(codes(r([['19:00', '19:30']], { disconnectionFrom: '20:00', disconnectionTo: '07:00' }))).toEqual(['agreement.reachability_outside_working_hours']);
    // malformed
    expect(codes(r([['09:00', '12:00'], ['11:00', '13:00']]))).toEqual(['agreement.reachability_invalid']); // overlap
    expect(codes(r([['10:00', '10:00']]))).toEqual(['agreement.reachability_invalid']);
    expect(codes(r([['9:00', '10:00']]))).toEqual(['agreement.reachability_invalid']);
    expect(codes(r([['09:00', '24:00']]))).toEqual(['agreement.reachability_invalid']);
    expect(codes(r([['08:00', '09:00'], ['10:00', '11:00'], ['12:00', '13:00'], ['14:00', '15:00'], ['16:00', '17:00']]))).toEqual(['agreement.reachability_invalid']);
    // a window on a weekday that is not a remote day, or on no weekday
    expect(codes(check({ reachability: { ...base.reachability, '2': [['09:00', '10:00']] } }))).toEqual(['agreement.reachability_invalid']);
    expect(check({ reachability: { ...base.reachability, '2': [] } })).toEqual([]);
    expect(codes(check({ reachability: { ...base.reachability, '8': [['09:00', '10:00']] } }))).toEqual(['agreement.reachability_invalid']);
    // every remote weekday has at least one window
    expect(check({ reachability: windows([1, 3]) })).toEqual([
      { code: 'agreement.reachability_missing', field: 'reachability.5', params: { weekday: 5 } },
    ]);
    expect(violationMessage(check({ reachability: windows([1, 3]) })[0])).toBe('Indica almeno una fascia di contattabilità per il venerdì.');
  });

  it('has an Italian message for every rule, with every value filled in', () => {
    const samples: RuleViolation[] = [
      ...check({ endsOn: '2026-01-01' }),
      ...check({ maxRemotePerWeek: 0 }),
      ...check({ allowedWeekdays: [], reachability: {} }),
      ...check({ maxRemotePerWeek: 4 }),
      ...check({ startsOn: '2027-02-01', endsOn: '2027-02-28', maxRemotePerWeek: null, maxRemotePerMonth: 13 }),
      ...check({ monthlyPlan: { '2026-01-01': 'remote' } }),
      ...check({ monthlyPlan: { '2027-01-05': 'remote' } }),
      ...check({ monthlyPlan: { '2027-01-04': 'remote', '2027-01-06': 'remote', '2027-01-08': 'remote' } }),
      ...check({ workingFrom: '07:00' }),
      ...check({ disconnectionTo: '19:00' }),
      ...check({ disconnectionFrom: '21:00', disconnectionTo: '06:00' }),
      ...check({ reachability: { ...base.reachability, '1': [['10:00', '09:00']] } }),
      ...check({ reachability: windows([1, 3]) }),
      ...check({ reachability: windows([1, 3, 5], [['07:30', '09:00']]), disconnectionFrom: '20:00', disconnectionTo: '07:00' }),
      ...check({ reachability: windows([1, 3, 5], [['18:00', '20:00']]) }),
    ];
    expect(new Set(samples.map((s) => s.code))).toEqual(new Set(RULE_CODES));
    for (const s of samples) {
      const m = violationMessage(s);
      expect(m.length, s.code).toBeGreaterThan(10);
      expect(m, s.code).not.toMatch(/undefined|NaN|\{/);
    }
  });
});

describe('withdrawal (art. 19)', () => {
  const open = { startsOn: '2027-01-04', endsOn: null, notifiedOn: '2027-03-01', disabledWorker: false, justified: false };

  it('needs at least 30 days of notice for an open-ended agreement, from either party', () => {
    for (const party of ['employee', 'employer'] as const) {
      expect(withdrawalDecision({ ...open, party })).toEqual({ ok: true, effectiveOn: '2027-03-31', noticeDays: 30, neverInForce: false });
      expect(withdrawalDecision({ ...open, party, effectiveOn: '2027-03-31' })).toMatchObject({ ok: true, noticeDays: 30 });
      expect(withdrawalDecision({ ...open, party, effectiveOn: '2027-03-30' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_notice_too_short', requiredDays: 30 });
      expect(withdrawalDecision({ ...open, party, effectiveOn: '2027-06-30' })).toMatchObject({ ok: true, noticeDays: 121 });
    }
  });

  it('needs 90 days when the employer withdraws from a disabled worker’s agreement (30 when the worker does)', () => {
    const d = { ...open, disabledWorker: true };
    expect(requiredNoticeDays('employer', true, false)).toBe(90);
    expect(withdrawalDecision({ ...d, party: 'employer' })).toEqual({ ok: true, effectiveOn: '2027-05-30', noticeDays: 90, neverInForce: false });
    expect(withdrawalDecision({ ...d, party: 'employer', effectiveOn: '2027-05-29' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_notice_too_short', requiredDays: 90 });
    expect(withdrawalDecision({ ...d, party: 'employer', effectiveOn: '2027-05-30' })).toMatchObject({ ok: true, noticeDays: 90 });
    expect(requiredNoticeDays('employee', true, false)).toBe(30);
    expect(withdrawalDecision({ ...d, party: 'employee', effectiveOn: '2027-03-31' })).toMatchObject({ ok: true, noticeDays: 30 });
    expect(withdrawalDecision({ ...d, party: 'employee', effectiveOn: '2027-03-30' })).toMatchObject({ ok: false, requiredDays: 30 });
    const m = withdrawalDecision({ ...d, party: 'employer', effectiveOn: '2027-05-29' });
    expect(!m.ok && m.message).toContain('90 giorni');
  });

  it('takes effect at once for a justified reason, never before the notification', () => {
    for (const party of ['employee', 'employer'] as const) {
      for (const disabledWorker of [false, true]) {
        expect(requiredNoticeDays(party, disabledWorker, true)).toBe(0);
        expect(withdrawalDecision({ ...open, party, disabledWorker, justified: true })).toEqual({ ok: true, effectiveOn: '2027-03-01', noticeDays: 0, neverInForce: false });
        expect(withdrawalDecision({ ...open, party, disabledWorker, justified: true, effectiveOn: '2027-02-28' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_notice_too_short', requiredDays: 0 });
      }
    }
  });

  it('ends a fixed-term agreement early only for a justified reason, and before its end', () => {
    const fixed = { ...open, endsOn: '2027-06-30' };
    expect(withdrawalDecision({ ...fixed, party: 'employee' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_needs_justified_reason' });
    expect(withdrawalDecision({ ...fixed, party: 'employer', effectiveOn: '2027-05-01' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_needs_justified_reason' });
    expect(withdrawalDecision({ ...fixed, party: 'employer', justified: true })).toMatchObject({ ok: true, effectiveOn: '2027-03-01' });
    expect(withdrawalDecision({ ...fixed, party: 'employer', justified: true, effectiveOn: '2027-06-29' })).toMatchObject({ ok: true, effectiveOn: '2027-06-29' });
    expect(withdrawalDecision({ ...fixed, party: 'employer', justified: true, effectiveOn: '2027-06-30' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_after_end' });
    expect(withdrawalDecision({ ...fixed, party: 'employer', justified: true, effectiveOn: '2027-07-01' })).toMatchObject({ ok: false, code: 'agreement.withdrawal_after_end' });
  });

  it('says when an agreement that has not started will never be in force', () => {
    expect(withdrawalDecision({ ...open, startsOn: '2027-06-01', party: 'employee', justified: true })).toMatchObject({ ok: true, neverInForce: true });
    expect(withdrawalDecision({ ...open, startsOn: '2027-03-31', party: 'employee' })).toMatchObject({ ok: true, effectiveOn: '2027-03-31', neverInForce: false });
    expect(withdrawalDecision({ ...open, startsOn: '2027-04-01', party: 'employee' })).toMatchObject({ ok: true, neverInForce: true });
  });

  it('counts notice in calendar days across February and leap years', () => {
    expect(withdrawalDecision({ ...open, notifiedOn: '2027-01-31', party: 'employee' })).toMatchObject({ effectiveOn: '2027-03-02' });
    expect(withdrawalDecision({ ...open, notifiedOn: '2028-01-31', party: 'employee' })).toMatchObject({ effectiveOn: '2028-03-01' });
    expect(withdrawalDecision({ ...open, notifiedOn: '2027-12-15', party: 'employer', disabledWorker: true })).toMatchObject({ effectiveOn: '2028-03-14' });
  });
});

describe('workflow', () => {
  const expected: Record<AgreementStatus, Partial<Record<AgreementAction, AgreementStatus>>> = {
    requested: { approve: 'approved', refuse: 'refused', withdraw: 'withdrawn', acknowledgeSafety: 'requested', expire: 'expired' },
    approved: { register: 'registered', withdraw: 'withdrawn', acknowledgeSafety: 'approved', expire: 'expired' },
    registered: { withdraw: 'registered', renew: 'registered', expire: 'expired', close: 'withdrawn' },
    refused: {},
    withdrawn: {},
    expired: { renew: 'expired' },
  };
  const actions: AgreementAction[] = ['approve', 'refuse', 'register', 'withdraw', 'acknowledgeSafety', 'renew', 'expire', 'close'];

  it('allows exactly the listed transitions', () => {
    for (const s of AGREEMENT_STATUSES) for (const a of actions) expect(nextStatus(s, a), `${s} ${a}`).toBe(expected[s][a] ?? null);
  });

  it('registers only approved agreements; approves and refuses only requests', () => {
    expect(AGREEMENT_STATUSES.filter((s) => nextStatus(s, 'register'))).toEqual(['approved']);
    expect(AGREEMENT_STATUSES.filter((s) => nextStatus(s, 'approve'))).toEqual(['requested']);
    expect(AGREEMENT_STATUSES.filter((s) => nextStatus(s, 'refuse'))).toEqual(['requested']);
  });

  const reg = { status: 'registered' as const, startsOn: '2027-01-04', endsOn: '2027-06-30', withdrawalEffectiveOn: null, registeredAt: '2027-01-01T10:00:00Z' };

  it('knows the last day in force and the days in force', () => {
    expect(lastDayInForce(reg)).toBe('2027-06-30');
    expect(lastDayInForce({ ...reg, endsOn: null })).toBe(null);
    expect(lastDayInForce({ ...reg, withdrawalEffectiveOn: '2027-03-01' })).toBe('2027-03-01');
    expect(inForceOn(reg, '2027-01-03')).toBe(false);
    expect(inForceOn(reg, '2027-01-04')).toBe(true);
    expect(inForceOn(reg, '2027-06-30')).toBe(true);
    expect(inForceOn(reg, '2027-07-01')).toBe(false);
    expect(inForceOn({ ...reg, status: 'expired' }, '2027-02-01')).toBe(true);
    expect(inForceOn({ ...reg, status: 'withdrawn', withdrawalEffectiveOn: '2027-03-01' }, '2027-03-02')).toBe(false);
    expect(inForceOn({ ...reg, status: 'withdrawn', withdrawalEffectiveOn: '2027-03-01' }, '2027-03-01')).toBe(true);
    expect(inForceOn({ ...reg, status: 'approved', registeredAt: null }, '2027-02-01')).toBe(false);
    expect(inForceOn({ ...reg, status: 'withdrawn', registeredAt: null }, '2027-02-01')).toBe(false);
  });

  it('expires agreements the day after their end and closes withdrawals the day after their last day', () => {
    expect(closingAction(reg, '2027-06-30')).toBe(null);
    expect(closingAction(reg, '2027-07-01')).toBe('expire');
    expect(closingAction({ ...reg, endsOn: null }, '2099-01-01')).toBe(null);
    expect(closingAction({ ...reg, endsOn: null, withdrawalEffectiveOn: '2027-03-31' }, '2027-03-31')).toBe(null);
    expect(closingAction({ ...reg, endsOn: null, withdrawalEffectiveOn: '2027-03-31' }, '2027-04-01')).toBe('close');
    expect(closingAction({ ...reg, status: 'requested' }, '2027-07-01')).toBe('expire');
    expect(closingAction({ ...reg, status: 'approved' }, '2027-06-30')).toBe(null);
    for (const status of ['refused', 'withdrawn', 'expired'] as const) expect(closingAction({ ...reg, status }, '2099-01-01')).toBe(null);
  });

  it('renews only after the last day of a registered or expired agreement with an end', () => {
    expect(renewalViolation(reg, '2027-07-01')).toBe(null);
    expect(renewalViolation(reg, '2027-06-30')).toMatch(/dopo l’ultimo giorno/);
    expect(renewalViolation({ ...reg, status: 'expired' }, '2027-09-01')).toBe(null);
    expect(renewalViolation({ ...reg, endsOn: null }, '2027-07-01')).toMatch(/tempo indeterminato/);
    expect(renewalViolation({ ...reg, endsOn: null, withdrawalEffectiveOn: '2027-03-31' }, '2027-04-01')).toBe(null);
    for (const status of ['requested', 'approved', 'refused', 'withdrawn'] as const) expect(renewalViolation({ ...reg, status }, '2027-07-01')).toMatch(/registrato o scaduto/);
  });

  it('sees overlap of periods, open-ended included', () => {
    const p = (startsOn: string, last: string | null) => ({ startsOn, last });
    expect(periodsOverlap(p('2027-01-01', '2027-01-31'), p('2027-01-31', null))).toBe(true);
    expect(periodsOverlap(p('2027-01-01', '2027-01-31'), p('2027-02-01', null))).toBe(false);
    expect(periodsOverlap(p('2027-01-01', null), p('2030-02-01', null))).toBe(true);
    expect(periodsOverlap(p('2027-02-01', '2027-02-01'), p('2027-01-01', '2027-01-31'))).toBe(false);
  });
});
