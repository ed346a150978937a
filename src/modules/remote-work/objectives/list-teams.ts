/** Use case: the teams the caller may see — HR all, an office manager his offices' (and his own), everyone his own. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { actorOf, managesOfficeOf } from './objective-access.js';
import * as repo from './objectives.repo.js';

export async function listTeams(db: Db, auth: AuthContext) {
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const teams = await repo.selectTeams(tx, actor.organizationId, { officeIds: actor.all ? null : actor.managedOfficeIds, memberId: actor.all ? null : actor.employeeId });
    return { items: teams.map((t) => ({ ...t, canEdit: managesOfficeOf(actor, t.officeId) })) };
  });
}
