/**
 * Who is calling: filled by the auth plugin on every request (session cookie or Bearer token).
 * Use cases receive it and turn it into the database context with `dbContext`.
 */
import type { FastifyRequest } from 'fastify';
import type { DbContext } from '../db/index.js';
import { errors } from '../http/errors.js';

export const ROLES = [
  'platform_admin',
  'provider_staff',
  'body_admin',
  'hr_manager',
  'office_manager',
  'employee',
  'region_officer',
  'desk_operator',
  'council_secretary',
  'council_member',
] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, { it: string; en: string }> = {
  platform_admin: { it: 'Amministratore della piattaforma', en: 'Platform administrator' },
  provider_staff: { it: 'Personale del fornitore', en: 'Provider staff' },
  body_admin: { it: 'Amministratore dell’ente', en: 'Body administrator' },
  hr_manager: { it: 'Responsabile del personale', en: 'HR manager' },
  office_manager: { it: 'Responsabile d’ufficio', en: 'Office manager' },
  employee: { it: 'Dipendente', en: 'Employee' },
  region_officer: { it: 'Funzionario regionale', en: 'Region officer' },
  desk_operator: { it: 'Operatore di sportello', en: 'Desk operator' },
  council_secretary: { it: 'Segretario dell’organo', en: 'Council secretary' },
  council_member: { it: 'Componente dell’organo', en: 'Council member' },
};

export interface AuthContext {
  userId: string;
  email: string;
  displayName: string;
  /** The body the user is acting for (the tenant); null when the user belongs to none. */
  organizationId: string | null;
  /** Roles in that body; platform_admin is global. */
  roles: Role[];
  via: 'session' | 'token';
  sessionId?: string;
  /** The session's CSRF token (cookie sessions only). */
  csrfToken?: string;
  /** The personal API token used (Bearer calls only). */
  tokenId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function isPlatformAdmin(auth: AuthContext | null): boolean {
  return !!auth?.roles.includes('platform_admin');
}

export function requireAuth(req: FastifyRequest): AuthContext {
  if (!req.auth) throw errors.unauthenticated();
  return req.auth;
}

/** The caller must hold one of the roles in its current body (platform admins always pass). */
export function requireRole(req: FastifyRequest, ...roles: Role[]): AuthContext {
  const auth = requireAuth(req);
  if (isPlatformAdmin(auth) || roles.some((r) => auth.roles.includes(r))) return auth;
  throw errors.forbidden(`Serve uno di questi ruoli: ${roles.map((r) => ROLE_LABELS[r].it).join(', ')}.`);
}

/** The database context for the caller: its tenant, its id, and platform scope for platform admins. */
export function dbContext(auth: AuthContext | null): DbContext {
  if (!auth) return {};
  return { userId: auth.userId, organizationId: auth.organizationId, platform: isPlatformAdmin(auth) };
}
