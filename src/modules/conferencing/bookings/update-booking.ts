/**
 * Use case: change a booking that has not started yet. A new range or a new number of
 * connections is checked again against the calendar rules and, with the platform locked, against
 * the capacity without the booking's own old load (which the change frees).
 * A change raises the booking's SEQUENCE and mails the organiser: the updated invitation
 * (REQUEST) when accepted — and a CANCEL to the old address when the organiser's e-mail changed —
 * or a "changed, awaiting approval" note when pending. A request that changes nothing writes nothing.
 */
import type { Db, Queryable, Tx } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { bookingViolation } from './booking-rules.js';
import { admit, refusal, rulesOf, type Refusal } from './booking-capacity.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { noticeVideo, queueApprovalRequests, queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import { clock } from '../../../platform/clock.js';

export interface UpdateBookingInput {
  title?: string;
  kind?: repo.BookingKind;
  start?: string;
  end?: string;
  expectedConnections?: number;
  organiserName?: string;
  organiserEmail?: string;
  organiserPhone?: string | null;
}

/**
 * The audit chain of a change: the booking body's, unless the operator of the platform acts on
 * another body's booking (its own chain: a body may only append to its own chain).
 */
function auditChainOf(auth: AuthContext, booking: { organizationId: string }): string | null {
  return isPlatformAdmin(auth) || auth.organizationId === booking.organizationId ? booking.organizationId : auth.organizationId;
}

/** The audit entry of a change of a booking (update, cancel, decision), in the chain of `auditChainOf`. */
export function auditBookingChange(tx: Queryable, auth: AuthContext, action: string, before: repo.BookingRow, after: repo.BookingRow, ip: string | undefined): Promise<void> {
  return auditBy(tx, auth, {
    organizationId: auditChainOf(auth, after),
    action,
    entityType: 'booking',
    entityId: after.id,
    before,
    after,
    ip: ip ?? null,
  });
}

/** The booking as the caller may see it and change it: 404 otherwise; 409 when started or not active. */
export async function loadChangeable(tx: Tx, id: string, now: number) {
  const before = await repo.selectBooking(tx, id);
  if (!before) throw E.bookingNotFound(`Nessuna prenotazione con identificativo ${id}.`);
  if (Date.parse(before.start) <= now) throw E.pastReadOnly('La prenotazione è già iniziata o conclusa.');
  if (before.status === 'cancelled' || before.status === 'refused') throw E.notActive(`La prenotazione è ${before.status === 'cancelled' ? 'annullata' : 'rifiutata'}.`);
  return before;
}

/** Whether the input changes anything of the booking. */
function changes(b: repo.BookingRow, input: UpdateBookingInput): boolean {
  return (
    (input.title !== undefined && input.title !== b.title) ||
    (input.kind !== undefined && input.kind !== b.kind) ||
    (input.start !== undefined && Date.parse(input.start) !== Date.parse(b.start)) ||
    (input.end !== undefined && Date.parse(input.end) !== Date.parse(b.end)) ||
    (input.expectedConnections !== undefined && input.expectedConnections !== b.expectedConnections) ||
    (input.organiserName !== undefined && input.organiserName !== b.organiserName) ||
    (input.organiserEmail !== undefined && input.organiserEmail !== b.organiserEmail) ||
    (input.organiserPhone !== undefined && input.organiserPhone !== b.organiserPhone)
  );
}

export async function updateBooking(db: Db, auth: AuthContext, id: string, input: UpdateBookingInput, opts: { ip?: string; now?: number; mail?: MailSettings } = {}) {
  const now = opts.now ?? clock.now();
  const outcome = await db.tx(dbContext(auth), async (tx): Promise<{ refused: Refusal; rules: ReturnType<typeof rulesOf> } | { booking: repo.BookingRow }> => {
    const seen = await loadChangeable(tx, id, now);
    const platform = (await platformRepo.selectPlatform(tx, seen.platformId))!;
    if (platform.archivedAt) throw E.platformArchived('La piattaforma è dismessa: la prenotazione non si modifica.');
    if (!changes(seen, input)) return { booking: seen };
    const rules = rulesOf(platform);
    const start = input.start !== undefined ? Date.parse(input.start) : Date.parse(seen.start);
    const end = input.end !== undefined ? Date.parse(input.end) : Date.parse(seen.end);
    const connections = input.expectedConnections ?? seen.expectedConnections;
    const rangeChanged = start !== Date.parse(seen.start) || end !== Date.parse(seen.end);
    if (rangeChanged || connections !== seen.expectedConnections) {
      const violation = bookingViolation(rules, start, end, connections, now);
      if (violation) throw violation;
    }
    // platform first, then the booking: the same lock order as every other booking write
    const refused = await admit(tx, platform.id, { start, end, connections }, id);
    const before = (await repo.selectBooking(tx, id, true))!;
    if (before.status === 'cancelled' || before.status === 'refused') throw E.notActive('La prenotazione è stata annullata nel frattempo.');
    if (refused) return { refused, rules };
    const [booking, video] = await Promise.all([
      repo.updateBooking(tx, id, {
        title: input.title ?? before.title,
        kind: input.kind ?? before.kind,
        start,
        end,
        expectedConnections: connections,
        organiserName: input.organiserName ?? before.organiserName,
        organiserEmail: input.organiserEmail ?? before.organiserEmail,
        organiserPhone: input.organiserPhone !== undefined ? input.organiserPhone : before.organiserPhone,
        status: before.status,
      }),
      noticeVideo(tx, platform, id),
    ]);
    // the locks are held until the commit: the audit entry and the organiser's mails go out with it (docs/decisions/0007)
    tx.last(auditBookingChange(tx, auth, 'booking.update', before, booking, opts.ip));
    const mail = opts.mail ?? DEFAULT_MAIL_SETTINGS;
    if (booking.status === 'accepted') {
      if (booking.organiserEmail !== before.organiserEmail) {
        // the old address holds the old invitation: take it out of that calendar
        const old = { ...booking, organiserName: before.organiserName, organiserEmail: before.organiserEmail, status: 'cancelled' as const };
        tx.last(queueBookingNotice(tx, 'handed_over', platform, old, mail, now, { handedTo: booking.organiserEmail, video }));
      }
      tx.last(queueBookingNotice(tx, 'updated', platform, booking, mail, now, { video }));
    } else {
      tx.last(queueBookingNotice(tx, 'pending_updated', platform, booking, mail, now, { video }));
      await queueApprovalRequests(tx, platform, booking, mail, true);
    }
    return { booking };
  });
  if ('refused' in outcome) throw await refusal(db, dbContext(auth), outcome.refused, outcome.rules, now);
  return outcome.booking;
}
