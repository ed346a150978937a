/** Use case: who manages a team deletes it, when it has no objectives (team.in_use otherwise). Audited. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, managesOfficeOf } from './objective-access.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export async function deleteTeam(db: Db, auth: AuthContext, id: string, meta: { ip?: string } = {}): Promise<void> {
  await db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const t = await repo.selectTeam(tx, actor.organizationId, id, true);
    if (!t || !managesOfficeOf(actor, t.officeId)) throw E.teamNotFound();
    if (t.objectives > 0) throw E.teamInUse(`Il gruppo ha ${t.objectives} obiettivi.`);
    await repo.deleteTeam(tx, actor.organizationId, id);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_team.delete',
      entityType: 'remote_work_team',
      entityId: id,
      before: { name: t.name, officeId: t.officeId, memberIds: t.members.map((m) => m.employeeId) },
      ip: meta.ip ?? null,
    });
  });
}
