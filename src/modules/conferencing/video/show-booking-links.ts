/**
 * Use case: the meeting links of a booking. Everyone who may see the booking (its body, the
 * platform's operator body, platform admins) gets the attendee link; the booking's body also gets
 * the organiser's moderator link and, on BigBlueButton, the signed create URL.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './video.repo.js';
import { bookingLinks, type BookingLinks } from './video-links.js';
import { clock } from '../../../platform/clock.js';

export async function showBookingLinks(db: Db, auth: AuthContext, bookingId: string, opts: { now?: number } = {}): Promise<BookingLinks> {
  const row = await db.tx(dbContext(auth), (tx) => repo.selectBookingVideo(tx, bookingId));
  if (!row) throw E.bookingNotFound(`Nessuna prenotazione con identificativo ${bookingId}.`);
  if (row.status === 'cancelled' || row.status === 'refused') throw E.notActive('Una prenotazione annullata o rifiutata non ha collegamenti.');
  const organiser = auth.organizationId !== null && auth.organizationId === row.organizationId;
  return bookingLinks(row, { organiser, userId: auth.userId, name: auth.displayName, email: auth.email }, opts.now ?? clock.now());
}
