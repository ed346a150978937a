/**
 * Use case: the operator of a platform that requires approval accepts or refuses a pending
 * booking. A pending booking already holds its connections (see booking-capacity.ts), so
 * accepting needs no new capacity check; refusing frees them at once. The organiser gets the
 * invitation (accepted) or the refusal.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import { auditBookingChange, loadChangeable } from './update-booking.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { APPROVER_ROLES, noticeVideo, queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import { clock } from '../../../platform/clock.js';

export async function decideBooking(db: Db, auth: AuthContext, id: string, decision: 'accepted' | 'refused', opts: { ip?: string; now?: number; mail?: MailSettings } = {}) {
  const now = opts.now ?? clock.now();
  return db.tx(dbContext(auth), async (tx) => {
    const seen = await loadChangeable(tx, id, now);
    const platform = (await platformRepo.selectPlatform(tx, seen.platformId))!;
    if (!isPlatformAdmin(auth) && !(auth.organizationId === platform.operatorId && APPROVER_ROLES.some((r) => auth.roles.includes(r)))) {
      throw errors.forbidden('Solo il personale del gestore della piattaforma approva le prenotazioni.');
    }
    // the platform's gate is held exclusively until the commit (admissions of the platform wait):
    // the booking is read with the lock, the mail and the audit entry go out with the commit (docs/decisions/0007)
    const [locked, before] = await Promise.all([platformRepo.lockPlatform(tx, platform.id), repo.selectBooking(tx, id, true)]);
    if (!locked) throw E.platformNotFound();
    if (!before) throw E.bookingNotFound();
    if (before.status !== 'pending') throw E.notPending(`La prenotazione è già ${before.status === 'accepted' ? 'accettata' : 'chiusa'}.`);
    const [booking, video] = await Promise.all([
      repo.updateBooking(tx, id, { ...before, start: Date.parse(before.start), end: Date.parse(before.end), status: decision }),
      noticeVideo(tx, platform, id),
    ]);
    tx.last(auditBookingChange(tx, auth, decision === 'accepted' ? 'booking.accept' : 'booking.refuse', before, booking, opts.ip));
    tx.last(queueBookingNotice(tx, decision === 'accepted' ? 'confirmed' : 'refused', platform, booking, opts.mail ?? DEFAULT_MAIL_SETTINGS, now, { video }));
    return booking;
  });
}
