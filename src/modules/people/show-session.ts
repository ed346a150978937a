/** The caller's session: who, acting for which body, with which roles, and every membership. */
import type { Db } from '../../platform/db/index.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { buildView, type SessionView } from './sessions.js';

export async function showSession(db: Db, auth: AuthContext): Promise<SessionView> {
  return buildView(db, { id: auth.userId, email: auth.email, displayName: auth.displayName }, auth.organizationId, auth.csrfToken ?? '');
}
