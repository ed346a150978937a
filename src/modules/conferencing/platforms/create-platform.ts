/**
 * Use case: an operator (a provider or an association of municipalities) registers a shared
 * videoconference platform. Platform admins, or provider staff acting for the operator body.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import { auditBy } from '../../../platform/audit.js';
import { openingHoursProblems, type OpeningHours } from '../bookings/index.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './platforms.repo.js';
import { storeVideoSettings, videoSettingsFor, type VideoSettingsInput } from '../video/index.js';
import { getOrganizationPlace } from '../../organizations/index.js';
import { checkAccessSettings } from './platform-access.js';

export interface CreatePlatformInput {
  operatorId?: string;
  name: string;
  capacity: number;
  access?: repo.PlatformAccess;
  memberIds?: string[];
  /** A region, province or metropolitan city, with access 'territory'. */
  territoryId?: string | null;
  minNoticeDays?: number;
  maxHorizonDays?: number;
  maxDurationMinutes?: number;
  openingHours?: OpeningHours;
  openOnHolidays?: boolean;
  requiresApproval?: boolean;
  videoSystem?: repo.VideoSystem;
  link?: string | null;
  /** The settings of its video system (secrets are write-only). */
  video?: VideoSettingsInput;
}

/** Monday to Friday 08:00-20:00 when the operator gives no hours. */
export const DEFAULT_OPENING_HOURS: OpeningHours = Object.fromEntries(['1', '2', '3', '4', '5'].map((d) => [d, [['08:00', '20:00']]]));

export async function createPlatform(db: Db, auth: AuthContext, input: CreatePlatformInput, meta: { ip?: string } = {}) {
  const admin = isPlatformAdmin(auth);
  if (!admin && !auth.roles.includes('provider_staff')) {
    throw errors.forbidden('Solo gli amministratori della piattaforma e il personale del gestore registrano piattaforme.');
  }
  const operatorId = input.operatorId ?? auth.organizationId;
  if (!operatorId) throw E.invalidOperator('Indica l’ente gestore (operatorId).');
  if (!admin && operatorId !== auth.organizationId) throw errors.forbidden('Puoi registrare piattaforme solo per il tuo ente.');
  const openingHours = input.openingHours ?? DEFAULT_OPENING_HOURS;
  const problems = openingHoursProblems(openingHours);
  if (problems.length) throw E.invalidOpeningHours(problems.join('; '));
  const memberIds = [...new Set(input.memberIds ?? [])];
  const video = input.video ? videoSettingsFor(input.videoSystem ?? 'none', input.video, 'body.video') : undefined;
  const id = randomUUID();
  return db.tx(dbContext(auth), async (tx) => {
    const kind = (await getOrganizationPlace(tx, operatorId))?.kind;
    if (kind !== 'provider' && kind !== 'association') throw E.invalidOperator('Il gestore indicato non è un fornitore né un’associazione di enti.');
    const access = input.access ?? 'members';
    const territoryId = input.territoryId ?? null;
    await checkAccessSettings(tx, access, territoryId, memberIds);
    await repo.insertPlatform(
      tx,
      {
        id,
        operatorId,
        name: input.name,
        capacity: input.capacity,
        access,
        territoryId,
        minNoticeDays: input.minNoticeDays ?? 1,
        maxHorizonDays: input.maxHorizonDays ?? 90,
        maxDurationMinutes: input.maxDurationMinutes ?? 480,
        openingHours,
        openOnHolidays: input.openOnHolidays ?? false,
        requiresApproval: input.requiresApproval ?? false,
        videoSystem: input.videoSystem ?? 'none',
        link: input.link ?? null,
      },
      memberIds,
    );
    if (video !== undefined) await storeVideoSettings(tx, id, video);
    const created = (await repo.selectPlatform(tx, id))!;
    await auditBy(tx, auth, {
      organizationId: operatorId,
      action: 'conference_platform.create',
      entityType: 'conference_platform',
      entityId: id,
      before: null,
      after: created,
      ip: meta.ip ?? null,
    });
    return created;
  });
}
