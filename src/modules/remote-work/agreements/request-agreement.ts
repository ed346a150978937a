/**
 * Use case: an employee asks for an agreement for himself (his account is the employee's
 * rw_employees.user_id), or HR drafts one for an employee of the body. The terms are checked with
 * the pure rules; a live agreement of the same person in the same period is refused (read first,
 * and the exclusion constraint of rw_agreements for two requests at the same moment). The new
 * agreement is `requested`: the office manager or HR decides.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { assertHr, bodyOf } from './agreement-access.js';
import { assertNoOverlap, assertTerms, overlapOf, termsOf, type AgreementTermsInput } from './agreement-terms.js';
import { queueAgreementNotices } from './agreement-notices.js';
import { viewOf } from './agreement-view.js';
import * as repo from './agreements.repo.js';

export interface RequestAgreementInput extends AgreementTermsInput {
  /** HR drafting for an employee; omitted: the caller asks for himself. */
  employeeId?: string;
  /** The employee declares he has read the written safety information (only the employee himself). */
  safetyInfoAcknowledged?: boolean;
}

export interface UseCaseOptions {
  ip?: string;
  now?: number;
  publicUrl: string;
}

export async function requestAgreement(db: Db, auth: AuthContext, input: RequestAgreementInput, opts: UseCaseOptions) {
  const organizationId = bodyOf(auth);
  const terms = termsOf(input);
  assertTerms(terms);
  return db.tx(dbContext(auth), async (tx) => {
    let employee: repo.AgreementEmployeeRow | null;
    if (input.employeeId) {
      employee = await repo.selectEmployee(tx, organizationId, input.employeeId);
      if (!employee || !employee.active) throw E.employeeNotFound(`Nessun dipendente in servizio con identificativo ${input.employeeId}.`);
      if (employee.userId !== auth.userId) assertHr(auth, 'Per preparare l’accordo di un altro dipendente');
    } else {
      employee = await repo.selectEmployeeOfUser(tx, organizationId, auth.userId);
      if (!employee) throw E.noEmployeeRecord();
    }
    const self = employee.userId === auth.userId;
    if (input.safetyInfoAcknowledged && !self) throw E.forbidden('Solo il dipendente può dichiarare di aver letto l’informativa sulla sicurezza.');
    await assertNoOverlap(tx, employee.id, terms.startsOn, terms.endsOn);
    const id = randomUUID();
    try {
      await repo.insertAgreement(tx, {
        id,
        organizationId,
        employeeId: employee.id,
        ...terms,
        safetyInfoAcknowledged: !!input.safetyInfoAcknowledged && self,
        requestedBy: auth.userId,
        renewedFrom: null,
      });
    } catch (err) {
      throw overlapOf(err);
    }
    const created = (await repo.selectAgreement(tx, organizationId, id))!;
    await auditBy(tx, auth, {
      organizationId,
      action: 'agreement.request',
      entityType: 'rw_agreement',
      entityId: id,
      before: null,
      after: created,
      ip: opts.ip ?? null,
    });
    await queueAgreementNotices(tx, created, 'requested', { publicUrl: opts.publicUrl });
    return viewOf(auth, created);
  });
}
