/** Use case: the people of the body (with an account) who can be made responsible for an objective — for HR and office managers. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { actorOf, requireManager } from './objective-access.js';
import { selectBodyPeople } from '../offices/index.js';

export async function listObjectivePeople(db: Db, auth: AuthContext, q: string | undefined) {
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    requireManager(actor, 'Scegliere i responsabili di un obiettivo');
    return { items: await selectBodyPeople(tx, actor.organizationId, q?.trim() ?? '', 50) };
  });
}
