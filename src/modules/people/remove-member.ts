/** Removes a person from a body (every role there); the account stays for the other bodies. */
import type { Db } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { assertCanManage, assertGrantable, loadMember } from './members.js';

export async function removeMember(db: Db, actor: Actor, organizationId: string, userId: string): Promise<void> {
  assertCanManage(actor, organizationId);
  await db.tx(actor.db, async (tx) => {
    const before = await loadMember(tx, organizationId, userId);
    if (!before) throw authErrors.memberNotFound();
    assertGrantable(actor, before.roles, []);
    await repo.deleteMemberships(tx, userId, organizationId);
    await auditBy(tx, actor, {
      organizationId,
      action: 'membership.remove',
      entityType: 'membership',
      entityId: userId,
      before: { email: before.email, roles: before.roles },
      after: null,
      ip: actor.ip ?? null,
    });
  });
}
