/**
 * Browser sessions: the random token lives only in the httpOnly cookie, the database keeps its
 * sha256. The session answer (`SessionView`) is what login, OIDC and GET /auth/session return.
 */
import type { Db, Queryable } from '../../platform/db/index.js';
import type { Role } from '../../platform/auth/context.js';
import * as repo from './people.repo.js';
import { summarize, tenantOf } from '../../platform/auth/memberships.js';
import { organizationNames } from './organization-names.js';
import { randomSecret, sha256 } from '../../platform/auth/secrets.js';

import { SESSION_IDLE_SECONDS } from '../../platform/auth/plugin.js';

export interface SessionView {
  user: { id: string; email: string; displayName: string };
  organization: { id: string; name: string } | null;
  roles: Role[];
  csrfToken: string;
  memberships: { organizationId: string; organizationName: string; roles: Role[] }[];
}

export interface StartedSession {
  /** The cookie value (never stored). */
  token: string;
  view: SessionView;
}

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** Opens a session for the user, acting for the requested body or the first membership. */
export async function startSession(db: Db, userId: string, client: ClientInfo, requestedOrganizationId?: string | null): Promise<StartedSession> {
  const token = randomSecret(32);
  const csrfToken = randomSecret(24);
  // Sign-in data, not a body's data: owner connection (see migrations/0003_auth.sql).
  const view = await db.ownerTx(async (tx) => {
    const user = await repo.findUserById(tx, userId);
    if (!user) throw new Error('startSession: user vanished');
    const list = summarize(await repo.membershipsOf(tx, userId));
    const tenant = tenantOf(list, requestedOrganizationId);
    const organizationId = tenant.organizationId ?? tenantOf(list).organizationId;
    await repo.insertSession(tx, {
      id: sha256(token),
      userId,
      organizationId,
      csrfToken,
      ttlSeconds: SESSION_IDLE_SECONDS,
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await repo.deleteExpiredSessions(tx);
    return buildView(tx, { id: user.id, email: user.email, displayName: user.display_name }, organizationId, csrfToken);
  });
  return { token, view };
}

/** The session answer for a user acting for a body. */
export async function buildView(
  q: Queryable,
  user: SessionView['user'],
  organizationId: string | null,
  csrfToken: string,
): Promise<SessionView> {
  const list = summarize(await repo.membershipsOf(q, user.id));
  const tenant = tenantOf(list, organizationId);
  const names = await organizationNames(q, list.map((m) => m.organizationId));
  return {
    user,
    organization: tenant.organizationId ? { id: tenant.organizationId, name: names.get(tenant.organizationId) ?? '' } : null,
    roles: tenant.roles,
    csrfToken,
    memberships: list.map((m) => ({ organizationId: m.organizationId, organizationName: names.get(m.organizationId) ?? '', roles: m.roles })),
  };
}
