/**
 * Use case: cancel a booking that has not started yet; its connections are free again at once.
 * The organiser is told, with the CANCEL of the invitation when the booking had been accepted.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBookingChange, loadChangeable } from './update-booking.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { noticeVideo, queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import { clock } from '../../../platform/clock.js';

export async function cancelBooking(db: Db, auth: AuthContext, id: string, opts: { ip?: string; now?: number; mail?: MailSettings } = {}) {
  const now = opts.now ?? clock.now();
  return db.tx(dbContext(auth), async (tx) => {
    const seen = await loadChangeable(tx, id, now);
    // the platform's gate is held exclusively until the commit (admissions of the platform wait):
    // the reads go out with the lock, the mail and the audit entry with the commit (docs/decisions/0007)
    const [locked, before, platform] = await Promise.all([
      platformRepo.lockPlatform(tx, seen.platformId),
      repo.selectBooking(tx, id, true),
      platformRepo.selectPlatform(tx, seen.platformId),
    ]);
    if (!locked || !platform) throw E.platformNotFound();
    if (!before) throw E.bookingNotFound();
    if (before.status === 'cancelled' || before.status === 'refused') throw E.notActive('La prenotazione è già annullata.');
    const [booking, video] = await Promise.all([
      repo.updateBooking(tx, id, { ...before, start: Date.parse(before.start), end: Date.parse(before.end), status: 'cancelled' }),
      noticeVideo(tx, platform, id),
    ]);
    tx.last(auditBookingChange(tx, auth, 'booking.cancel', before, booking, opts.ip));
    tx.last(queueBookingNotice(tx, 'cancelled', platform, booking, opts.mail ?? DEFAULT_MAIL_SETTINGS, now, { wasAccepted: before.status === 'accepted', video }));
    return booking;
  });
}
