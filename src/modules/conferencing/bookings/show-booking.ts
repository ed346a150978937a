/** Use case: one booking the caller may see (its body's, or its platforms' as operator), with the body's name. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { getOrganizationNames } from '../../organizations/index.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';

export async function showBooking(db: Db, auth: AuthContext, id: string) {
  return db.tx(dbContext(auth), async (tx) => {
    const b = await repo.selectBooking(tx, id);
    if (!b) throw E.bookingNotFound(`Nessuna prenotazione con identificativo ${id}.`);
    const names = await getOrganizationNames(tx, [b.organizationId]);
    return { ...b, organizationName: names.get(b.organizationId) ?? '' };
  });
}
