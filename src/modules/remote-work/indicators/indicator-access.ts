/**
 * Who sees which indicators:
 * - a body's dashboard (per office, per day): HR (hr_manager) and the body's administrators; an
 *   office manager sees the body's totals and only the offices he manages;
 * - the bodies of a region side by side: the officers of that region (region_officer acting for
 *   the Region) and platform administrators; the database checks it again (RLS);
 * - province, region and national totals: everyone signed in (counts only, no personal data).
 */
import { isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { indicatorErrors as E } from '../remote-work.errors.js';

export interface BodyScope {
  organizationId: string;
  /** Only the offices this user manages (office managers); null: every office. */
  managedBy: string | null;
}

export function bodyScope(auth: AuthContext): BodyScope {
  if (!auth.organizationId) throw E.noBody('Gli indicatori di un ente si vedono operando per quell’ente: scegli l’ente nel tuo profilo.');
  if (isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin')) {
    return { organizationId: auth.organizationId, managedBy: null };
  }
  if (auth.roles.includes('office_manager')) return { organizationId: auth.organizationId, managedBy: auth.userId };
  throw E.forbidden('Gli indicatori dell’ente sono dell’ufficio del personale, degli amministratori dell’ente e dei responsabili d’ufficio.');
}

/** Changing the target: HR and the body's administrators. */
export function targetScope(auth: AuthContext): string {
  if (!auth.organizationId) throw E.noBody('L’obiettivo si fissa per un ente: scegli l’ente nel tuo profilo.');
  if (isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin')) return auth.organizationId;
  throw E.forbidden('L’obiettivo di lavoro agile lo fissano l’ufficio del personale e gli amministratori dell’ente.');
}

/** The bodies of a region: its officers (the region is read in the database) and platform administrators. */
export function mayCompareBodies(auth: AuthContext, officerRegion: string | null, regionCode: string): void {
  if (isPlatformAdmin(auth)) return;
  if (!auth.roles.includes('region_officer') || officerRegion === null) {
    throw E.regionForbidden('Il confronto tra gli enti è dei funzionari regionali che operano per la Regione.');
  }
  if (officerRegion !== regionCode) throw E.regionForbidden('Puoi confrontare solo gli enti della tua regione.');
}
