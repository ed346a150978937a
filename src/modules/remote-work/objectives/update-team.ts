/** Use case: who manages a team renames it, moves it to another of his offices, replaces its members. Audited. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, managesOfficeOf } from './objective-access.js';
import { checkTeam, type TeamInput } from './team-input.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export async function updateTeam(db: Db, auth: AuthContext, id: string, input: TeamInput, meta: { ip?: string } = {}): Promise<repo.TeamRow> {
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const before = await repo.selectTeam(tx, actor.organizationId, id, true);
    if (!before) throw E.teamNotFound();
    if (!managesOfficeOf(actor, before.officeId)) {
      if (before.members.some((m) => m.employeeId === actor.employeeId)) throw E.forbidden('Fai parte del gruppo, ma a gestirlo è il responsabile del suo ufficio.');
      throw E.teamNotFound();
    }
    const t = await checkTeam(tx, actor, input, id);
    await repo.updateTeam(tx, actor.organizationId, id, t);
    await repo.replaceTeamMembers(tx, actor.organizationId, id, t.memberIds);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_team.update',
      entityType: 'remote_work_team',
      entityId: id,
      before: { name: before.name, officeId: before.officeId, memberIds: before.members.map((m) => m.employeeId) },
      after: t,
      ip: meta.ip ?? null,
    });
    return (await repo.selectTeam(tx, actor.organizationId, id))!;
  });
}
