/** Use case: who manages an objective deletes it, with its indicators and reports. Audited with what was deleted. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, managesOfficeOf, visibilityOf } from './objective-access.js';
import { objectiveSnapshot } from './objective-view.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export async function deleteObjective(db: Db, auth: AuthContext, id: string, meta: { ip?: string } = {}): Promise<void> {
  await db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const o = await repo.selectObjective(tx, actor.organizationId, id, true);
    if (!o || !(await repo.isVisible(tx, actor.organizationId, visibilityOf(actor), id))) throw E.notFound();
    if (!managesOfficeOf(actor, o.ownerOfficeId)) throw E.forbidden('Solo chi gestisce l’ufficio dell’obiettivo (o l’ufficio del personale) lo elimina.');
    const before = await objectiveSnapshot(tx, actor.organizationId, id);
    const reports = await repo.selectReports(tx, actor.organizationId, id);
    await repo.deleteObjective(tx, actor.organizationId, id);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_objective.delete',
      entityType: 'remote_work_objective',
      entityId: id,
      before: { ...before, reports: reports.map((r) => ({ reportedOn: r.reportedOn, comment: r.comment, values: r.values })) },
      ip: meta.ip ?? null,
    });
  });
}
