/** Use case: a body's figures for every day of a month. */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { bodyScope } from './indicator-access.js';
import { currentMonth } from './indicator-rules.js';
import { readBodyDays, readHeads } from './show-body-indicators.js';

export async function listDayIndicators(db: Db, auth: AuthContext, q: { month?: string }) {
  const scope = bodyScope(auth);
  const month = q.month ?? currentMonth();
  return db.tx(dbContext(auth), async (tx) => {
    const heads = await readHeads(tx, scope.organizationId);
    return { month, headcount: heads.headcount, items: await readBodyDays(tx, scope.organizationId, month, heads.headcount) };
  });
}
