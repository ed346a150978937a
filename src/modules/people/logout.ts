/** Sign-out of this session, or of every session of the user (e.g. a lost phone). */
import type { Db } from '../../platform/db/index.js';
import type { AuthContext } from '../../platform/auth/context.js';
import * as repo from './people.repo.js';

export async function logout(db: Db, auth: AuthContext): Promise<void> {
  if (auth.sessionId) await repo.deleteSession(db, auth.sessionId);
}

export async function logoutAll(db: Db, auth: AuthContext): Promise<number> {
  return repo.deleteUserSessions(db, auth.userId);
}
