/**
 * The web app shows the rules' messages (agreement-rules.ts) from its dictionaries: every message a
 * rule can produce has a text in Italian and in English, with every value filled in.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RULE_CODES, agreementViolations, type AgreementTerms, type RuleViolation } from '../../../../modules/remote-work/agreements/agreement-rules.js';
import { agreementsIt } from './messages.it.js';
import { agreementsEn } from './messages.en.js';
import { ruleKey } from './format.js';

const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 30, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const day = fc.integer({ min: 0, max: 800 }).map((n) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
const terms: fc.Arbitrary<AgreementTerms> = fc.record({
  startsOn: day,
  endsOn: fc.option(day, { nil: null }),
  maxRemotePerWeek: fc.option(fc.integer({ min: 0, max: 8 }), { nil: null }),
  maxRemotePerMonth: fc.option(fc.integer({ min: 0, max: 32 }), { nil: null }),
  allowedWeekdays: fc.array(fc.integer({ min: 0, max: 8 }), { maxLength: 5 }),
  monthlyPlan: fc.option(fc.dictionary(day, fc.constantFrom('remote', 'onsite', 'x'), { maxKeys: 6 }), { nil: null }),
  reachability: fc.dictionary(fc.constantFrom('1', '2', '3', '5', '8'), fc.array(fc.tuple(time, time), { maxLength: 3 })),
  workingFrom: time,
  workingTo: time,
  disconnectionFrom: time,
  disconnectionTo: time,
});

function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in params ? String(params[k]) : m));
}

describe('rule messages in the web dictionaries', () => {
  it('have a text in both languages for every message the rules produce, all values filled in', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(terms, (t) => {
        for (const v of agreementViolations(t)) {
          const key = ruleKey(v) as keyof typeof agreementsIt;
          seen.add(v.code);
          expect(agreementsIt[key], key).toBeTruthy();
          expect(agreementsEn[key], key).toBeTruthy();
          const p: RuleViolation['params'] = { ...v.params, weekday: 'lunedì', month: 'marzo 2027', period: 'marzo 2027' };
          expect(fill(agreementsIt[key], p)).not.toMatch(/\{\w+\}/);
          expect(fill(agreementsEn[key], p)).not.toMatch(/\{\w+\}/);
        }
      }),
      { numRuns: 3000 },
    );
    expect([...seen].sort()).toEqual([...RULE_CODES].sort());
  });
});
