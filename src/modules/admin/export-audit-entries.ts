/**
 * Export a body's audit log as CSV (UTF-8 with BOM, for Excel) or JSON. The entries are read in
 * keyset batches (by seq, up to the last seq at the start), each in a short transaction, and
 * streamed out: memory stays flat however long the log is.
 */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { auditBatch, lastAuditSeq, type AuditRecord } from '../../platform/audit.js';
import { auditFilterFor, type AuditFilterInput } from './list-audit-entries.js';
import { clock } from '../../platform/clock.js';

export const EXPORT_BATCH = 500;

export const CSV_COLUMNS = ['id', 'seq', 'at', 'actor', 'actorUserId', 'action', 'entityType', 'entityId', 'before', 'after', 'ip', 'prevHash', 'hash'] as const;

/** One CSV field (RFC 4180 quoting); text that a spreadsheet would run as a formula is defused with a leading apostrophe. */
export function csvField(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",;\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(r: AuditRecord, sep: string): string {
  return CSV_COLUMNS.map((c) => csvField(r[c])).join(sep) + '\r\n';
}

export interface AuditExport {
  filename: string;
  contentType: string;
  chunks: AsyncIterable<string>;
}

export async function exportAuditEntries(
  db: Db,
  auth: AuthContext,
  q: AuditFilterInput & { format: 'csv' | 'json'; separator: 'comma' | 'semicolon' },
  batchSize = EXPORT_BATCH,
): Promise<AuditExport> {
  const filter = auditFilterFor(auth, q);
  const ctx = dbContext(auth);
  const until = await db.tx(ctx, (tx) => lastAuditSeq(tx, filter.organizationId));
  const sep = q.separator === 'semicolon' ? ';' : ',';
  async function* rows(): AsyncGenerator<AuditRecord> {
    let after = 0;
    for (;;) {
      const batch = await db.tx(ctx, (tx) => auditBatch(tx, filter, after, until, batchSize));
      for (const r of batch) yield r;
      if (batch.length < batchSize) return;
      after = batch[batch.length - 1].seq;
    }
  }
  async function* csv(): AsyncGenerator<string> {
    yield '\uFEFF' + CSV_COLUMNS.join(sep) + '\r\n';
    let buf = '';
    for await (const r of rows()) {
      buf += csvLine(r, sep);
      if (buf.length > 64 * 1024) {
        yield buf;
        buf = '';
      }
    }
    if (buf) yield buf;
  }
  async function* json(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const r of rows()) {
      yield (first ? '\n' : ',\n') + JSON.stringify(r);
      first = false;
    }
    yield '\n]\n';
  }
  const day = clock.date().toISOString().slice(0, 10).replace(/-/g, '');
  const who = filter.organizationId ?? 'piattaforma';
  return {
    filename: `registro-attivita-${who}-${day}.${q.format}`,
    contentType: q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
    chunks: q.format === 'csv' ? csv() : json(),
  };
}
