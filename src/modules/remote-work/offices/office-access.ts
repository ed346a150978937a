/**
 * Who may do what with offices and people inside a body. HR (hr_manager), the body's
 * administrators and platform administrators manage every office and person; an office manager
 * (role office_manager, named manager of the office in rw_offices.manager_user_id) manages the
 * people, rules and activities of the offices he manages; everyone in the body reads the offices.
 * Row-level security has already kept other bodies out.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E, remoteWorkErrors } from '../remote-work.errors.js';
import { coverageShortfalls, describeShortfall } from './employee-rules.js';
import * as repo from './offices.repo.js';

/** The body the caller acts for. */
export function bodyOf(auth: AuthContext): string {
  if (!auth.organizationId) throw E.noBody('Uffici e dipendenti appartengono a un ente: scegli l’ente per cui operi.');
  return auth.organizationId;
}

/** HR, the body's administrators and platform administrators. */
export function managesWholeBody(auth: AuthContext): boolean {
  return isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin');
}

export function requireBodyManager(auth: AuthContext, what: string): void {
  if (!managesWholeBody(auth)) throw remoteWorkErrors.forbidden(`${what}: serve il ruolo di responsabile del personale o di amministratore dell’ente.`);
}

/** The offices whose people the caller manages: null = every office of the body; [] = none. */
export async function managedOfficeIds(tx: Queryable, auth: AuthContext, organizationId: string): Promise<string[] | null> {
  if (managesWholeBody(auth)) return null;
  if (!auth.roles.includes('office_manager')) return [];
  return repo.selectManagedOfficeIds(tx, organizationId, auth.userId);
}

export async function managesOffice(tx: Queryable, auth: AuthContext, organizationId: string, officeId: string): Promise<boolean> {
  const ids = await managedOfficeIds(tx, auth, organizationId);
  return ids === null || ids.includes(officeId);
}

/**
 * Inside the writing transaction: the coverage rules of these offices must not ask for more
 * people than they have after the change. The offices' rows are locked first, so two changes
 * at the same time (a rule raised, a person moved away) cannot both pass.
 */
export async function assertCoverageHolds(tx: Queryable, organizationId: string, officeIds: string[], whatChanged: string): Promise<void> {
  const ids = [...new Set(officeIds)].sort();
  if (!ids.length) return;
  for (const id of ids) await repo.lockOffice(tx, organizationId, id);
  const rules = await repo.selectCoverageRules(tx, organizationId, ids);
  const staff = await repo.selectActiveStaff(tx, organizationId, ids);
  const short = coverageShortfalls(rules, staff);
  if (!short.length) return;
  const offices = new Map((await repo.selectOffices(tx, organizationId)).map((o) => [o.id, `${o.name} (${o.code})`]));
  const lines = short.map((s) => describeShortfall(s, offices.get(s.officeId) ?? s.officeId));
  throw E.coverageExceedsStaff(`${whatChanged}: ${lines.join('; ')}. Abbassa prima il presidio o assegna altre persone all’ufficio.`, { shortfalls: short });
}
