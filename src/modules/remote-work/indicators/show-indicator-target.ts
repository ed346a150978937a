/** Use case: the body's target share of remote work (30% when it set none). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import * as repo from './indicators.repo.js';
import { bodyScope } from './indicator-access.js';
import { DEFAULT_TARGET_PERCENT } from './indicator-rules.js';

export interface Target {
  targetPercent: number;
  isDefault: boolean;
  updatedAt: string | null;
}

export async function showIndicatorTarget(db: Db, auth: AuthContext): Promise<Target> {
  const { organizationId } = bodyScope(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const t = await repo.selectTarget(tx, organizationId);
    return t
      ? { targetPercent: Number(t.target_percent), isDefault: false, updatedAt: new Date(t.updated_at).toISOString() }
      : { targetPercent: DEFAULT_TARGET_PERCENT, isDefault: true, updatedAt: null };
  });
}
