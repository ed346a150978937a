/** Use case: the employee declares he has received and read the written safety information of his agreement. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { isOwn } from './agreement-access.js';
import { assertTransition, auditChange, loadVisible } from './agreement-load.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import type { UseCaseOptions } from './request-agreement.js';
import * as repo from './agreements.repo.js';

export async function acknowledgeAgreementSafety(db: Db, auth: AuthContext, id: string, opts: UseCaseOptions) {
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadVisible(tx, auth, id, true);
    if (!isOwn(auth, before)) throw E.forbidden('Solo il dipendente può dichiarare di aver letto l’informativa sulla sicurezza.');
    assertTransition(before, 'acknowledgeSafety');
    if (before.safetyInfoAcknowledgedAt) return viewOf(auth, before);
    await repo.updateSafetyAcknowledgement(tx, id);
    const after = (await repo.selectAgreement(tx, before.organizationId, id))!;
    await auditChange(tx, auth, 'agreement.acknowledge_safety', before, after, opts.ip);
    await queueAgreementNotices(tx, after, 'safety_acknowledged', { publicUrl: opts.publicUrl });
    return viewOf(auth, after);
  });
}
