/**
 * Use case: HR deletes an office. Refused while it has people (active or not), sub-offices or
 * planned days: the people must be moved first, so nobody is left without an office.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import * as repo from './offices.repo.js';

export async function deleteOffice(db: Db, auth: AuthContext, id: string, meta: { ip?: string } = {}): Promise<void> {
  requireBodyManager(auth, 'Eliminare un ufficio');
  const organizationId = bodyOf(auth);
  await db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.lockOffice(tx, organizationId, id))) throw E.officeNotFound();
    const before = (await repo.selectOffice(tx, organizationId, id))!;
    const d = await repo.selectOfficeDependents(tx, organizationId, id);
    const reasons = [
      d.employees ? `${d.employees} ${d.employees === 1 ? 'persona' : 'persone'} (sposta o riassegna prima)` : '',
      d.children ? `${d.children} ${d.children === 1 ? 'ufficio dipendente' : 'uffici dipendenti'}` : '',
      d.planDays ? `${d.planDays} giorni pianificati` : '',
    ].filter(Boolean);
    if (reasons.length) throw E.hasPeople(`L’ufficio ${before.name} (${before.code}) ha ancora ${reasons.join(', ')}.`, { dependents: d });
    await repo.deleteOffice(tx, organizationId, id);
    await auditBy(tx, auth, { organizationId, action: 'office.delete', entityType: 'rw_office', entityId: id, before, after: null, ip: meta.ip ?? null });
  });
}
