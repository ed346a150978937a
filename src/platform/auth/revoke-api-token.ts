/** Revokes one of the caller's own tokens; someone else's token is "not found". */
import type { Db } from '../db/index.js';
import type { AuthContext } from './context.js';
import { authErrors } from './auth.errors.js';
import * as repo from './auth.repo.js';

export async function revokeApiToken(db: Db, auth: AuthContext, id: string): Promise<void> {
  if (!(await repo.deleteApiToken(db, auth.userId, id))) throw authErrors.tokenNotFound();
}
