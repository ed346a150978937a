/**
 * Use case: swap requests. An employee sees his own; an office manager those of the offices he
 * manages; HR and the body's administrators every request of the body. `mine=true` asks for
 * one's own requests whatever the role.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { offsetOf } from '../../../platform/http/pagination.js';
import { bodyOf, plansWholeBody } from './plan-access.js';
import * as repo from './plans.repo.js';

export async function listSwapRequests(
  db: Db,
  auth: AuthContext,
  q: { page: number; pageSize: number; status?: repo.SwapStatus; mine?: boolean },
) {
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const empty = { items: [] as repo.SwapRow[], page: q.page, pageSize: q.pageSize, total: 0 };
    let filter: { employeeId?: string; officeIds?: string[] | null } = {};
    if (q.mine || (!plansWholeBody(auth) && !auth.roles.includes('office_manager'))) {
      const me = await repo.selectEmployeeByUser(tx, organizationId, auth.userId);
      if (!me) return empty;
      filter = { employeeId: me.id };
    } else if (!plansWholeBody(auth)) {
      const managed = await repo.selectManagedOfficeIds(tx, organizationId, auth.userId);
      if (managed.length === 0) return empty;
      filter = { officeIds: managed };
    }
    const r = await repo.selectSwaps(tx, organizationId, { ...filter, status: q.status ?? null }, q.pageSize, offsetOf(q));
    return { items: r.items, page: q.page, pageSize: q.pageSize, total: r.total };
  });
}
