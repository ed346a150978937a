/**
 * Use case: the operator retires a platform (DELETE /conference-platforms/{id}). The platform is
 * archived, never deleted: its past bookings stay for the record and the usage report.
 * Bookings that have not started yet (accepted or pending) would be left without a platform, so:
 * - without `cancelBookings`, the request is refused with `platform.has_future_bookings` (how
 *   many, and the first start), and nothing changes;
 * - with `cancelBookings`, they are all cancelled in the same transaction, each with its audit
 *   entry and a mail to its organiser (CANCEL of the invitation when it had been accepted).
 * Bookings in progress finish normally. Archiving an archived platform changes nothing.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import { loadManaged } from './update-platform.js';
import { auditBookingChange } from '../bookings/index.js';
import { queueBookingNotice } from '../bookings/index.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from '../bookings/index.js';
import * as repo from './platforms.repo.js';
import { bookingRepo } from '../bookings/index.js';
import { clock } from '../../../platform/clock.js';

export async function archivePlatform(
  db: Db,
  auth: AuthContext,
  id: string,
  opts: { cancelBookings?: boolean; ip?: string; now?: number; mail?: MailSettings } = {},
): Promise<{ platform: repo.PlatformRow; cancelledBookings: number }> {
  const now = opts.now ?? clock.now();
  const mail = opts.mail ?? DEFAULT_MAIL_SETTINGS;
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadManaged(tx, auth, id);
    if (before.archivedAt) return { platform: before, cancelledBookings: 0 };
    const upcoming = await bookingRepo.selectUpcomingBookings(tx, id, now);
    if (upcoming.length && !opts.cancelBookings) {
      throw E.hasFutureBookings(
        `La piattaforma ha ${upcoming.length} prenotazioni non ancora iniziate (la prima il ${upcoming[0].start}). Per dismetterla annullale: cancelBookings=true.`,
        { bookings: upcoming.length, firstStart: upcoming[0].start },
      );
    }
    for (const b of upcoming) {
      const cancelled = await bookingRepo.updateBooking(tx, b.id, { ...b, start: Date.parse(b.start), end: Date.parse(b.end), status: 'cancelled' });
      await auditBookingChange(tx, auth, 'booking.cancel', b, cancelled, opts.ip);
      await queueBookingNotice(tx, 'platform_archived', before, cancelled, mail, now, { wasAccepted: b.status === 'accepted' });
    }
    await repo.archivePlatform(tx, id, now);
    const after = (await repo.selectPlatform(tx, id))!;
    await auditBy(tx, auth, {
      organizationId: before.operatorId,
      action: 'conference_platform.archive',
      entityType: 'conference_platform',
      entityId: id,
      before,
      after,
      ip: opts.ip ?? null,
    });
    return { platform: after, cancelledBookings: upcoming.length };
  });
}
