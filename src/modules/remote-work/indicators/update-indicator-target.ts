/**
 * Use case: HR or the body's administrators set the body's target share of remote work (e.g. the
 * Provincia di Lucca's 60%). Audited; the dashboards show it within the next refresh (a minute).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import * as repo from './indicators.repo.js';
import { targetScope } from './indicator-access.js';
import { DEFAULT_TARGET_PERCENT } from './indicator-rules.js';
import type { Target } from './show-indicator-target.js';

export async function updateIndicatorTarget(db: Db, auth: AuthContext, body: { targetPercent: number }, meta: { ip?: string } = {}): Promise<Target> {
  const organizationId = targetScope(auth);
  return db.tx(dbContext(auth), async (tx) => {
    const before = await repo.selectTarget(tx, organizationId);
    const t = await repo.upsertTarget(tx, organizationId, body.targetPercent);
    await auditBy(tx, auth, {
      organizationId,
      action: 'remote_work_target.update',
      entityType: 'remote_work_target',
      entityId: organizationId,
      before: { targetPercent: before ? Number(before.target_percent) : DEFAULT_TARGET_PERCENT, isDefault: !before },
      after: { targetPercent: Number(t.target_percent) },
      ip: meta.ip ?? null,
    });
    return { targetPercent: Number(t.target_percent), isDefault: false, updatedAt: new Date(t.updated_at).toISOString() };
  });
}
