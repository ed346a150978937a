/** Loading an agreement the caller may see (404 otherwise, so that others' agreements are not revealed). */
import type { Queryable } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import { nextStatus, type AgreementAction } from './agreement-rules.js';
import { STATUS_IT } from './agreement-document.js';
import { canSee } from './agreement-access.js';
import * as repo from './agreements.repo.js';

export async function loadVisible(tx: Queryable, auth: AuthContext, id: string, forUpdate = false): Promise<repo.AgreementRow> {
  const a = await repo.selectAgreement(tx, auth.organizationId, id, forUpdate);
  if (!a || !canSee(auth, a)) throw E.notFound(`Nessun accordo visibile con identificativo ${id}.`);
  return a;
}

const ACTION_IT: Record<AgreementAction, string> = {
  approve: 'approvare',
  refuse: 'respingere',
  register: 'registrare',
  withdraw: 'recedere da',
  acknowledgeSafety: 'confermare l’informativa di',
  renew: 'rinnovare',
  expire: 'far scadere',
  close: 'chiudere',
};

export function assertTransition(a: repo.AgreementRow, action: AgreementAction): void {
  if (!nextStatus(a.status, action)) throw E.invalidTransition(`Non si può ${ACTION_IT[action]} un accordo ${STATUS_IT[a.status]}.`);
}

/** The audit entry of a change of an agreement, inside its transaction. */
export async function auditChange(tx: Queryable, auth: AuthContext | null, action: string, before: repo.AgreementRow, after: repo.AgreementRow, ip?: string | null): Promise<void> {
  await auditBy(tx, auth ?? null, {
    organizationId: after.organizationId,
    action,
    entityType: 'rw_agreement',
    entityId: after.id,
    before,
    after,
    ip: ip ?? null,
  });
}
