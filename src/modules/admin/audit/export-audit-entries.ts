/**
 * Export a body's audit log as CSV (UTF-8 with BOM, for Excel) or JSON. The entries are read in
 * keyset batches (by seq, up to the last seq at the start), each in a short transaction, and
 * streamed out: memory stays flat however long the log is.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBatch, lastAuditSeq, type AuditRecord } from '../../../platform/audit.js';
import { auditFilterFor, type AuditFilterInput } from './list-audit-entries.js';
import { clock } from '../../../platform/clock.js';
import { csvFormat, csvHeader, csvRow, type CsvFormat } from '../../../platform/csv.js';

export const EXPORT_BATCH = 500;

export const CSV_COLUMNS = ['id', 'seq', 'at', 'actor', 'actorUserId', 'action', 'entityType', 'entityId', 'before', 'after', 'ip', 'prevHash', 'hash'] as const;

/** The CSV's header, in Italian snake_case as every export: one name per column of CSV_COLUMNS. */
export const CSV_HEADER = ['id', 'sequenza', 'istante', 'autore', 'id_autore', 'azione', 'tipo_oggetto', 'id_oggetto', 'prima', 'dopo', 'ip', 'hash_precedente', 'hash'] as const;

/** One entry as a CSV row (the before and after values as JSON text). */
export function csvLine(r: AuditRecord, format: CsvFormat): string {
  return csvRow(CSV_COLUMNS.map((c) => { const v = r[c]; return v !== null && typeof v === 'object' ? JSON.stringify(v) : (v as string | number | null); }), format);
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
  const format = csvFormat(q.separator);
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
    yield csvHeader(CSV_HEADER, format);
    let buf = '';
    for await (const r of rows()) {
      buf += csvLine(r, format);
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
