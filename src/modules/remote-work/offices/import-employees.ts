/**
 * Use case: HR imports the employees from a CSV file (see employee-import.ts for the columns).
 * `preview` checks the whole file against the body and returns every row with its errors,
 * writing nothing. `commit` writes only a clean file, all of it in one transaction (upsert by
 * tax code, everyone in the file made active), else refuses with the same report (422).
 * Also refused: a file whose moves would leave an office below its coverage rules.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import { checkEmployeeImport, MAX_IMPORT_BYTES, type ImportReport } from './employee-csv.js';
import { coverageShortfalls, describeShortfall } from './employee-rules.js';
import * as repo from './offices.repo.js';

export type ImportResult = ImportReport & { committed: boolean };

/** Changed employees per audit entry of an import. */
export const AUDIT_BATCH = 250;

async function check(tx: Queryable, organizationId: string, content: string) {
  const offices = await repo.selectOffices(tx, organizationId);
  const existing = await repo.selectEmployeesForImport(tx, organizationId);
  const { report, employees } = checkEmployeeImport(content, { offices, existing });
  if (report.clean) {
    // The body as it would be after the import: are the coverage rules still possible?
    const inFile = new Set(employees.map((e) => e.taxCode));
    const staff = [...existing.filter((e) => e.active && !inFile.has(e.taxCode)), ...employees];
    const short = coverageShortfalls(await repo.selectCoverageRules(tx, organizationId, null), staff);
    const label = new Map(offices.map((o) => [o.id, `${o.name} (${o.code})`]));
    for (const s of short) {
      report.fileErrors.push({ column: null, code: 'coverage.exceeds_staff', message: `Dopo l’importazione: ${describeShortfall(s, label.get(s.officeId) ?? s.officeId)}.` });
    }
    if (short.length) report.clean = false;
  }
  return { report, employees, existing };
}

export async function importEmployees(db: Db, auth: AuthContext, input: { content: string; mode: 'preview' | 'commit' }, meta: { ip?: string } = {}): Promise<ImportResult> {
  requireBodyManager(auth, 'Importare i dipendenti');
  const organizationId = bodyOf(auth);
  const bytes = Buffer.byteLength(input.content, 'utf8');
  if (bytes > MAX_IMPORT_BYTES) throw E.importTooLarge(`Il file pesa ${(bytes / 1024 / 1024).toFixed(1)} MB: dividilo in più file da al massimo 5 MB.`);
  if (input.mode === 'preview') {
    const { report } = await db.tx(dbContext(auth), (tx) => check(tx, organizationId, input.content));
    return { ...report, committed: false };
  }
  return db.tx(dbContext(auth), async (tx) => {
    await repo.lockAllOffices(tx, organizationId);
    const { report, employees, existing } = await check(tx, organizationId, input.content);
    if (!report.clean) {
      const list = [
        ...report.fileErrors.map((e) => ({ field: 'file', message: e.message })),
        ...report.rows.flatMap((r) => r.errors.map((e) => ({ field: `riga ${r.line}${e.column ? `: ${e.column}` : ''}`, message: e.message }))),
      ];
      const n = report.rowsWithErrors;
      const detail = n ? `${n} ${n === 1 ? 'riga ha' : 'righe hanno'} errori${report.fileErrors.length ? ', e il file nel suo insieme ne ha' : ''}.` : 'Il file nel suo insieme ha errori.';
      throw E.importInvalid(detail, { report: { ...report, committed: false } }, list.slice(0, 200));
    }
    const changed = employees.filter((e) => e.action !== 'unchanged');
    const ids = await repo.upsertEmployees(
      tx,
      organizationId,
      changed.map((e) => ({ ...e, id: e.existingId ?? randomUUID() })),
    );
    await repo.relinkUsers(tx, organizationId, [...ids.values()]);
    // Audit: who, when, before and after of every changed employee, in entries of AUDIT_BATCH people
    // (one entry per person would make a 20,000-row import crawl through the audit chain).
    const before = new Map(existing.map((e) => [e.taxCode, e]));
    const where = { organizationId, ip: meta.ip ?? null };
    const importId = randomUUID();
    for (let i = 0; i < changed.length; i += AUDIT_BATCH) {
      const part = changed.slice(i, i + AUDIT_BATCH).map((e) => {
        const { line, action, existingId, ...after } = e;
        void existingId;
        return { id: ids.get(e.taxCode) ?? null, line, action, before: before.get(e.taxCode) ?? null, after: { ...after, active: true } };
      });
      await auditBy(tx, auth, { ...where, action: 'employee.import_rows', entityType: 'rw_employee_import', entityId: importId, before: null, after: { employees: part } });
    }
    await auditBy(tx, auth, {
      ...where,
      action: 'employee.import',
      entityType: 'rw_employee_import',
      entityId: importId,
      after: { rows: report.totalRows, creates: report.creates, updates: report.updates, unchanged: report.unchanged },
    });
    return { ...report, committed: true };
  });
}
