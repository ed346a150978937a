/**
 * Use cases: the body's planner settings. For now one flag: whether a valid swap waits for the
 * office manager's approval (true) or is accepted at once (false, the default). Everyone of the
 * body may read it (the employee's page says what happens to his request); HR and the body's
 * administrators change it.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { bodyOf, plansWholeBody } from './plan-access.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

export interface PlanSettings {
  swapRequiresApproval: boolean;
}

export async function showPlanSettings(db: Db, auth: AuthContext): Promise<PlanSettings> {
  const organizationId = bodyOf(auth);
  const s = await db.tx(dbContext(auth), (tx) => repo.selectPlanSettings(tx, organizationId));
  return { swapRequiresApproval: s.swapRequiresApproval };
}

export async function updatePlanSettings(db: Db, auth: AuthContext, input: PlanSettings, opts: { ip?: string } = {}): Promise<PlanSettings> {
  const organizationId = bodyOf(auth);
  if (!plansWholeBody(auth)) throw E.forbidden('Le impostazioni della pianificazione le cambiano l’ufficio del personale e gli amministratori dell’ente.');
  return db.tx(dbContext(auth), async (tx) => {
    const before = await repo.lockPlan(tx, organizationId);
    await repo.updateSwapApproval(tx, organizationId, input.swapRequiresApproval);
    await auditBy(tx, auth, {
      organizationId, action: 'remote_work_plan.settings', entityType: 'rw_plan_settings',
      entityId: organizationId, before: { swapRequiresApproval: before.swapRequiresApproval }, after: input, ip: opts.ip ?? null,
    });
    return { swapRequiresApproval: input.swapRequiresApproval };
  });
}
