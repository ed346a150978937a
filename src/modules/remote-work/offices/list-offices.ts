/** Use case: every office of the caller's body (flat, with parentId for the tree), for anyone in the body. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { bodyOf } from './office-access.js';
import * as repo from './offices.repo.js';

export async function listOffices(db: Db, auth: AuthContext) {
  const organizationId = bodyOf(auth);
  const items = await db.tx(dbContext(auth), (tx) => repo.selectOffices(tx, organizationId));
  return { items, total: items.length };
}
