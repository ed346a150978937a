/** Use case: the bookings the caller may see (row-level security), newest first, optionally of one platform. */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import * as repo from './conferencing.repo.js';

export async function listBookings(db: Db, auth: AuthContext, q: { platformId?: string; page: number; pageSize: number }) {
  return db.tx(dbContext(auth), async (tx) => {
    const r = await repo.selectBookings(tx, q.platformId ?? null, q.pageSize, (q.page - 1) * q.pageSize);
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}
