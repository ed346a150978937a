/** Recompute a body's audit chain with the database's audit_verify and say whether it holds. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { verifyAuditChain as verify, type AuditVerification } from '../../../platform/audit.js';
import { auditChainFor } from '../audit-scope.js';

export async function verifyAuditChain(db: Db, auth: AuthContext, q: { organizationId?: string }): Promise<AuditVerification> {
  const org = auditChainFor(auth, q.organizationId);
  return db.tx(dbContext(auth), (tx) => verify(tx, org));
}
