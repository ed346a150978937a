/**
 * Who writes the POLA (the remote-work subsection of the PIAO): HR (hr_manager) and the body's
 * administrators, for the body they act for. Office managers, employees and region officers get
 * `pola.forbidden`; nobody sees another body's POLA (the body is the caller's, and row-level
 * security keeps every read to it).
 */
import { isPlatformAdmin, type AuthContext } from '../../../platform/auth/context.js';
import { polaErrors as E } from '../remote-work.errors.js';

export function polaScope(auth: AuthContext): string {
  if (!auth.organizationId) throw E.noBody('Il POLA è di un ente: scegli l’ente per cui operi nel tuo profilo.');
  if (isPlatformAdmin(auth) || auth.roles.includes('hr_manager') || auth.roles.includes('body_admin')) return auth.organizationId;
  throw E.forbidden('Il POLA lo redigono l’ufficio del personale e gli amministratori dell’ente.');
}
