/**
 * Who may plan what inside a body: HR (hr_manager) and the body's administrators plan every
 * office; an office manager plans the offices he manages (rw_offices.manager_user_id); anyone
 * else is refused. Row-level security has already kept other bodies out.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

/** The body the caller acts for (a plan always belongs to one). */
export function bodyOf(auth: AuthContext): string {
  if (!auth.organizationId) throw E.noBody('Il lavoro agile si pianifica per un ente: scegli l’ente nel tuo profilo.');
  return auth.organizationId;
}

/** HR, the body's administrators and platform administrators plan every office of the body. */
export function plansWholeBody(auth: AuthContext): boolean {
  return isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin');
}

/**
 * The offices the caller may plan among `wanted` (null = all he may plan). Returns null for
 * "every office of the body". Unknown offices → 404, offices he does not manage → 403.
 */
export async function plannableOffices(tx: Queryable, auth: AuthContext, organizationId: string, wanted: string[] | null | undefined): Promise<string[] | null> {
  const ids = wanted && wanted.length ? [...new Set(wanted)] : null;
  if (ids) {
    const found = new Set((await repo.selectOffices(tx, organizationId, ids)).map((o) => o.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length) throw E.officeNotFound(`Uffici non trovati nel tuo ente: ${missing.join(', ')}.`, { officeIds: missing });
  }
  if (plansWholeBody(auth)) return ids;
  if (!auth.roles.includes('office_manager')) {
    throw E.forbidden('Pianificano il lavoro agile l’ufficio del personale, gli amministratori dell’ente e i responsabili d’ufficio.');
  }
  const managed = await repo.selectManagedOfficeIds(tx, organizationId, auth.userId);
  if (managed.length === 0) throw E.forbidden('Non risulti responsabile di alcun ufficio dell’ente.');
  if (!ids) return managed;
  const mine = new Set(managed);
  const foreign = ids.filter((id) => !mine.has(id));
  if (foreign.length) throw E.forbidden('Puoi pianificare solo gli uffici di cui sei responsabile.', { officeIds: foreign });
  return ids;
}

/** May the caller manage (pin, decide swaps of) the people of this office? */
export async function managesOffice(tx: Queryable, auth: AuthContext, organizationId: string, officeId: string): Promise<boolean> {
  if (plansWholeBody(auth)) return true;
  if (!auth.roles.includes('office_manager')) return false;
  const managed = await repo.selectManagedOfficeIds(tx, organizationId, auth.userId);
  return managed.includes(officeId);
}
