/**
 * Adds a person to a body with roles: creates the account when the e-mail is new (optionally with
 * a password; otherwise the person uses SPID/CIE or the reset link), or links the existing
 * account (its name and password are left alone). Body admin of that body or platform admin.
 */
import type { Db } from '../../platform/db/index.js';
import { auditBy } from '../../platform/audit.js';
import type { Role } from '../../platform/auth/context.js';
import type { Actor } from '../../platform/auth/actor.js';
import * as repo from './people.repo.js';
import { insertUserWithRoles, normalizeEmail } from './create-user.js';
import { assertCanManage, assertGrantable, loadMember, type Member } from './members.js';
import { sortRoles } from '../../platform/auth/memberships.js';

export interface AddMemberInput {
  email: string;
  displayName: string;
  roles: Role[];
  password?: string;
  taxCode?: string;
}

export async function addMember(db: Db, actor: Actor, organizationId: string, input: AddMemberInput): Promise<{ member: Member; created: boolean }> {
  assertCanManage(actor, organizationId);
  const roles = sortRoles(input.roles);
  return db.tx(actor.db, async (tx) => {
    const email = normalizeEmail(input.email);
    const existing = await repo.userIdByEmail(tx, email);
    if (!existing) {
      const u = await insertUserWithRoles(tx, { ...input, email, roles, organizationId }, actor);
      return { member: (await loadMember(tx, organizationId, u.id))!, created: true };
    }
    const before = await loadMember(tx, organizationId, existing);
    assertGrantable(actor, before?.roles ?? [], sortRoles([...(before?.roles ?? []), ...roles]));
    await repo.insertMemberships(tx, existing, organizationId, roles);
    const after = (await loadMember(tx, organizationId, existing))!;
    await auditBy(tx, actor, {
      organizationId,
      action: before ? 'membership.update' : 'membership.create',
      entityType: 'membership',
      entityId: existing,
      before: before ? { email: before.email, roles: before.roles } : null,
      after: { email: after.email, roles: after.roles },
      ip: actor.ip ?? null,
    });
    return { member: after, created: false };
  });
}
