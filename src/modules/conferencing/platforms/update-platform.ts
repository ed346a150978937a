/**
 * Use case: the operator (provider staff of the operator body) or a platform admin changes a
 * platform. With the platform row locked (the same lock every booking takes), a lower capacity
 * is refused when the bookings that still hold capacity (accepted and pending, from now on)
 * would exceed it somewhere: `platform.capacity_below_bookings` with those instants. New rules
 * (notice, horizon, duration, hours, holidays, access) apply to new bookings and changes; the
 * bookings already made stay. An archived platform is read-only. The video system is not changed
 * here: it goes with its settings (video-settings.ts).
 */
import type { Db, Tx } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import { auditBy } from '../../../platform/audit.js';
import { openingHoursProblems, type OpeningHours } from '../bookings/index.js';
import { usageTimeline } from '../bookings/index.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import { checkAccessSettings } from './platform-access.js';
import * as repo from './platforms.repo.js';
import { bookingRepo } from '../bookings/index.js';
import { clock } from '../../../platform/clock.js';

export interface UpdatePlatformInput {
  name?: string;
  capacity?: number;
  access?: repo.PlatformAccess;
  memberIds?: string[];
  territoryId?: string | null;
  minNoticeDays?: number;
  maxHorizonDays?: number;
  maxDurationMinutes?: number;
  openingHours?: OpeningHours;
  openOnHolidays?: boolean;
  requiresApproval?: boolean;
  link?: string | null;
}

/** At most this many overflowing segments are listed in the problem. */
export const MAX_LISTED_OVERFLOWS = 50;

/** Platform admins, or provider staff of the operator body. */
export function mayManage(auth: AuthContext, platform: Pick<repo.PlatformRow, 'operatorId'>): boolean {
  return isPlatformAdmin(auth) || (auth.organizationId === platform.operatorId && auth.roles.includes('provider_staff'));
}

/** The platform locked for a change by its operator: 404, 403, or 409 when archived. */
export async function loadManaged(tx: Tx, auth: AuthContext, id: string) {
  if (!(await repo.lockPlatform(tx, id))) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${id}.`);
  const p = (await repo.selectPlatform(tx, id))!;
  if (!mayManage(auth, p)) throw errors.forbidden('Solo il personale del gestore della piattaforma e gli amministratori la modificano.');
  return p;
}

export async function updatePlatform(db: Db, auth: AuthContext, id: string, input: UpdatePlatformInput, opts: { ip?: string; now?: number } = {}) {
  const now = opts.now ?? clock.now();
  if (input.openingHours) {
    const problems = openingHoursProblems(input.openingHours);
    if (problems.length) throw E.invalidOpeningHours(problems.join('; '));
  }
  return db.tx(dbContext(auth), async (tx) => {
    const before = await loadManaged(tx, auth, id);
    if (before.archivedAt) throw E.platformArchived('La piattaforma è dismessa: non si modifica.');
    const access = input.access ?? before.access;
    // a territory goes with the 'territory' access: leaving that access drops it unless one is given
    const territoryId = input.territoryId !== undefined ? input.territoryId : access === 'territory' ? before.territoryId : null;
    const memberIds = input.memberIds ? [...new Set(input.memberIds)] : null;
    await checkAccessSettings(tx, access, territoryId, memberIds ?? []);
    const capacity = input.capacity ?? before.capacity;
    if (capacity < before.capacity) {
      const loads = await bookingRepo.selectLoadsAfter(tx, id, now);
      const until = Math.max(now, ...loads.map((l) => l.end));
      const over = usageTimeline(loads, now, until).filter((s) => s.used > capacity);
      if (over.length) {
        const peak = Math.max(...over.map((s) => s.used));
        const iso = (ms: number) => new Date(ms).toISOString();
        throw E.capacityBelowBookings(
          `Con ${capacity} collegamenti le prenotazioni già fatte non starebbero nella piattaforma: fino a ${peak} collegamenti contemporanei prenotati.`,
          {
            capacity,
            peakUsed: peak,
            overflows: over.slice(0, MAX_LISTED_OVERFLOWS).map((s) => ({ start: iso(s.start), end: iso(s.end), used: s.used, capacity, excess: s.used - capacity })),
          },
        );
      }
    }
    await repo.updatePlatform(tx, id, {
      name: input.name ?? before.name,
      capacity,
      access,
      territoryId,
      minNoticeDays: input.minNoticeDays ?? before.minNoticeDays,
      maxHorizonDays: input.maxHorizonDays ?? before.maxHorizonDays,
      maxDurationMinutes: input.maxDurationMinutes ?? before.maxDurationMinutes,
      openingHours: input.openingHours ?? before.openingHours,
      openOnHolidays: input.openOnHolidays ?? before.openOnHolidays,
      requiresApproval: input.requiresApproval ?? before.requiresApproval,
      videoSystem: before.videoSystem, // changed with its settings by PUT /conference-platforms/{id}/video
      link: input.link !== undefined ? input.link : before.link,
    });
    if (memberIds) await repo.replacePlatformMembers(tx, id, memberIds);
    const after = (await repo.selectPlatform(tx, id))!;
    await auditBy(tx, auth, {
      organizationId: before.operatorId,
      action: 'conference_platform.update',
      entityType: 'conference_platform',
      entityId: id,
      before,
      after,
      ip: opts.ip ?? null,
    });
    return after;
  });
}
