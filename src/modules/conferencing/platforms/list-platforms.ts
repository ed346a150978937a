/** Use case: the catalogue of videoconference platforms (readable by everyone signed in); archived ones only on request. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import * as repo from './platforms.repo.js';

export async function listPlatforms(db: Db, auth: AuthContext, q: { page: number; pageSize: number; includeArchived?: boolean }) {
  return db.tx(dbContext(auth), async (tx) => {
    const r = await repo.selectPlatforms(tx, q.pageSize, (q.page - 1) * q.pageSize, q.includeArchived ?? false);
    return { ...r, page: q.page, pageSize: q.pageSize };
  });
}
