/** Use case: the bodies below one body (a province's municipalities, a union's members). */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { offsetOf } from '../../platform/http/pagination.js';
import * as repo from './organizations.repo.js';
import { organizationErrors } from './organizations.errors.js';

export async function listOrganizationChildren(db: Db, auth: AuthContext, id: string, page: { page: number; pageSize: number }) {
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.selectById(tx, id))) throw organizationErrors.notFound(`Nessun ente con identificativo ${id}.`);
    const { items, total } = await repo.selectChildren(tx, id, page.pageSize, offsetOf(page));
    return { items, page: page.page, pageSize: page.pageSize, total };
  });
}
