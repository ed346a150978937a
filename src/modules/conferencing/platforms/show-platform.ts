/** Use case: one videoconference platform with its booking rules. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './platforms.repo.js';

export async function showPlatform(db: Db, auth: AuthContext, id: string) {
  return db.tx(dbContext(auth), async (tx) => {
    const p = await repo.selectPlatform(tx, id);
    if (!p) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${id}.`);
    return p;
  });
}
