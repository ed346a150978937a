/** Use case: one agreement the caller may see, with its timeline and the actions open to him. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { loadVisible } from './agreement-load.js';
import { viewOf } from './agreement-view.js';

export async function showAgreement(db: Db, auth: AuthContext, id: string) {
  return db.tx(dbContext(auth), async (tx) => viewOf(auth, await loadVisible(tx, auth, id)));
}
