/**
 * Use case: a person of a member body books a range of a platform. Two steps:
 * 1. The quick refusal, without a transaction: the platform as this process saw it a moment ago
 *    (platform-cache.ts) answers the platform's own refusals (unknown, archived, not for this
 *    body, calendar rules: pure), then a snapshot of the bookings tells whether the candidate
 *    fits: the loads of the days around it as this process read them at most 2 s ago
 *    (`snapshotRefusal`, shared with the suggestions; no statement at all), or, when stale
 *    refusals are not allowed (PLATFORM_CACHE_SECONDS=0), ONE statement (`quickRefusal`). Once a
 *    platform is full nearly every attempt ends here, and a refusal from a snapshot can never
 *    overbook.
 * 2. The admission, in ONE transaction of three round trips (pipelined, docs/decisions/0007):
 *    the platform read again as it is now, with `begin` in front, and the same checks; then, sent
 *    together, the booking inserted (seen by no one else before the commit), `admit()` — the
 *    platform's gate (shared) and the locks of the days the range touches, then the overlapping
 *    bookings summed with the capacity as they are once the locks are granted (and a refusal if the
 *    platform was archived meanwhile) — and what the notices need of the video system. If an
 *    instant would exceed the capacity, everything is rolled back and the answer is a refusal;
 *    otherwise the organiser's mail (the invitation when accepted, "awaiting approval" when
 *    pending) and the audit entry go out with the commit (`tx.last`). The locks are thus held for
 *    one round trip.
 *    Only this step accepts, so the caches can delay an acceptance a few seconds (a stale refusal)
 *    but never let one through that the platform or its capacity forbids.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import { auditBy } from '../../../platform/audit.js';
import { bookingViolation, type BookingRules } from './booking-rules.js';
import { admit, quickRefusal, refusal, rulesOf, snapshotRefusal, type Refusal } from './booking-capacity.js';
import { platformCache, platformCacheKey, SUGGESTION_LOADS_MS, type CachedPlatform } from '../platform-cache.js';
import { mayBookPlatform } from '../platforms/index.js';
import { noticeVideo, queueApprovalRequests, queueBookingNotice } from './booking-notices.js';
import { DEFAULT_MAIL_SETTINGS, type MailSettings } from './invitation.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';
import { platformRepo } from '../platforms/index.js';
import { clock } from '../../../platform/clock.js';

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

/** The platform's own refusals, in the order a person reads them: it exists, is open to bookings and to this body, and the calendar rules hold. */
function refuseUnbookable(seen: CachedPlatform | null, input: CreateBookingInput, start: number, end: number, now: number): asserts seen is CachedPlatform {
  if (!seen) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${input.platformId}.`);
  const { platform } = seen;
  if (platform.archivedAt) throw E.platformArchived('La piattaforma è dismessa: scegline un’altra.');
  if (!seen.mayBook) {
    throw E.notMember(platform.access === 'territory' ? 'La piattaforma è riservata agli enti del suo territorio.' : 'La piattaforma è riservata agli enti aderenti.');
  }
  const violation = bookingViolation(rulesOf(platform), start, end, input.expectedConnections, now);
  if (violation) throw violation;
}

async function platformAsSeen(tx: Queryable, platformId: string, organizationId: string): Promise<CachedPlatform | null> {
  const platform = await platformRepo.selectPlatform(tx, platformId);
  return platform ? { platform, mayBook: await mayBookPlatform(tx, platform, organizationId) } : null;
}

/** The platform as this process saw it at most `ttlSeconds` ago (read now on a miss). */
async function platformAsCached(db: Db, auth: AuthContext, platformId: string, organizationId: string, ttlSeconds: number): Promise<CachedPlatform | null> {
  const cache = platformCache(db, ttlSeconds);
  const key = platformCacheKey(platformId, organizationId);
  const hit = cache.get(key);
  if (hit) return hit;
  const readAt = cache.currentEpoch();
  const seen = await db.tx(dbContext(auth), (tx) => platformAsSeen(tx, platformId, organizationId));
  if (seen) cache.set(key, seen, readAt);
  return seen;
}

export async function createBooking(
  db: Db,
  auth: AuthContext,
  input: CreateBookingInput,
  opts: { ip?: string; now?: number; mail?: MailSettings; cacheSeconds?: number } = {},
) {
  const organizationId = auth.organizationId;
  if (!organizationId) throw errors.forbidden('Per prenotare devi agire per un ente.');
  const now = opts.now ?? clock.now();
  const start = Date.parse(input.start);
  const end = Date.parse(input.end);
  const candidate = { start, end, connections: input.expectedConnections };

  // 1. the quick refusal
  const cached = await platformAsCached(db, auth, input.platformId, organizationId, opts.cacheSeconds ?? 0);
  refuseUnbookable(cached, input, start, end, now);
  const snapshotMs = Math.min(SUGGESTION_LOADS_MS, (opts.cacheSeconds ?? 0) * 1000);
  let quick = snapshotMs > 0 ? await snapshotRefusal(db, dbContext(auth), input.platformId, candidate, cached.platform.capacity, snapshotMs) : undefined;
  if (quick === undefined) quick = await quickRefusal(db, input.platformId, candidate, null);
  if (quick) throw await refusal(db, dbContext(auth), quick, rulesOf(cached.platform), now);

  // 2. the admission
  try {
    return await db.tx(dbContext(auth), async (tx) => {
      const seen = await platformAsSeen(tx, input.platformId, organizationId);
      refuseUnbookable(seen, input, start, end, now);
      const { platform } = seen;
      const id = randomUUID();
      // issued together: the insert (visible to no one else until the commit), then the admission
      // under the locks, which sees it, then what the notices need of the video system
      const [booking, refused, video] = await Promise.all([
        repo.insertBooking(tx, {
          id,
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
        }),
        admit(tx, platform.id, candidate, id, { lockAtOnce: true }),
        noticeVideo(tx, platform, id),
      ]);
      if (!booking) throw E.platformArchived('La piattaforma è stata dismessa nel frattempo.');
      // a refusal rolls the booking back
      if (refused) throw new RefusedUnderLock({ ...refused, except: null }, rulesOf(platform));
      const mail = opts.mail ?? DEFAULT_MAIL_SETTINGS;
      // the locks are held until the commit: the organiser's mail and the audit entry go out with it
      tx.last(queueBookingNotice(tx, booking.status === 'pending' ? 'pending' : 'confirmed', platform, booking, mail, now, { video }));
      if (booking.status === 'pending') await queueApprovalRequests(tx, platform, booking, mail, false);
      tx.last(
        auditBy(tx, auth, {
          organizationId,
          action: 'booking.create',
          entityType: 'booking',
          entityId: booking.id,
          before: null,
          after: booking,
          ip: opts.ip ?? null,
        }),
      );
      return booking;
    });
  } catch (err) {
    if (err instanceof RefusedUnderLock) throw await refusal(db, dbContext(auth), err.refused, err.rules, now);
    throw err;
  }
}

/** Thrown inside the admission's transaction to roll the booking and its mail back. */
class RefusedUnderLock extends Error {
  constructor(
    readonly refused: Refusal,
    readonly rules: BookingRules,
  ) {
    super('refused under the locks');
  }
}
