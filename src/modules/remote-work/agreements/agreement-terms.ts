/**
 * The terms of an agreement as a request gives them (with the defaults filled in), checked with
 * the pure rules; a broken rule becomes its own error code (the first one) with every broken rule
 * listed in the problem's `errors`. Also: the exclusion constraint of rw_agreements turned into
 * `agreement.overlap`.
 */
import type { Queryable } from '../../../platform/db/index.js';
import type { AppError } from '../../../platform/http/errors.js';
import { agreementViolations, lastDayInForce, violationMessage, type AgreementTerms, type RuleCode, type Window } from './agreement-rules.js';
import { dateIt, STATUS_IT } from './agreement-document.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import * as repo from './agreements.repo.js';

export interface AgreementTermsInput {
  startsOn: string;
  endsOn?: string | null;
  maxRemotePerWeek?: number | null;
  maxRemotePerMonth?: number | null;
  allowedWeekdays: number[];
  monthlyPlan?: Record<string, string> | null;
  reachability: Record<string, Window[]>;
  workingFrom?: string;
  workingTo?: string;
  disconnectionFrom?: string;
  disconnectionTo?: string;
  disconnectionMeasures?: string;
  placeRules?: string;
  equipment?: string;
  activities?: string;
}

export type FullTerms = AgreementTerms & { disconnectionMeasures: string; placeRules: string; equipment: string; activities: string };

export const TERM_DEFAULTS = { workingFrom: '08:00', workingTo: '19:00', disconnectionFrom: '19:00', disconnectionTo: '08:00' } as const;

export function termsOf(i: AgreementTermsInput): FullTerms {
  return {
    startsOn: i.startsOn,
    endsOn: i.endsOn ?? null,
    maxRemotePerWeek: i.maxRemotePerWeek ?? null,
    maxRemotePerMonth: i.maxRemotePerMonth ?? null,
    allowedWeekdays: [...i.allowedWeekdays].sort((a, b) => a - b),
    monthlyPlan: i.monthlyPlan ?? null,
    reachability: i.reachability,
    workingFrom: i.workingFrom ?? TERM_DEFAULTS.workingFrom,
    workingTo: i.workingTo ?? TERM_DEFAULTS.workingTo,
    disconnectionFrom: i.disconnectionFrom ?? TERM_DEFAULTS.disconnectionFrom,
    disconnectionTo: i.disconnectionTo ?? TERM_DEFAULTS.disconnectionTo,
    disconnectionMeasures: (i.disconnectionMeasures ?? '').trim(),
    placeRules: (i.placeRules ?? '').trim(),
    equipment: (i.equipment ?? '').trim(),
    activities: (i.activities ?? '').trim(),
  };
}

const BY_CODE: Record<RuleCode, (detail?: string, extra?: Record<string, unknown>, errors?: { field: string; message: string }[]) => AppError> = {
  'agreement.invalid_term': E.invalidTerm,
  'agreement.no_remote_days': E.noRemoteDays,
  'agreement.weekdays_invalid': E.weekdaysInvalid,
  'agreement.remote_days_beyond_weekdays': E.remoteDaysBeyondWeekdays,
  'agreement.plan_invalid': E.planInvalid,
  'agreement.plan_forbidden_weekday': E.planForbiddenWeekday,
  'agreement.plan_beyond_caps': E.planBeyondCaps,
  'agreement.working_hours_invalid': E.workingHoursInvalid,
  'agreement.disconnection_missing': E.disconnectionMissing,
  'agreement.disconnection_too_short': E.disconnectionTooShort,
  'agreement.reachability_invalid': E.reachabilityInvalid,
  'agreement.reachability_missing': E.reachabilityMissing,
  'agreement.reachability_outside_working_hours': E.reachabilityOutsideWorkingHours,
  'agreement.reachability_in_disconnection': E.reachabilityInDisconnection,
};

/** Throws the first broken rule (422) with all of them in `errors` (field `body.<field>`) and `violations`. */
export function assertTerms(t: AgreementTerms): void {
  const vs = agreementViolations(t);
  if (!vs.length) return;
  const list = vs.map((x) => ({ field: `body.${x.field}`, message: violationMessage(x) }));
  throw BY_CODE[vs[0].code](list[0].message, { violations: vs.map((x) => ({ code: x.code, field: x.field, params: x.params })) }, list);
}

function overlapDetail(others: repo.AgreementRow[]): string {
  const o = others[0];
  const last = lastDayInForce(o);
  return `C’è già un accordo ${STATUS_IT[o.status]} ${last ? `dal ${dateIt(o.startsOn)} al ${dateIt(last)}` : `a tempo indeterminato dal ${dateIt(o.startsOn)}`}: due accordi della stessa persona non possono sovrapporsi.`;
}

/** Refuses a period that meets a live agreement of the person (read first for a clear answer; the constraint catches races). */
export async function assertNoOverlap(tx: Queryable, employeeId: string, startsOn: string, endsOn: string | null): Promise<void> {
  const others = await repo.selectOverlapping(tx, employeeId, startsOn, endsOn);
  if (others.length) throw E.overlap(overlapDetail(others), { overlapping: others.map((x) => ({ id: x.id, status: x.status, startsOn: x.startsOn, lastDayInForce: lastDayInForce(x) })) });
}

/** The exclusion constraint's violation (SQLSTATE 23P01) as `agreement.overlap`; anything else unchanged. */
export function overlapOf(err: unknown): unknown {
  const code = (err as { code?: string } | null)?.code;
  if (code === '23P01') return E.overlap('Un altro accordo della stessa persona per lo stesso periodo è stato registrato nello stesso momento: ricarica e controlla.');
  return err;
}
