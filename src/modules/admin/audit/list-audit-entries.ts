/** Browse a body's audit log, newest first (body administrators: their body; platform: any). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { listAuditPage, type AuditFilter, type AuditRecord } from '../../../platform/audit.js';
import { offsetOf } from '../../../platform/http/pagination.js';
import { adminErrors } from '../admin.errors.js';
import { auditChainFor } from '../audit-scope.js';

export interface AuditFilterInput {
  from?: Date;
  to?: Date;
  action?: string;
  entityType?: string;
  actor?: string;
  organizationId?: string;
}

export function auditFilterFor(auth: AuthContext, q: AuditFilterInput): AuditFilter {
  if (q.from && q.to && q.from.getTime() >= q.to.getTime()) throw adminErrors.auditBadRange();
  return { organizationId: auditChainFor(auth, q.organizationId), from: q.from, to: q.to, action: q.action, entityType: q.entityType, actor: q.actor };
}

export async function listAuditEntries(
  db: Db,
  auth: AuthContext,
  q: AuditFilterInput & { page: number; pageSize: number },
): Promise<{ items: Omit<AuditRecord, 'ip'>[]; page: number; pageSize: number; total: number }> {
  const filter = auditFilterFor(auth, q);
  const { items, total } = await db.tx(dbContext(auth), (tx) => listAuditPage(tx, filter, q.pageSize, offsetOf(q)));
  return { items: items.map(({ ip: _ip, ...rest }) => rest), page: q.page, pageSize: q.pageSize, total };
}
