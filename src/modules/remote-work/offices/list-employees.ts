/** Use case: the employees of the body (HR) or of the offices one manages (office managers), a page at a time. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, managedOfficeIds } from './office-access.js';
import * as repo from './offices.repo.js';

export interface ListEmployeesQuery {
  page: number;
  pageSize: number;
  officeId?: string;
  q?: string;
  status: 'active' | 'inactive' | 'all';
}

export async function listEmployees(db: Db, auth: AuthContext, q: ListEmployeesQuery) {
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const managed = await managedOfficeIds(tx, auth, organizationId);
    if (managed !== null && managed.length === 0) throw E.notOwnOffice('L’elenco dei dipendenti è dell’ufficio del personale e dei responsabili d’ufficio.');
    let officeIds: string[] | null = managed;
    if (q.officeId) {
      if (managed !== null && !managed.includes(q.officeId)) throw E.notOwnOffice();
      officeIds = [q.officeId];
    }
    const active = q.status === 'all' ? undefined : q.status === 'active';
    const r = await repo.selectEmployees(tx, organizationId, { officeIds, q: q.q, active }, q.pageSize, (q.page - 1) * q.pageSize);
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}
