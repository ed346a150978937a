/**
 * Use case: the iCalendar invitation of a booking, for GET /bookings/{id}/invitation.ics. Seen by
 * whoever sees the booking (404 otherwise). REQUEST while accepted (CONFIRMED) or pending
 * (TENTATIVE); CANCEL once cancelled or refused. Same UID and SEQUENCE as the mailed invitations.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import { bookingInvitation, DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { videoRepo } from '../video/index.js';
import { clock } from '../../../platform/clock.js';

export async function showInvitation(db: Db, auth: AuthContext, id: string, opts: { mail?: MailSettings; now?: number } = {}) {
  return db.tx(dbContext(auth), async (tx) => {
    const b = await repo.selectBooking(tx, id);
    if (!b) throw E.bookingNotFound(`Nessuna prenotazione con identificativo ${id}.`);
    const platform = (await platformRepo.selectPlatform(tx, b.platformId))!;
    const video = await videoRepo.selectBookingVideo(tx, b.id);
    const ics = bookingInvitation(platform, b, opts.mail ?? DEFAULT_MAIL_SETTINGS, opts.now ?? clock.now(), undefined, video);
    return { ...ics, filename: `prenotazione-${b.id}.ics` };
  });
}
