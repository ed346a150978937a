/**
 * Use case: HR registers an approved agreement, which makes it effective. The employee must have
 * acknowledged the written safety information first (art. 22 of Law 81/2017).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { assertHr } from './agreement-access.js';
import { assertTransition, auditChange, loadVisible } from './agreement-load.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import type { UseCaseOptions } from './request-agreement.js';
import * as repo from './agreements.repo.js';

export async function registerAgreement(db: Db, auth: AuthContext, id: string, opts: UseCaseOptions) {
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadVisible(tx, auth, id, true);
    assertHr(auth, 'Per registrare un accordo');
    assertTransition(before, 'register');
    if (!before.safetyInfoAcknowledgedAt) throw E.safetyNotAcknowledged('Il dipendente deve confermare dalla pagina dell’accordo di aver letto l’informativa.');
    await repo.updateRegistration(tx, id, auth.userId);
    const after = (await repo.selectAgreement(tx, before.organizationId, id))!;
    await auditChange(tx, auth, 'agreement.register', before, after, opts.ip);
    await queueAgreementNotices(tx, after, 'registered', { publicUrl: opts.publicUrl });
    return viewOf(auth, after);
  });
}
