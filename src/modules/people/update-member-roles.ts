/** Replaces a member's roles in a body (at least one; removing all is remove-member). */
import type { Db } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { Role } from '../../platform/auth/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { assertCanManage, assertGrantable, loadMember, type Member } from './members.js';
import { sortRoles } from '../../platform/auth/memberships.js';

export async function updateMemberRoles(db: Db, actor: Actor, organizationId: string, userId: string, rolesInput: Role[]): Promise<Member> {
  assertCanManage(actor, organizationId);
  const roles = sortRoles(rolesInput);
  return db.tx(actor.db, async (tx) => {
    const before = await loadMember(tx, organizationId, userId);
    if (!before) throw authErrors.memberNotFound();
    assertGrantable(actor, before.roles, roles);
    const removed = before.roles.filter((r) => !roles.includes(r));
    if (removed.length) await repo.deleteMemberships(tx, userId, organizationId, removed);
    await repo.insertMemberships(tx, userId, organizationId, roles.filter((r) => !before.roles.includes(r)));
    const after = (await loadMember(tx, organizationId, userId))!;
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: 'membership.update',
      entityType: 'membership',
      entityId: userId,
      before: { email: before.email, roles: before.roles },
      after: { email: after.email, roles: after.roles },
      ip: actor.ip ?? null,
    });
    return after;
  });
}
