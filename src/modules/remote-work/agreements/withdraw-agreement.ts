/**
 * Use case: withdrawal from an agreement (art. 19 of Law 81/2017).
 * - A request or an approved agreement not yet registered is simply withdrawn, at once, by the
 *   employee, his office manager or HR.
 * - A registered agreement: the employee (party `employee`) or the office manager / HR (party
 *   `employer`) notify the withdrawal today; the notice rules of agreement-rules.ts give its last
 *   day in force (at least 30 days, 90 when the employer withdraws from a disabled worker's
 *   agreement, at once for a justified reason; fixed-term ones only for a justified reason). The
 *   agreement stays registered until that day and the daily job then marks it withdrawn; if that
 *   day is before its start, it is withdrawn at once.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { withdrawalDecision, type WithdrawalCode } from './agreement-rules.js';
import { isHr, isManagerOf, isOwn } from './agreement-access.js';
import { assertTransition, auditChange, loadVisible } from './agreement-load.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import type { UseCaseOptions } from './request-agreement.js';
import * as repo from './agreements.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export interface WithdrawAgreementInput {
  reason?: string | null;
  /** A justified reason (giustificato motivo): no notice; the reason is then required. */
  justified?: boolean;
  /** The last day in force asked for; omitted: the earliest the rules allow. */
  effectiveOn?: string | null;
}

const ERROR_OF: Record<WithdrawalCode, typeof E.withdrawalNoticeTooShort> = {
  'agreement.withdrawal_needs_justified_reason': E.withdrawalNeedsJustifiedReason,
  'agreement.withdrawal_notice_too_short': E.withdrawalNoticeTooShort,
  'agreement.withdrawal_after_end': E.withdrawalAfterEnd,
};

export async function withdrawAgreement(db: Db, auth: AuthContext, id: string, input: WithdrawAgreementInput, opts: UseCaseOptions) {
  const reason = input.reason?.trim() ?? '';
  const justified = !!input.justified;
  if (justified && !reason) throw E.reasonRequired('Il recesso per giustificato motivo deve indicarne il motivo.', undefined, [{ field: 'body.reason', message: 'Indica il giustificato motivo.' }]);
  const today = romeDate(opts.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadVisible(tx, auth, id, true);
    const own = isOwn(auth, before);
    if (!own && !isHr(auth) && !isManagerOf(auth, before)) throw E.forbidden('Recede il dipendente, il responsabile del suo ufficio o l’ufficio del personale.');
    assertTransition(before, 'withdraw');
    const party = own ? 'employee' : 'employer';
    let event: 'cancelled' | 'withdrawal_notified';
    if (before.status !== 'registered') {
      await repo.updateWithdrawal(tx, id, { status: 'withdrawn', party, notifiedOn: today, effectiveOn: null, reason, justified });
      event = 'cancelled';
    } else {
      if (before.withdrawalNotifiedOn) throw E.invalidTransition(`Il recesso è già stato comunicato il ${before.withdrawalNotifiedOn}.`);
      const d = withdrawalDecision({
        party,
        justified,
        disabledWorker: before.disabledWorker,
        notifiedOn: today,
        effectiveOn: input.effectiveOn ?? null,
        startsOn: before.startsOn,
        endsOn: before.endsOn,
      });
      if (!d.ok) throw ERROR_OF[d.code](d.message, { requiredNoticeDays: d.requiredDays });
      await repo.updateWithdrawal(tx, id, { status: d.neverInForce ? 'withdrawn' : 'registered', party, notifiedOn: today, effectiveOn: d.effectiveOn, reason, justified });
      event = 'withdrawal_notified';
    }
    const after = (await repo.selectAgreement(tx, before.organizationId, id))!;
    await auditChange(tx, auth, event === 'cancelled' ? 'agreement.cancel' : 'agreement.withdraw', before, after, opts.ip);
    await queueAgreementNotices(tx, after, event, { publicUrl: opts.publicUrl });
    return viewOf(auth, after);
  });
}
