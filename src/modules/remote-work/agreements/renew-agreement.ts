/**
 * Use case: renewal. A new agreement (status `requested`, `renewed_from` the old one) with the old
 * terms, changed where the request says, starting after the old one's last day (by default the
 * day after, for as long as the old one lasted). It goes through approval and registration again;
 * the old agreement is left as it is. Only a registered agreement with a last day (fixed-term, or
 * withdrawing) or an expired one is renewed; the employee himself or HR renews.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { addDays, daysBetween, lastDayInForce, renewalViolation } from './agreement-rules.js';
import { isHr, isOwn } from './agreement-access.js';
import { loadVisible } from './agreement-load.js';
import { assertNoOverlap, assertTerms, overlapOf, termsOf, type AgreementTermsInput } from './agreement-terms.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import type { UseCaseOptions } from './request-agreement.js';
import * as repo from './agreements.repo.js';

export type RenewAgreementInput = Partial<AgreementTermsInput> & { safetyInfoAcknowledged?: boolean };

export async function renewAgreement(db: Db, auth: AuthContext, id: string, input: RenewAgreementInput, opts: UseCaseOptions) {
  return db.tx(dbContext(auth), async (tx) => {
    const old = await loadVisible(tx, auth, id, true);
    const own = isOwn(auth, old);
    if (!own && !isHr(auth)) throw E.forbidden('Chiede il rinnovo il dipendente o l’ufficio del personale.');
    const last = lastDayInForce(old);
    const startsOn = input.startsOn ?? (last ? addDays(last, 1) : old.startsOn);
    const problem = renewalViolation(old, startsOn);
    if (problem) throw E.renewalInvalid(problem);
    const defaultEnd = old.endsOn ? addDays(startsOn, daysBetween(old.startsOn, old.endsOn)) : null;
    const terms = termsOf({
      startsOn,
      endsOn: input.endsOn !== undefined ? input.endsOn : defaultEnd,
      maxRemotePerWeek: input.maxRemotePerWeek !== undefined ? input.maxRemotePerWeek : old.maxRemotePerWeek,
      maxRemotePerMonth: input.maxRemotePerMonth !== undefined ? input.maxRemotePerMonth : old.maxRemotePerMonth,
      allowedWeekdays: input.allowedWeekdays ?? old.allowedWeekdays,
      // a plan of days belongs to the old period: the renewal starts without one unless given
      monthlyPlan: input.monthlyPlan !== undefined ? input.monthlyPlan : null,
      reachability: input.reachability ?? old.reachability,
      workingFrom: input.workingFrom ?? old.workingFrom,
      workingTo: input.workingTo ?? old.workingTo,
      disconnectionFrom: input.disconnectionFrom ?? old.disconnectionFrom,
      disconnectionTo: input.disconnectionTo ?? old.disconnectionTo,
      disconnectionMeasures: input.disconnectionMeasures ?? old.disconnectionMeasures,
      placeRules: input.placeRules ?? old.placeRules,
      equipment: input.equipment ?? old.equipment,
      activities: input.activities ?? old.activities,
    });
    if (terms.maxRemotePerWeek === null && terms.maxRemotePerMonth === null && terms.monthlyPlan === null && old.monthlyPlan) {
      throw E.renewalInvalid('L’accordo precedente aveva solo un calendario di giorni: indica quello del nuovo periodo o un numero di giorni a settimana o al mese.');
    }
    assertTerms(terms);
    if (input.safetyInfoAcknowledged && !own) throw E.forbidden('Solo il dipendente può dichiarare di aver letto l’informativa sulla sicurezza.');
    await assertNoOverlap(tx, old.employeeId, terms.startsOn, terms.endsOn);
    const newId = randomUUID();
    try {
      await repo.insertAgreement(tx, {
        id: newId,
        organizationId: old.organizationId,
        employeeId: old.employeeId,
        ...terms,
        safetyInfoAcknowledged: !!input.safetyInfoAcknowledged && own,
        requestedBy: auth.userId,
        renewedFrom: old.id,
      });
    } catch (err) {
      throw overlapOf(err);
    }
    const created = (await repo.selectAgreement(tx, old.organizationId, newId))!;
    await auditBy(tx, auth, {
      organizationId: old.organizationId,
      action: 'agreement.renew',
      entityType: 'rw_agreement',
      entityId: newId,
      before: null,
      after: created,
      ip: opts.ip ?? null,
    });
    await queueAgreementNotices(tx, created, 'renewed', { publicUrl: opts.publicUrl });
    return viewOf(auth, created);
  });
}
