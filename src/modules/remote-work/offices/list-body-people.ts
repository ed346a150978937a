/** Use case: the people registered in the body, to choose an office's manager (HR only). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { bodyOf, requireBodyManager } from './office-access.js';
import * as repo from './offices.repo.js';

export async function listBodyPeople(db: Db, auth: AuthContext, q: string | undefined) {
  requireBodyManager(auth, 'Scegliere il responsabile di un ufficio');
  const organizationId = bodyOf(auth);
  const items = await db.tx(dbContext(auth), (tx) => repo.selectBodyPeople(tx, organizationId, q ?? '', 200));
  return { items };
}
