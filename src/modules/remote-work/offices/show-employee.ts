/** Use cases: one employee (HR, the manager of the employee's office, the employee himself) and "my" employee record. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, managesOffice } from './office-access.js';
import * as repo from './offices.repo.js';

export async function showEmployee(db: Db, auth: AuthContext, id: string): Promise<repo.EmployeeRow> {
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const e = await repo.selectEmployee(tx, organizationId, id);
    if (!e) throw E.employeeNotFound();
    if (e.userId !== auth.userId && !(await managesOffice(tx, auth, organizationId, e.officeId))) throw E.notOwnOffice('Puoi vedere solo i tuoi dati o quelli delle persone degli uffici che gestisci.');
    return e;
  });
}

export async function showOwnEmployee(db: Db, auth: AuthContext): Promise<repo.EmployeeRow> {
  const organizationId = bodyOf(auth);
  const e = await db.tx(dbContext(auth), (tx) => repo.selectEmployeeOfUser(tx, organizationId, auth.userId));
  if (!e) throw E.employeeNotFound('Non risulti tra i dipendenti registrati nel tuo ente: chiedi all’ufficio del personale di collegare la tua e-mail.');
  return e;
}
