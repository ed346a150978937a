/** Use case: a body's figures per office for a month (an office manager sees only his offices). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { bodyScope } from './indicator-access.js';
import { currentMonth } from './indicator-rules.js';
import { readBodyOffices } from './show-body-indicators.js';

export async function listOfficeIndicators(db: Db, auth: AuthContext, q: { month?: string }) {
  const scope = bodyScope(auth);
  const month = q.month ?? currentMonth();
  return db.tx(dbContext(auth), async (tx) => ({ month, items: await readBodyOffices(tx, scope, month) }));
}
