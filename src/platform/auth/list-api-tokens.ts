/** The caller's own personal API tokens (never the secrets). */
import type { Db } from '../db/index.js';
import type { AuthContext } from './context.js';
import * as repo from './auth.repo.js';

export async function listApiTokens(db: Db, auth: AuthContext): Promise<repo.ApiTokenRow[]> {
  return repo.listApiTokens(db, auth.userId);
}
