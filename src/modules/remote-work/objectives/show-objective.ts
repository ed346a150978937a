/** Use case: one objective the caller may see, with indicators, reports and progress (others: 404). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { actorOf } from './objective-access.js';
import { objectiveDetail, type ObjectiveDetail } from './objective-view.js';

export async function showObjective(db: Db, auth: AuthContext, id: string): Promise<ObjectiveDetail> {
  return db.tx(dbContext(auth), async (tx) => objectiveDetail(tx, await actorOf(tx, auth), id));
}
