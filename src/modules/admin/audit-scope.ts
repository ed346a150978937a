/**
 * Whose audit chain the caller may read (pure). Body administrators: their own body only.
 * Platform administrators: any body (`organizationId`), by default the body they act for, or
 * the platform's own chain (no body) when they act for none.
 */
import { isPlatformAdmin, type AuthContext } from '../../platform/auth/context.js';
import { errors } from '../../platform/http/errors.js';
import { adminErrors } from './admin.errors.js';

export function auditChainFor(auth: AuthContext, requested?: string): string | null {
  if (isPlatformAdmin(auth)) return requested ?? auth.organizationId ?? null;
  if (!auth.roles.includes('body_admin')) throw errors.forbidden('Serve il ruolo di amministratore dell’ente.');
  if (!auth.organizationId) throw adminErrors.auditNoBody();
  if (requested && requested !== auth.organizationId) throw adminErrors.auditOtherBody();
  return auth.organizationId;
}

/** The outbox and the jobs are the instance's, not a body's: platform administrators only. */
export function requirePlatformAdmin(auth: AuthContext): void {
  if (!isPlatformAdmin(auth)) throw errors.forbidden('Serve il ruolo di amministratore della piattaforma.');
}
