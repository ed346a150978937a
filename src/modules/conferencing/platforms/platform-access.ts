/**
 * Who may book a platform: everyone, its member bodies, or every body inside a territory (a
 * region, a province or a metropolitan city, by the directory's region and province codes).
 * The operator body may always book its own platforms. Where a body is comes from the
 * organizations module's face.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { getOrganizationNames, getOrganizationPlace } from '../../organizations/index.js';
import type { PlatformRow } from './platforms.repo.js';
import { conferencingErrors as E } from '../conferencing.errors.js';

export const TERRITORY_KINDS = ['region', 'province', 'metropolitan_city'] as const;

export interface Place {
  id: string;
  kind: string;
  regionCode: string | null;
  provinceCode: string | null;
}

/** Whether a body lies inside a territory (a region, a province or a metropolitan city, or the territory itself). */
export function isInside(territory: Place, body: Place): boolean {
  if (territory.id === body.id) return true;
  if (territory.kind === 'region') return territory.regionCode !== null && body.regionCode === territory.regionCode;
  if (territory.kind === 'province' || territory.kind === 'metropolitan_city') {
    return territory.provinceCode !== null && body.provinceCode === territory.provinceCode;
  }
  return false;
}

export async function mayBookPlatform(db: Queryable, p: PlatformRow, organizationId: string): Promise<boolean> {
  if (p.access === 'everyone' || p.operatorId === organizationId) return true;
  if (p.access === 'members') return p.memberIds.includes(organizationId);
  if (!p.territoryId) return false;
  const territory = await getOrganizationPlace(db, p.territoryId);
  const body = territory ? await getOrganizationPlace(db, organizationId) : null;
  return !!territory && !!body && isInside(territory, body);
}

/**
 * Checks who-may-book settings before they are written: a 'territory' platform names an existing
 * region, province or metropolitan city (and no other access names one); member bodies exist.
 */
export async function checkAccessSettings(db: Queryable, access: PlatformRow['access'], territoryId: string | null, memberIds: string[]): Promise<void> {
  if (access === 'territory') {
    if (!territoryId) throw E.invalidTerritory('Per l’accesso "territory" indica il territorio (territoryId).');
    const t = await getOrganizationPlace(db, territoryId);
    if (!t || !(TERRITORY_KINDS as readonly string[]).includes(t.kind)) throw E.invalidTerritory('Il territorio indicato non è una regione, una provincia o una città metropolitana.');
  } else if (territoryId) {
    throw E.invalidTerritory('Il territorio si indica solo con l’accesso "territory".');
  }
  if (memberIds.length && (await getOrganizationNames(db, memberIds)).size !== new Set(memberIds).size) {
    throw E.invalidMembers('Alcuni enti aderenti indicati non esistono.');
  }
}
