/**
 * Use case: the operator of a platform that requires approval accepts or refuses a pending
 * booking. A pending booking already holds its connections (see booking-capacity.ts), so
 * accepting needs no new capacity check; refusing frees them at once. The organiser gets the
 * invitation (accepted) or the refusal.
 */
import type { Db } from '../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../platform/auth/context.js';
import { errors } from '../../platform/http/errors.js';
import { recordAudit } from '../../platform/audit.js';
import { auditChainOf, loadChangeable } from './update-booking.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';
import { APPROVER_ROLES, queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';

export async function decideBooking(db: Db, auth: AuthContext, id: string, decision: 'accepted' | 'refused', opts: { ip?: string; now?: number; mail?: MailSettings } = {}) {
  const now = opts.now ?? Date.now();
  return db.tx(dbContext(auth), async (tx) => {
    const seen = await loadChangeable(tx, id, now);
    const platform = (await repo.selectPlatform(tx, seen.platformId))!;
    if (!isPlatformAdmin(auth) && !(auth.organizationId === platform.operatorId && APPROVER_ROLES.some((r) => auth.roles.includes(r)))) {
      throw errors.forbidden('Solo il personale del gestore della piattaforma approva le prenotazioni.');
    }
    if (!(await repo.lockPlatform(tx, platform.id))) throw E.platformNotFound();
    const before = (await repo.selectBooking(tx, id, true))!;
    if (before.status !== 'pending') throw E.notPending(`La prenotazione è già ${before.status === 'accepted' ? 'accettata' : 'chiusa'}.`);
    const booking = await repo.updateBooking(tx, id, { ...before, start: Date.parse(before.start), end: Date.parse(before.end), status: decision });
    await recordAudit(tx, {
      organizationId: auditChainOf(auth, booking),
      actorUserId: auth.userId,
      actorLabel: auth.email,
      action: decision === 'accepted' ? 'booking.accept' : 'booking.refuse',
      entityType: 'booking',
      entityId: id,
      before,
      after: booking,
      ip: opts.ip ?? null,
    });
    await queueBookingNotice(tx, decision === 'accepted' ? 'confirmed' : 'refused', platform, booking, opts.mail ?? DEFAULT_MAIL_SETTINGS, now);
    return booking;
  });
}
