/**
 * Use case: the office's manager (or HR) accepts or refuses a pending swap. Accepting re-checks
 * the swap on the plan as it is now (it may have changed since the request): if it has become
 * invalid it is refused with the reasons instead. Nobody decides on his own swap.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { AppError } from '../../../platform/http/errors.js';
import { bodyOf, managesOffice } from './plan-access.js';
import { applySwap, checkSwapDays, evaluateSwap, refusalReason } from './swap-evaluate.js';
import { mailSwapOutcome } from './plan-mails.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export interface DecideSwapInput {
  decision: 'accepted' | 'refused';
  reason?: string;
}

export async function decideSwapRequest(
  db: Db,
  auth: AuthContext,
  id: string,
  input: DecideSwapInput,
  opts: { ip?: string; now?: number; publicUrl: string },
): Promise<repo.SwapRow> {
  const organizationId = bodyOf(auth);
  const today = romeDate(opts.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    await repo.lockPlan(tx, organizationId);
    const before = await repo.selectSwap(tx, organizationId, id, true);
    if (!before) throw E.swapNotFound();
    if (!(await managesOffice(tx, auth, organizationId, before.officeId))) {
      throw E.forbidden('Decidono gli scambi il responsabile dell’ufficio e l’ufficio del personale.');
    }
    const employee = await repo.selectEmployee(tx, organizationId, before.employeeId);
    if (!employee) throw E.swapNotFound();
    if (employee.userId === auth.userId) throw E.forbidden('Non puoi decidere su un tuo scambio.');
    if (before.status !== 'pending') throw E.swapNotPending(`La richiesta è già ${before.status === 'accepted' ? 'accettata' : 'respinta'}.`);
    let status: 'accepted' | 'refused' = input.decision;
    let reason: string | null = input.decision === 'refused' ? `Respinta dal responsabile${input.reason ? `: ${input.reason}` : '.'}` : null;
    let violations: unknown[] = [];
    const subject = { organizationId, employee, fromDay: before.fromDay, toDay: before.toDay };
    if (status === 'accepted') {
      try {
        await checkSwapDays(tx, subject, today);
        const found = await evaluateSwap(tx, subject);
        if (found.length) {
          status = 'refused';
          reason = refusalReason(found);
          violations = found;
        }
      } catch (err) {
        // the days are no longer swappable (past, re-planned, pinned): refuse with the reason
        if (!(err instanceof AppError)) throw err;
        status = 'refused';
        reason = `Scambio non più possibile: ${err.detail ?? err.title}`;
      }
    }
    await repo.decideSwap(tx, organizationId, id, { status, reason, violations, decidedBy: auth.userId });
    if (status === 'accepted') await applySwap(tx, subject);
    const after = (await repo.selectSwap(tx, organizationId, id))!;
    await auditBy(tx, auth, {
      organizationId, action: `remote_work_swap.${status === 'accepted' ? 'approve' : 'reject'}`,
      entityType: 'rw_swap_request', entityId: id, before, after, ip: opts.ip ?? null,
    });
    await mailSwapOutcome(tx, {
      organizationId, employee, officeId: after.officeId, officeName: after.officeName, fromDay: after.fromDay, toDay: after.toDay,
      status, reason, publicUrl: opts.publicUrl, decidedByManager: true,
    });
    return after;
  });
}
