/**
 * Use case: HR registers an employee in an office. The codice fiscale is checked (check letter,
 * omocodia, birth date) and unique in the body; the e-mail, when given, belongs to one employee
 * and links the record to the platform account of the body with that e-mail (or tax code).
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import { checkEmployeeFields, type EmployeeInput } from './employee-input.js';
import * as repo from './offices.repo.js';

export async function createEmployee(db: Db, auth: AuthContext, input: EmployeeInput & { taxCode: string; firstName: string; lastName: string; officeId: string }, meta: { ip?: string } = {}) {
  requireBodyManager(auth, 'Registrare un dipendente');
  const organizationId = bodyOf(auth);
  const empty: repo.EmployeeFields = { officeId: input.officeId, taxCode: '', firstName: '', lastName: '', email: null, skills: [], preferredWeekdays: [], disabledWorker: false, active: true };
  const { fields, errors, taxCodeProblem } = checkEmployeeFields(empty, { ...input, active: true });
  if (taxCodeProblem && errors.length === 1) throw E.invalidTaxCode(`Codice fiscale: ${taxCodeProblem}.`, undefined, errors);
  if (errors.length) throw E.invalidEmployee(errors.map((e) => e.message).join('; '), undefined, errors);
  const id = randomUUID();
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.selectOffice(tx, organizationId, fields.officeId))) throw E.officeNotFound('L’ufficio indicato non esiste nel tuo ente.');
    if (await repo.selectEmployeeIdByTaxCode(tx, organizationId, fields.taxCode, null)) throw E.duplicateTaxCode(`Il codice fiscale ${fields.taxCode} è già registrato nel tuo ente.`);
    if (fields.email && (await repo.selectEmployeeIdByEmail(tx, organizationId, fields.email, null))) throw E.duplicateEmail(`L’indirizzo ${fields.email} è già di un altro dipendente.`);
    await repo.insertEmployee(tx, organizationId, id, fields);
    await repo.relinkUsers(tx, organizationId, [id]);
    const created = (await repo.selectEmployee(tx, organizationId, id))!;
    await auditBy(tx, auth, { organizationId, action: 'employee.create', entityType: 'rw_employee', entityId: id, before: null, after: created, ip: meta.ip ?? null });
    return created;
  });
}
