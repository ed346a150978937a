/** Changes the body a session acts for: only to a body the user is a member of. */
import type { Db } from '../../platform/db/index.js';
import { errors } from '../../platform/http/errors.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';
import { summarize } from '../../platform/auth/memberships.js';
import { buildView, type SessionView } from './sessions.js';

export async function switchOrganization(db: Db, auth: AuthContext, organizationId: string): Promise<SessionView> {
  if (!auth.sessionId) throw errors.validation('Con un token personale scegli l’ente con l’intestazione X-Organization-Id.');
  return db.ownerTx(async (tx) => {
    const list = summarize(await repo.membershipsOf(tx, auth.userId));
    if (!list.some((m) => m.organizationId === organizationId)) throw authErrors.notAMember();
    await repo.setSessionOrganization(tx, auth.sessionId!, organizationId);
    return buildView(tx, { id: auth.userId, email: auth.email, displayName: auth.displayName }, organizationId, auth.csrfToken ?? '');
  });
}
