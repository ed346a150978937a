/**
 * Who may see and do what with an agreement, inside a body (row-level security already keeps
 * other bodies out): HR (hr_manager, body_admin, and platform admins) everything of the body; the
 * office manager the agreements of the people of the offices he manages (rw_offices.manager_user_id);
 * the employee his own (rw_employees.user_id).
 */
import { isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { agreementErrors as E } from '../remote-work.errors.js';
import type { AgreementRow, AgreementScope } from './agreements.repo.js';

export function isHr(auth: AuthContext): boolean {
  return isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin');
}

/** The body the caller acts for; agreements are always written in it. */
export function bodyOf(auth: AuthContext): string {
  if (!auth.organizationId) throw E.forbidden('Scegli prima l’ente per cui operi.');
  return auth.organizationId;
}

export function scopeOf(auth: AuthContext): AgreementScope {
  return { organizationId: auth.organizationId, all: isHr(auth), userId: auth.userId };
}

export function isOwn(auth: AuthContext, a: Pick<AgreementRow, 'employeeUserId'>): boolean {
  return a.employeeUserId !== null && a.employeeUserId === auth.userId;
}

export function isManagerOf(auth: AuthContext, a: Pick<AgreementRow, 'officeManagerUserId'>): boolean {
  return a.officeManagerUserId !== null && a.officeManagerUserId === auth.userId;
}

export function canSee(auth: AuthContext, a: AgreementRow): boolean {
  return (auth.organizationId === a.organizationId || isPlatformAdmin(auth)) && (isHr(auth) || isOwn(auth, a) || isManagerOf(auth, a));
}

/** Approve or refuse: the office manager or HR, never on one's own agreement. */
export function assertCanDecide(auth: AuthContext, a: AgreementRow): void {
  if (!isHr(auth) && !isManagerOf(auth, a)) throw E.forbidden('Decide il responsabile dell’ufficio del dipendente o l’ufficio del personale.');
  if (isOwn(auth, a)) throw E.selfDecision('La tua richiesta la decide il responsabile del tuo ufficio o l’ufficio del personale.');
}

export function assertHr(auth: AuthContext, what: string): void {
  if (!isHr(auth)) throw E.forbidden(`${what}: serve il ruolo di responsabile del personale o di amministratore dell’ente.`);
}
