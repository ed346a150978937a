/** Use case: one body of the directory with its parent bodies. */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import * as repo from './organizations.repo.js';
import { organizationErrors } from './organizations.errors.js';

export async function showOrganization(db: Db, auth: AuthContext, id: string) {
  return db.tx(dbContext(auth), async (tx) => {
    const row = await repo.selectById(tx, id);
    if (!row) throw organizationErrors.notFound(`Nessun ente con identificativo ${id}.`);
    return { ...row, parents: await repo.selectParents(tx, id) };
  });
}
