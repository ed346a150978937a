/** Who performs a use case: a signed-in person (AuthContext) or the system / command line. */
import type { DbContext } from '../db/index.js';
import { dbContext, isPlatformAdmin, type AuthContext, type Role } from './context.js';

export interface Actor {
  userId: string | null;
  /** The body the actor acts for, and its roles there (empty for the system). */
  organizationId: string | null;
  roles: Role[];
  /** e-mail of the person, or "system" / "cli" (kept in the audit log). */
  label: string;
  platform: boolean;
  db: DbContext;
  ip?: string | null;
}

/** The command line, bootstrap and demo seed: platform scope. */
export function systemActor(label = 'system'): Actor {
  return { userId: null, organizationId: null, roles: [], label, platform: true, db: { platform: true } };
}

export function actorOf(auth: AuthContext, ip?: string | null): Actor {
  return { userId: auth.userId, organizationId: auth.organizationId, roles: auth.roles, label: auth.email, platform: isPlatformAdmin(auth), db: dbContext(auth), ip: ip ?? null };
}

/** Body admins manage the people of the body they act for; platform admins of every body. */
export function canManageMembers(actor: Actor, organizationId: string): boolean {
  return actor.platform || (actor.organizationId === organizationId && actor.roles.includes('body_admin'));
}
