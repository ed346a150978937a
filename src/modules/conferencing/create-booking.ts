/**
 * Use case: a person of a member body books a range of a platform. The calendar rules are
 * checked first (pure), then, in ONE transaction, `admit()` (booking-capacity.ts) takes the
 * platform's gate (shared) and the locks of the days the range touches, sums the overlapping
 * bookings and inserts the booking only if every instant stays within the capacity; a refusal
 * is answered from a snapshot without locks (see the module README).
 * The organiser's mail (the invitation when accepted, "awaiting approval" when pending) is
 * queued in the same transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { errors } from '../../platform/http/errors.js';
import { recordAudit } from '../../platform/audit.js';
import { bookingViolation } from './booking-rules.js';
import { admit, refusal, rulesOf, type Refusal } from './booking-capacity.js';
import { mayBookPlatform } from './platform-access.js';
import { queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';

export interface CreateBookingInput {
  platformId: string;
  title: string;
  kind: repo.BookingKind;
  /** ISO 8601 with offset */
  start: string;
  end: string;
  expectedConnections: number;
  organiserName: string;
  organiserEmail: string;
  organiserPhone?: string | null;
}

export async function createBooking(db: Db, auth: AuthContext, input: CreateBookingInput, opts: { ip?: string; now?: number; mail?: MailSettings } = {}) {
  const organizationId = auth.organizationId;
  if (!organizationId) throw errors.forbidden('Per prenotare devi agire per un ente.');
  const now = opts.now ?? Date.now();
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const candidate = { start, end, connections: input.expectedConnections };
  const outcome = await db.tx(dbContext(auth), async (tx): Promise<{ refused: Refusal; rules: ReturnType<typeof rulesOf> } | { booking: repo.BookingRow }> => {
    const platform = await repo.selectPlatform(tx, input.platformId);
    if (!platform) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${input.platformId}.`);
    if (platform.archivedAt) throw E.platformArchived('La piattaforma è dismessa: scegline un’altra.');
    if (!(await mayBookPlatform(tx, platform, organizationId))) {
      throw E.notMember(platform.access === 'territory' ? 'La piattaforma è riservata agli enti del suo territorio.' : 'La piattaforma è riservata agli enti aderenti.');
    }
    const rules = rulesOf(platform);
    const violation = bookingViolation(rules, start, end, input.expectedConnections, now);
    if (violation) throw violation;
    const refused = await admit(tx, platform.id, candidate, null);
    if (refused) return { refused, rules };
    const booking = await repo.insertBooking(tx, {
      id: randomUUID(),
      platformId: platform.id,
      organizationId,
      createdBy: auth.userId,
      title: input.title,
      kind: input.kind,
      start,
      end,
      expectedConnections: input.expectedConnections,
      organiserName: input.organiserName,
      organiserEmail: input.organiserEmail,
      organiserPhone: input.organiserPhone ?? null,
      status: platform.requiresApproval ? 'pending' : 'accepted',
    });
    if (!booking) throw E.platformArchived('La piattaforma è stata dismessa nel frattempo.');
    await recordAudit(tx, {
      organizationId,
      actorUserId: auth.userId,
      actorLabel: auth.email,
      action: 'booking.create',
      entityType: 'booking',
      entityId: booking.id,
      before: null,
      after: booking,
      ip: opts.ip ?? null,
    });
    await queueBookingNotice(tx, booking.status === 'pending' ? 'pending' : 'confirmed', platform, booking, opts.mail ?? DEFAULT_MAIL_SETTINGS, now);
    return { booking };
  });
  if ('refused' in outcome) throw await refusal(db, dbContext(auth), outcome.refused, outcome.rules, now);
  return outcome.booking;
}
