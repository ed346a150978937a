/**
 * Disables (or enables again) a person's account. A disabled account cannot sign in, its sessions
 * end at once and its API tokens stop working; its history (audit, bookings…) stays. A body admin
 * may disable only the body's own people (no membership elsewhere); a platform admin anyone.
 */
import type { Db } from '../../platform/db/index.js';
import { recordAudit } from '../../platform/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { assertCanManage, loadMember, type Member } from './members.js';

export async function setMemberDisabled(db: Db, actor: Actor, organizationId: string, userId: string, disabled: boolean): Promise<Member> {
  assertCanManage(actor, organizationId);
  if (disabled && actor.userId === userId) throw authErrors.cannotDisableSelf();
  const after = await db.tx(actor.db, async (tx) => {
    const before = await loadMember(tx, organizationId, userId);
    if (!before) throw authErrors.memberNotFound();
    if (before.disabled === disabled) return before;
    if (!(await repo.setUserDisabled(tx, userId, disabled))) throw authErrors.sharedAccount();
    const now = (await loadMember(tx, organizationId, userId))!;
    await recordAudit(tx, {
      organizationId,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      action: disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: userId,
      before: { email: before.email, disabled: before.disabled },
      after: { email: now.email, disabled: now.disabled },
      ip: actor.ip ?? null,
    });
    return now;
  });
  if (disabled) await db.ownerTx((tx) => repo.deleteUserSessions(tx, userId));
  return after;
}
