/**
 * Use cases: an employee's absences (leave, sickness, training, other), each day counted neither
 * on site nor remote by the planner. HR or the manager of the employee's office records and
 * removes them, a range of at most 366 days at a time.
 */
import type { Db, Tx } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, managesOffice } from './office-access.js';
import { spanDays } from './day-range.js';
import { dateRange } from '../../../platform/calendar/rome.js';
import * as repo from './offices.repo.js';

function checkRange(from: string, to: string): void {
  const n = spanDays(from, to);
  if (n < 1 || n > 366) throw E.absenceRange(n < 1 ? 'La fine viene prima dell’inizio.' : `L’intervallo è di ${n} giorni.`);
}

async function employeeFor(tx: Tx, auth: AuthContext, organizationId: string, employeeId: string) {
  const e = await repo.selectEmployee(tx, organizationId, employeeId);
  if (!e) throw E.employeeNotFound();
  if (!(await managesOffice(tx, auth, organizationId, e.officeId))) throw E.notOwnOffice('Le assenze le registrano l’ufficio del personale e il responsabile dell’ufficio.');
  return e;
}

export async function setAbsences(db: Db, auth: AuthContext, employeeId: string, input: { from: string; to: string; kind: repo.AbsenceKind }, meta: { ip?: string } = {}) {
  const organizationId = bodyOf(auth);
  checkRange(input.from, input.to);
  const days = dateRange(input.from, input.to);
  return db.tx(dbContext(auth), async (tx) => {
    await employeeFor(tx, auth, organizationId, employeeId);
    const before = await repo.selectAbsences(tx, organizationId, { from: input.from, to: input.to, employeeId, officeIds: null }, 400);
    await repo.upsertAbsences(tx, organizationId, employeeId, days, input.kind);
    await auditBy(tx, auth, {
      organizationId,
      action: 'absence.set',
      entityType: 'rw_employee',
      entityId: employeeId,
      before: { absences: before.map(({ day, kind }) => ({ day, kind })) },
      after: { from: input.from, to: input.to, kind: input.kind },
      ip: meta.ip ?? null,
    });
    return { employeeId, from: input.from, to: input.to, days: days.length };
  });
}

export async function removeAbsences(db: Db, auth: AuthContext, employeeId: string, input: { from: string; to: string }, meta: { ip?: string } = {}) {
  const organizationId = bodyOf(auth);
  checkRange(input.from, input.to);
  return db.tx(dbContext(auth), async (tx) => {
    await employeeFor(tx, auth, organizationId, employeeId);
    const before = await repo.selectAbsences(tx, organizationId, { from: input.from, to: input.to, employeeId, officeIds: null }, 400);
    const n = await repo.deleteAbsences(tx, organizationId, employeeId, input.from, input.to);
    if (n) {
      await auditBy(tx, auth, {
        organizationId,
        action: 'absence.remove',
        entityType: 'rw_employee',
        entityId: employeeId,
        before: { absences: before.map(({ day, kind }) => ({ day, kind })) },
        after: null,
        ip: meta.ip ?? null,
      });
    }
    return { employeeId, from: input.from, to: input.to, days: n };
  });
}
