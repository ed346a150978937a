/**
 * Use case: the bookings the caller may see (row-level security: its body's, its platforms' as
 * operator, all in platform scope), newest start first, filtered by platform, body, status,
 * "created by me" and a range they overlap ([from, to), either bound optional). Each carries
 * the booking body's name.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { getOrganizationNames } from '../../organizations/index.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';

export interface BookingListQuery {
  platformId?: string;
  organizationId?: string;
  status?: repo.BookingStatus;
  /** Only the bookings created by the caller. */
  mine?: boolean;
  /** ISO 8601 instants: the bookings overlapping [from, to). */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export async function listBookings(db: Db, auth: AuthContext, q: BookingListQuery) {
  const from = q.from !== undefined ? Date.parse(q.from) : null;
  const to = q.to !== undefined ? Date.parse(q.to) : null;
  if (from !== null && to !== null && !(to > from)) throw E.invalidRange('La fine dell’intervallo deve essere successiva all’inizio.');
  return db.tx(dbContext(auth), async (tx) => {
    const r = await repo.selectBookings(
      tx,
      { platformId: q.platformId, organizationId: q.organizationId, status: q.status, createdBy: q.mine ? auth.userId : null, from, to },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    const names = await getOrganizationNames(tx, r.items.map((b) => b.organizationId));
    const items = r.items.map((b) => ({ ...b, organizationName: names.get(b.organizationId) ?? '' }));
    return { items, total: r.total, page: q.page, pageSize: q.pageSize };
  });
}
