/**
 * The audit log: every write that changes a body's data records who, when, what, before and after.
 * Call `recordAudit` inside the same transaction as the change, so both land or neither does.
 * The chain (seq, prev_hash, hash) is computed by the database (migrations/0002_audit.sql).
 */
import type { Queryable } from './db/index.js';

export interface AuditEntry {
  organizationId: string | null;
  actorUserId: string | null;
  /** e-mail of the actor, or "system" / "cli". */
  actorLabel: string;
  /** `<entity>.<verb>`, e.g. `organization.update`. */
  action: string;
  entityType: string;
  entityId?: string | null;
  before?: unknown;
  after?: unknown;
  ip?: string | null;
}

export async function recordAudit(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `insert into audit_log (organization_id, seq, actor_user_id, actor_label, action, entity_type, entity_id, before, after, ip, prev_hash, hash)
     values ($1, 0, $2, $3, $4, $5, $6, $7, $8, $9, '', '')`,
    [
      e.organizationId,
      e.actorUserId,
      e.actorLabel,
      e.action,
      e.entityType,
      e.entityId ?? null,
      e.before === undefined ? null : JSON.stringify(e.before),
      e.after === undefined ? null : JSON.stringify(e.after),
      e.ip ?? null,
    ],
  );
}
