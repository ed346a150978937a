/** Pure rules about memberships: the default body, the roles held in a body. */
import { ROLES, type Role } from './context.js';

export interface MembershipRow {
  organizationId: string;
  role: string;
}

export interface MembershipSummary {
  organizationId: string;
  roles: Role[];
}

const KNOWN = new Set<string>(ROLES);

/** Groups rows (already in the order they were granted) by body, keeping that order. */
export function summarize(rows: MembershipRow[]): MembershipSummary[] {
  const byOrg = new Map<string, Role[]>();
  for (const r of rows) {
    if (!KNOWN.has(r.role)) continue;
    const list = byOrg.get(r.organizationId) ?? [];
    if (!list.includes(r.role as Role)) list.push(r.role as Role);
    byOrg.set(r.organizationId, list);
  }
  return [...byOrg].map(([organizationId, roles]) => ({ organizationId, roles: sortRoles(roles) }));
}

export function sortRoles(roles: Role[]): Role[] {
  return [...new Set(roles)].sort((a, b) => ROLES.indexOf(a) - ROLES.indexOf(b));
}

/** platform_admin held in any body is global. */
export function isPlatformAdminAnywhere(list: MembershipSummary[]): boolean {
  return list.some((m) => m.roles.includes('platform_admin'));
}

/**
 * The body a caller acts for and the roles it holds there. The requested body must be one of
 * the memberships (null when it is not); without a request, the first membership granted.
 */
export function tenantOf(list: MembershipSummary[], requested?: string | null): { organizationId: string | null; roles: Role[] } {
  const platform = isPlatformAdminAnywhere(list);
  const m = requested ? list.find((x) => x.organizationId === requested) : list[0];
  const roles = m ? [...m.roles] : [];
  if (platform && !roles.includes('platform_admin')) roles.push('platform_admin');
  return { organizationId: m?.organizationId ?? null, roles: sortRoles(roles) };
}
