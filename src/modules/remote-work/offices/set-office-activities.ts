/** Use case: the activities of an office and whether each can be done remotely, the whole list at once (HR or the office's manager). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E, remoteWorkErrors } from '../remote-work.errors.js';
import { bodyOf, managesOffice } from './office-access.js';
import { officeDetailOf, type OfficeDetail } from './show-office.js';
import * as repo from './offices.repo.js';

export async function setOfficeActivities(
  db: Db,
  auth: AuthContext,
  officeId: string,
  input: { activities: { name: string; remotable: boolean }[] },
  meta: { ip?: string } = {},
): Promise<OfficeDetail> {
  const organizationId = bodyOf(auth);
  const names = new Set<string>();
  const repeated = new Set<string>();
  for (const a of input.activities) {
    const k = a.name.toLowerCase();
    if (names.has(k)) repeated.add(a.name);
    names.add(k);
  }
  if (repeated.size) throw E.invalidActivities(`Attività ripetute: ${[...repeated].join(', ')}.`);
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.lockOffice(tx, organizationId, officeId))) throw E.officeNotFound();
    if (!(await managesOffice(tx, auth, organizationId, officeId))) {
      throw remoteWorkErrors.forbidden('Le attività di un ufficio le indicano l’ufficio del personale e il responsabile dell’ufficio.');
    }
    const before = await repo.selectActivities(tx, organizationId, officeId);
    await repo.replaceActivities(tx, organizationId, officeId, input.activities);
    const detail = await officeDetailOf(tx, organizationId, officeId);
    await auditBy(tx, auth, {
      organizationId,
      action: 'office.activities_set',
      entityType: 'rw_office',
      entityId: officeId,
      before: { activities: before.map(({ name, remotable }) => ({ name, remotable })) },
      after: { activities: detail.activities.map(({ name, remotable }) => ({ name, remotable })) },
      ip: meta.ip ?? null,
    });
    return detail;
  });
}
