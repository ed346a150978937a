/**
 * Use case: the active employees as CSV, in the import's columns (so an export imports back
 * unchanged), UTF-8 with BOM, `;` by default. HR exports the body, an office manager his offices.
 * Read in keyset batches, each in a short transaction, and streamed.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, managedOfficeIds } from './office-access.js';
import { exportHeader, exportLine } from './employee-csv.js';
import * as repo from './offices.repo.js';
import { clock } from '../../../platform/clock.js';

export const EXPORT_BATCH = 1000;

export async function exportEmployees(db: Db, auth: AuthContext, q: { officeId?: string; separator: 'semicolon' | 'comma' }, batchSize = EXPORT_BATCH) {
  const organizationId = bodyOf(auth);
  const ctx = dbContext(auth);
  const officeIds = await db.tx(ctx, async (tx) => {
    const managed = await managedOfficeIds(tx, auth, organizationId);
    if (managed !== null && managed.length === 0) throw E.notOwnOffice('L’esportazione dei dipendenti è dell’ufficio del personale e dei responsabili d’ufficio.');
    if (q.officeId) {
      if (managed !== null && !managed.includes(q.officeId)) throw E.notOwnOffice();
      if (!(await repo.selectOffice(tx, organizationId, q.officeId))) throw E.officeNotFound();
      return [q.officeId];
    }
    return managed;
  });
  const sep = q.separator === 'comma' ? ',' : ';';
  async function* chunks(): AsyncGenerator<string> {
    yield exportHeader(sep);
    let after: { lastName: string; firstName: string; id: string } | null = null;
    for (;;) {
      const batch = await db.tx(ctx, (tx) => repo.selectExportBatch(tx, organizationId, officeIds, after, batchSize));
      if (batch.length) yield batch.map((e) => exportLine(e, sep)).join('');
      if (batch.length < batchSize) return;
      const last = batch[batch.length - 1];
      after = { lastName: last.lastName, firstName: last.firstName, id: last.id };
    }
  }
  const day = clock.date().toISOString().slice(0, 10);
  return { filename: `dipendenti-${day}.csv`, contentType: 'text/csv; charset=utf-8', chunks: chunks() };
}
