/** Use case: HR or an office manager makes a team (a named group of employees) to give it objectives. Audited. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, requireManager } from './objective-access.js';
import { checkTeam, type TeamInput } from './team-input.js';
import * as repo from './objectives.repo.js';

export async function createTeam(db: Db, auth: AuthContext, input: TeamInput, meta: { ip?: string } = {}): Promise<repo.TeamRow> {
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    requireManager(actor, 'Creare gruppi di lavoro');
    const t = await checkTeam(tx, actor, input, null);
    const id = randomUUID();
    await repo.insertTeam(tx, actor.organizationId, id, t);
    await repo.replaceTeamMembers(tx, actor.organizationId, id, t.memberIds);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_team.create',
      entityType: 'remote_work_team',
      entityId: id,
      after: t,
      ip: meta.ip ?? null,
    });
    return (await repo.selectTeam(tx, actor.organizationId, id))!;
  });
}
