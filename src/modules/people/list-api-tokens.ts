/** The caller's own personal API tokens (never the secrets). */
import type { Db } from '../../platform/db/index.js';
import type { AuthContext } from '../../platform/auth/context.js';
import * as repo from './people.repo.js';

export async function listApiTokens(db: Db, auth: AuthContext): Promise<repo.ApiTokenRow[]> {
  return repo.listApiTokens(db, auth.userId);
}
