/**
 * Use case: change an employee (HR; an office manager for the people of the offices he manages,
 * and only towards offices he manages). `active: false` deactivates. A change that would leave
 * the old office with fewer people (or people with a skill) than its coverage rules ask for is
 * refused with the rule and the numbers.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { assertCoverageHolds, bodyOf, managesOffice } from './office-access.js';
import { checkEmployeeFields, type EmployeeInput } from './employee-input.js';
import * as repo from './offices.repo.js';

export async function updateEmployee(db: Db, auth: AuthContext, id: string, input: EmployeeInput, meta: { ip?: string } = {}) {
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const before = await repo.selectEmployee(tx, organizationId, id);
    if (!before) throw E.employeeNotFound();
    if (!(await managesOffice(tx, auth, organizationId, before.officeId))) throw E.notOwnOffice();
    const { fields, errors, taxCodeProblem } = checkEmployeeFields(before, input);
    if (taxCodeProblem && errors.length === 1) throw E.invalidTaxCode(`Codice fiscale: ${taxCodeProblem}.`, undefined, errors);
    if (errors.length) throw E.invalidEmployee(errors.map((e) => e.message).join('; '), undefined, errors);
    if (fields.officeId !== before.officeId) {
      if (!(await repo.selectOffice(tx, organizationId, fields.officeId))) throw E.officeNotFound('L’ufficio indicato non esiste nel tuo ente.');
      if (!(await managesOffice(tx, auth, organizationId, fields.officeId))) throw E.notOwnOffice('Puoi spostare le persone solo verso uffici di cui sei responsabile.');
    }
    if (fields.taxCode !== before.taxCode && (await repo.selectEmployeeIdByTaxCode(tx, organizationId, fields.taxCode, id))) {
      throw E.duplicateTaxCode(`Il codice fiscale ${fields.taxCode} è già registrato nel tuo ente.`);
    }
    if (fields.email && fields.email !== before.email && (await repo.selectEmployeeIdByEmail(tx, organizationId, fields.email, id))) {
      throw E.duplicateEmail(`L’indirizzo ${fields.email} è già di un altro dipendente.`);
    }
    await repo.updateEmployee(tx, organizationId, id, fields);
    await repo.relinkUsers(tx, organizationId, [id]);
    const lostSomeone = fields.officeId !== before.officeId || (before.active && !fields.active) || before.skills.some((s) => !fields.skills.includes(s));
    if (lostSomeone) {
      const name = `${before.lastName} ${before.firstName}`;
      const what = !fields.active && before.active ? `Disattivando ${name}` : fields.officeId !== before.officeId ? `Spostando ${name} in un altro ufficio` : `Togliendo competenze a ${name}`;
      await assertCoverageHolds(tx, organizationId, [before.officeId], `${what} il presidio non sarebbe più garantito`);
    }
    const after = (await repo.selectEmployee(tx, organizationId, id))!;
    await auditBy(tx, auth, {
      organizationId,
      action: before.active && !after.active ? 'employee.deactivate' : 'employee.update',
      entityType: 'rw_employee',
      entityId: id,
      before,
      after,
      ip: meta.ip ?? null,
    });
    return after;
  });
}
