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

/** Who made a change: a signed-in caller's auth context, a use case's Actor, or null for the system. */
export type AuditCaller = { userId: string | null; email: string } | { userId: string | null; label: string } | null;
/** An entry without its actor: `auditBy` fills it from the caller. */
export type AuditEvent = Omit<AuditEntry, 'actorUserId' | 'actorLabel'>;

/** Records what the caller did (inside the change's transaction, like `recordAudit`). */
export function auditBy(tx: Queryable, by: AuditCaller, e: AuditEvent): Promise<void> {
  const actorLabel = by === null ? 'system' : 'email' in by ? by.email : by.label;
  return recordAudit(tx, { ...e, actorUserId: by?.userId ?? null, actorLabel });
}

// Reading the log (admin pages): filters, pages, keyset batches for exports, chain verification.

export interface AuditFilter {
  /** The chain: a body's id, or null for the platform's own events. */
  organizationId: string | null;
  /** Half-open range [from, to) on the entry's time. */
  from?: Date;
  to?: Date;
  action?: string;
  entityType?: string;
  /** The actor's e-mail (or part of it) or user id. */
  actor?: string;
}

export interface AuditRecord {
  id: number;
  seq: number;
  at: string;
  actor: string | null;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prevHash: string;
  hash: string;
}

interface AuditRow {
  id: number;
  seq: number;
  created_at: Date | string;
  actor_label: string | null;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

const AUDIT_COLUMNS = 'id, seq, created_at, actor_label, actor_user_id, action, entity_type, entity_id, before, after, ip, prev_hash, hash';

function toRecord(r: AuditRow): AuditRecord {
  return {
    id: Number(r.id),
    seq: Number(r.seq),
    at: new Date(r.created_at).toISOString(),
    actor: r.actor_label,
    actorUserId: r.actor_user_id,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

function whereOf(f: AuditFilter, params: unknown[]): string {
  const cond: string[] = [];
  params.push(f.organizationId);
  cond.push(`organization_id is not distinct from $${params.length}::uuid`);
  if (f.from) {
    params.push(f.from);
    cond.push(`created_at >= $${params.length}`);
  }
  if (f.to) {
    params.push(f.to);
    cond.push(`created_at < $${params.length}`);
  }
  if (f.action) {
    params.push(f.action);
    cond.push(`action = $${params.length}`);
  }
  if (f.entityType) {
    params.push(f.entityType);
    cond.push(`entity_type = $${params.length}`);
  }
  if (f.actor) {
    params.push(f.actor);
    const i = params.length;
    params.push(`%${f.actor.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    cond.push(`(actor_user_id::text = $${i} or actor_label ilike $${params.length})`);
  }
  return cond.join(' and ');
}

/** One page of entries, newest first, with the total. RLS limits what the caller's context sees. */
export async function listAuditPage(tx: Queryable, f: AuditFilter, limit: number, offset: number): Promise<{ items: AuditRecord[]; total: number }> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const total = await tx.query<{ n: number }>(`select count(*)::int as n from audit_log where ${where}`, params);
  const rows = await tx.query<AuditRow>(
    `select ${AUDIT_COLUMNS} from audit_log where ${where} order by seq desc limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, limit, offset],
  );
  return { items: rows.rows.map(toRecord), total: Number(total.rows[0]?.n ?? 0) };
}

/** The highest seq of a chain (0 when empty): exports stop there, so they read a fixed set. */
export async function lastAuditSeq(tx: Queryable, organizationId: string | null): Promise<number> {
  const r = await tx.query<{ seq: number | null }>('select max(seq) as seq from audit_log where organization_id is not distinct from $1::uuid', [organizationId]);
  return Number(r.rows[0]?.seq ?? 0);
}

/** Up to `limit` entries with afterSeq < seq <= untilSeq, oldest first (keyset batches for exports). */
export async function auditBatch(tx: Queryable, f: AuditFilter, afterSeq: number, untilSeq: number, limit: number): Promise<AuditRecord[]> {
  const params: unknown[] = [];
  const where = whereOf(f, params);
  const rows = await tx.query<AuditRow>(
    `select ${AUDIT_COLUMNS} from audit_log where ${where} and seq > $${params.length + 1} and seq <= $${params.length + 2}
      order by seq limit $${params.length + 3}`,
    [...params, afterSeq, untilSeq, limit],
  );
  return rows.rows.map(toRecord);
}

export interface AuditVerification {
  valid: boolean;
  entries: number;
  firstBrokenSeq?: number;
  problem?: string;
}

/** Recomputes the chain of one body (or the platform's, null) with `audit_verify`. */
export async function verifyAuditChain(tx: Queryable, organizationId: string | null): Promise<AuditVerification> {
  const count = await tx.query<{ n: number }>('select count(*)::int as n from audit_log where organization_id is not distinct from $1::uuid', [organizationId]);
  const broken = await tx.query<{ seq: number; problem: string }>('select seq, problem from audit_verify($1::uuid)', [organizationId]);
  const entries = Number(count.rows[0]?.n ?? 0);
  const b = broken.rows[0];
  return b ? { valid: false, entries, firstBrokenSeq: Number(b.seq), problem: b.problem } : { valid: true, entries };
}
