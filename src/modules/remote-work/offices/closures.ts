/**
 * Use cases: the body's closures (days the offices are closed beyond national holidays and the
 * patron day): everyone in the body reads them, HR sets and removes them.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { errors } from '../../../platform/http/errors.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import { spanDays } from './day-range.js';
import * as repo from './offices.repo.js';

export async function listClosures(db: Db, auth: AuthContext, q: { from: string; to: string }) {
  const organizationId = bodyOf(auth);
  const n = spanDays(q.from, q.to);
  if (n < 1) throw E.absenceRange('La fine viene prima dell’inizio.');
  if (n > 1100) throw E.rangeTooWide(`L’intervallo è di ${n} giorni: al massimo tre anni.`);
  return db.tx(dbContext(auth), (tx) => repo.selectClosures(tx, organizationId, q.from, q.to));
}

export async function setClosure(db: Db, auth: AuthContext, day: string, reason: string, meta: { ip?: string } = {}) {
  requireBodyManager(auth, 'Fissare una chiusura dell’ente');
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const before = await repo.selectClosure(tx, organizationId, day);
    await repo.upsertClosure(tx, organizationId, day, reason);
    const after = (await repo.selectClosure(tx, organizationId, day))!;
    await auditBy(tx, auth, { organizationId, action: 'closure.set', entityType: 'rw_closure', entityId: day, before, after, ip: meta.ip ?? null });
    return after;
  });
}

export async function removeClosure(db: Db, auth: AuthContext, day: string, meta: { ip?: string } = {}): Promise<void> {
  requireBodyManager(auth, 'Togliere una chiusura dell’ente');
  const organizationId = bodyOf(auth);
  await db.tx(dbContext(auth), async (tx) => {
    const before = await repo.selectClosure(tx, organizationId, day);
    if (!before) throw errors.notFound(`Nessuna chiusura il ${day}.`);
    await repo.deleteClosure(tx, organizationId, day);
    await auditBy(tx, auth, { organizationId, action: 'closure.remove', entityType: 'rw_closure', entityId: day, before, after: null, ip: meta.ip ?? null });
  });
}
