/**
 * Use case: absences over a range (at most 366 days): HR sees the body, an office manager his
 * offices, an employee his own.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, managedOfficeIds } from './office-access.js';
import { spanDays } from './day-range.js';
import * as repo from './offices.repo.js';

export const MAX_ABSENCES = 20_000;

export async function listAbsences(db: Db, auth: AuthContext, q: { from: string; to: string; employeeId?: string; officeId?: string }) {
  const organizationId = bodyOf(auth);
  const n = spanDays(q.from, q.to);
  if (n < 1) throw E.absenceRange('La fine viene prima dell’inizio.');
  if (n > 366) throw E.rangeTooWide(`L’intervallo è di ${n} giorni.`);
  return db.tx(dbContext(auth), async (tx) => {
    const managed = await managedOfficeIds(tx, auth, organizationId);
    let officeIds = managed;
    let employeeId = q.employeeId ?? null;
    if (managed !== null && managed.length === 0) {
      // an employee: only his own days
      const me = await repo.selectEmployeeOfUser(tx, organizationId, auth.userId);
      if (!me || (employeeId && employeeId !== me.id)) throw E.notOwnOffice('Puoi vedere solo le tue assenze.');
      employeeId = me.id;
      officeIds = null;
    }
    if (q.officeId) {
      if (officeIds !== null && !officeIds.includes(q.officeId)) throw E.notOwnOffice();
      officeIds = [q.officeId];
    }
    const items = await repo.selectAbsences(tx, organizationId, { from: q.from, to: q.to, employeeId, officeIds }, MAX_ABSENCES + 1);
    return { items: items.slice(0, MAX_ABSENCES), truncated: items.length > MAX_ABSENCES };
  });
}
