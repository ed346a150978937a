/**
 * Use case: an employee asks to move one of his remote days to another day. Under the body's
 * plan lock the days are checked, then the office's plan with the swap is re-validated
 * (coverage, agreement caps and weekdays). Valid: accepted and applied at once, or pending when
 * the body wants the manager's approval. Invalid: refused, with the exact reasons (office, day,
 * people short). The request is kept in every case, and the employee (and manager) get a mail.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { bodyOf } from './plan-access.js';
import { applySwap, checkSwapDays, evaluateSwap, refusalReason } from './swap-evaluate.js';
import { mailSwapOutcome } from './plan-mails.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export interface CreateSwapInput {
  fromDay: string;
  toDay: string;
  note?: string;
}

export async function createSwapRequest(
  db: Db,
  auth: AuthContext,
  input: CreateSwapInput,
  opts: { ip?: string; now?: number; publicUrl: string },
): Promise<repo.SwapRow> {
  const organizationId = bodyOf(auth);
  const today = romeDate(opts.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    const employee = await repo.selectEmployeeByUser(tx, organizationId, auth.userId);
    if (!employee) throw E.notAnEmployee();
    const settings = await repo.lockPlan(tx, organizationId);
    const subject = { organizationId, employee, fromDay: input.fromDay, toDay: input.toDay };
    await checkSwapDays(tx, subject, today);
    const pending = await repo.selectSwaps(tx, organizationId, { employeeId: employee.id, status: 'pending' }, 100, 0);
    const clash = pending.items.find((s) => [s.fromDay, s.toDay].some((d) => d === input.fromDay || d === input.toDay));
    if (clash) throw E.swapInvalid(`Hai già una richiesta in attesa per questi giorni (${clash.fromDay} → ${clash.toDay}).`);
    const violations = await evaluateSwap(tx, subject);
    const status: repo.SwapStatus = violations.length ? 'refused' : settings.swapRequiresApproval ? 'pending' : 'accepted';
    const reason = violations.length ? refusalReason(violations) : null;
    const id = await repo.insertSwap(tx, {
      organizationId, employeeId: employee.id, officeId: employee.officeId, fromDay: input.fromDay, toDay: input.toDay,
      status, reason, violations, note: input.note ?? '', requestedBy: auth.userId, decided: status !== 'pending',
    });
    if (status === 'accepted') await applySwap(tx, subject);
    const swap = (await repo.selectSwap(tx, organizationId, id))!;
    await auditBy(tx, auth, {
      organizationId, action: `remote_work_swap.${status === 'pending' ? 'request' : status === 'accepted' ? 'accept' : 'refuse'}`,
      entityType: 'rw_swap_request', entityId: id, before: null, after: swap, ip: opts.ip ?? null,
    });
    await mailSwapOutcome(tx, {
      organizationId, employee, officeId: employee.officeId, officeName: swap.officeName, fromDay: input.fromDay, toDay: input.toDay,
      status, reason, publicUrl: opts.publicUrl, decidedByManager: false,
    });
    return swap;
  });
}
