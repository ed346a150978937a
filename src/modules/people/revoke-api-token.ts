/** Revokes one of the caller's own tokens; someone else's token is "not found". */
import type { Db } from '../../platform/db/index.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import * as repo from './people.repo.js';

export async function revokeApiToken(db: Db, auth: AuthContext, id: string): Promise<void> {
  if (!(await repo.deleteApiToken(db, auth.userId, id))) throw authErrors.tokenNotFound();
}
