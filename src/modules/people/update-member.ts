/**
 * Changes a member of a body: their roles there (at least one; removing all is remove-member), and
 * whether their account is disabled. Both changes land in one transaction with their audit
 * entries, or neither does: a refusal of one (a role the caller may not grant, an account shared
 * with another body) leaves the other unchanged. A disabled account cannot sign in, its sessions
 * end at once and its API tokens stop working; its history (audit, bookings…) stays. A body admin
 * may disable only the body's own people (no membership elsewhere); a platform admin anyone.
 */
import type { Db } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import type { Role } from '../../platform/auth/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { sortRoles } from '../../platform/auth/memberships.js';
import * as repo from './people.repo.js';
import { assertCanManage, assertGrantable, loadMember, type Member } from './members.js';

export interface MemberChange {
  roles?: Role[];
  disabled?: boolean;
}

export async function updateMember(db: Db, actor: Actor, organizationId: string, userId: string, change: MemberChange): Promise<Member> {
  assertCanManage(actor, organizationId);
  if (change.disabled === true && actor.userId === userId) throw authErrors.cannotDisableSelf();
  const audit = (action: string, entityType: string, before: unknown, after: unknown) => ({ organizationId, action, entityType, entityId: userId, before, after, ip: actor.ip ?? null });
  let disabledNow = false;
  const after = await db.tx(actor.db, async (tx) => {
    const before = await loadMember(tx, organizationId, userId);
    if (!before) throw authErrors.memberNotFound();
    let current = before;
    if (change.roles) {
      const roles = sortRoles(change.roles);
      assertGrantable(actor, before.roles, roles);
      const removed = before.roles.filter((r) => !roles.includes(r));
      if (removed.length) await repo.deleteMemberships(tx, userId, organizationId, removed);
      await repo.insertMemberships(tx, userId, organizationId, roles.filter((r) => !before.roles.includes(r)));
      current = (await loadMember(tx, organizationId, userId))!;
      await auditBy(tx, actor, audit('membership.update', 'membership', { email: before.email, roles: before.roles }, { email: current.email, roles: current.roles }));
    }
    if (change.disabled !== undefined && current.disabled !== change.disabled) {
      if (!(await repo.setUserDisabled(tx, userId, change.disabled))) throw authErrors.sharedAccount();
      const was = current;
      current = (await loadMember(tx, organizationId, userId))!;
      await auditBy(
        tx,
        actor,
        audit(change.disabled ? 'user.disable' : 'user.enable', 'user', { email: was.email, disabled: was.disabled }, { email: current.email, disabled: current.disabled }),
      );
      disabledNow = change.disabled;
    }
    return current;
  });
  if (disabledNow) await db.ownerTx((tx) => repo.deleteUserSessions(tx, userId));
  return after;
}
