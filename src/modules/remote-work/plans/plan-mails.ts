/**
 * The mails of the planner's area (Italian first, then English), queued inside the transaction
 * of the change: swap accepted / waiting for approval / refused, to the employee; a swap waiting
 * for approval or just accepted, to the office's manager.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { loadMember } from '../../people/index.js';
import { shortItalianDate } from '../planner/index.js';
import type { SwapStatus } from './plans.repo.js';
import * as repo from './plans.repo.js';
import { employeeName } from './plan-input.js';

export const MY_CALENDAR_PATH = '/lavoro-agile/il-mio-calendario';
export const PLAN_GRID_PATH = '/lavoro-agile/piano';

/** The employee's address: the record's e-mail, else the linked account's. */
export async function employeeEmail(tx: Queryable, organizationId: string, e: repo.PlanEmployeeRow): Promise<string | null> {
  if (e.email) return e.email;
  if (!e.userId) return null;
  return (await loadMember(tx, organizationId, e.userId))?.email ?? null;
}

/** The e-mail of the office's manager, when the office has one who is a person of the body. */
export async function managerEmail(tx: Queryable, organizationId: string, officeId: string): Promise<string | null> {
  const [office] = await repo.selectOffices(tx, organizationId, [officeId]);
  if (!office?.managerUserId) return null;
  const m = await loadMember(tx, organizationId, office.managerUserId);
  return m && !m.disabled ? m.email : null;
}

const STATUS_IT: Record<SwapStatus, string> = { accepted: 'accettata', pending: 'in attesa di approvazione', refused: 'non accolta' };
const STATUS_EN: Record<SwapStatus, string> = { accepted: 'accepted', pending: 'waiting for approval', refused: 'not granted' };

export async function mailSwapOutcome(
  tx: Queryable,
  m: { organizationId: string; employee: repo.PlanEmployeeRow; officeId: string; officeName: string; fromDay: string; toDay: string; status: SwapStatus; reason: string | null; publicUrl: string; decidedByManager: boolean },
): Promise<void> {
  const who = employeeName(m.employee);
  const days = `${shortItalianDate(m.fromDay)} → ${shortItalianDate(m.toDay)}`;
  const to = await employeeEmail(tx, m.organizationId, m.employee);
  if (to) {
    const it = [
      `Gentile ${who},`,
      '',
      `la tua richiesta di scambiare il giorno di lavoro agile del ${shortItalianDate(m.fromDay)} con il ${shortItalianDate(m.toDay)} è ${STATUS_IT[m.status]}${m.decidedByManager ? ' dal responsabile' : ''}.`,
      m.status === 'accepted' ? `Il ${shortItalianDate(m.fromDay)} lavori in sede, il ${shortItalianDate(m.toDay)} in lavoro agile.` : '',
      m.status === 'pending' ? 'Riceverai un messaggio quando il responsabile avrà deciso.' : '',
      m.reason ? `Motivo: ${m.reason}` : '',
      '',
      `Il tuo calendario: ${m.publicUrl}${MY_CALENDAR_PATH}`,
    ].filter((l, i, a) => l !== '' || a[i - 1] !== '');
    const en = [
      `Your request to swap the remote day of ${m.fromDay} with ${m.toDay} is ${STATUS_EN[m.status]}.`,
      m.reason ? `Reason (Italian): ${m.reason}` : '',
      `Your calendar: ${m.publicUrl}${MY_CALENDAR_PATH}`,
    ].filter(Boolean);
    await queueMail(tx, {
      to,
      subject: `Scambio di giorno di lavoro agile ${STATUS_IT[m.status]} (${days}) / Remote-day swap ${STATUS_EN[m.status]}`,
      text: `${it.join('\n')}\n\n---\n\n${en.join('\n')}\n`,
    });
  }
  if (m.status === 'refused' || m.decidedByManager) return;
  const manager = await managerEmail(tx, m.organizationId, m.officeId);
  if (!manager) return;
  const pending = m.status === 'pending';
  await queueMail(tx, {
    to: manager,
    subject: pending
      ? `Richiesta di scambio da approvare: ${who} (${days}) / Swap request to approve`
      : `Scambio di giorno di lavoro agile: ${who} (${days}) / Remote-day swap`,
    text: [
      pending
        ? `${who} (${m.officeName}) chiede di spostare il giorno di lavoro agile del ${shortItalianDate(m.fromDay)} al ${shortItalianDate(m.toDay)}. Lo scambio rispetta il presidio dell’ufficio e l’accordo individuale: decidi tu se accoglierlo.`
        : `${who} (${m.officeName}) ha spostato il giorno di lavoro agile del ${shortItalianDate(m.fromDay)} al ${shortItalianDate(m.toDay)}. Lo scambio rispetta il presidio dell’ufficio e l’accordo individuale.`,
      '',
      `Il piano dell’ufficio: ${m.publicUrl}${PLAN_GRID_PATH}`,
      '',
      '---',
      '',
      pending
        ? `${who} (${m.officeName}) asks to move the remote day of ${m.fromDay} to ${m.toDay}. The swap keeps the office's coverage and the agreement: it is yours to decide.`
        : `${who} (${m.officeName}) moved the remote day of ${m.fromDay} to ${m.toDay}. The swap keeps the office's coverage and the agreement.`,
      `The office's plan: ${m.publicUrl}${PLAN_GRID_PATH}`,
      '',
    ].join('\n'),
  });
}
