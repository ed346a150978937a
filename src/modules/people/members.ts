/** What the member use cases share: the view of a member and the permission checks. */
import type { Queryable } from '../../platform/db/index.js';
import { errors } from '../../platform/http/errors.js';
import type { Role } from '../../platform/auth/context.js';
import { canManageMembers, type Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { sortRoles } from '../../platform/auth/memberships.js';

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  disabled: boolean;
  roles: Role[];
  since: string;
}

export function memberView(r: repo.MemberRow): Member {
  return {
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    disabled: r.disabled,
    roles: sortRoles(r.roles as Role[]),
    since: new Date(r.since).toISOString(),
  };
}

/** Another body's people are none of the caller's business: 403 without revealing anything. */
export function assertCanManage(actor: Actor, organizationId: string): void {
  if (!canManageMembers(actor, organizationId)) {
    throw errors.forbidden('Solo gli amministratori di questo ente possono gestirne le persone.');
  }
}

/** Only platform admins grant or take away platform_admin. */
export function assertGrantable(actor: Actor, before: Role[], after: Role[]): void {
  const touchesPlatform = before.includes('platform_admin') !== after.includes('platform_admin');
  if (touchesPlatform && !actor.platform) throw authErrors.roleNotGrantable();
}

export async function loadMember(tx: Queryable, organizationId: string, userId: string): Promise<Member | null> {
  const r = await repo.memberOf(tx, organizationId, userId);
  return r ? memberView(r) : null;
}
