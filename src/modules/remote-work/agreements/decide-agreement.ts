/**
 * Use case: the manager of the employee's office, or HR, approves or refuses a requested agreement.
 * A refusal needs its reason (told to the employee); nobody decides on his own agreement.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { assertCanDecide } from './agreement-access.js';
import { assertTransition, auditChange, loadVisible } from './agreement-load.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import type { UseCaseOptions } from './request-agreement.js';
import * as repo from './agreements.repo.js';

export async function decideAgreement(db: Db, auth: AuthContext, id: string, input: { decision: 'approved' | 'refused'; reason?: string | null }, opts: UseCaseOptions) {
  const reason = input.reason?.trim() || null;
  if (input.decision === 'refused' && !reason) throw E.reasonRequired('Spiega al dipendente perché la richiesta non è approvata.', undefined, [{ field: 'body.reason', message: 'Indica il motivo del rifiuto.' }]);
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadVisible(tx, auth, id, true);
    assertCanDecide(auth, before);
    assertTransition(before, input.decision === 'approved' ? 'approve' : 'refuse');
    await repo.updateDecision(tx, id, input.decision, auth.userId, reason);
    const after = (await repo.selectAgreement(tx, before.organizationId, id))!;
    await auditChange(tx, auth, input.decision === 'approved' ? 'agreement.approve' : 'agreement.refuse', before, after, opts.ip);
    await queueAgreementNotices(tx, after, input.decision, { publicUrl: opts.publicUrl, requesterUserId: before.requestedBy });
    return viewOf(auth, after);
  });
}
