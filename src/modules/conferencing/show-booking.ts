/** Use cases: one booking, and the bookings the caller may see (its body's, or its platforms' as operator). */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';

export async function showBooking(db: Db, auth: AuthContext, id: string) {
  return db.tx(dbContext(auth), async (tx) => {
    const b = await repo.selectBooking(tx, id);
    if (!b) throw E.bookingNotFound(`Nessuna prenotazione con identificativo ${id}.`);
    return b;
  });
}
