/**
 * The e-mails of an agreement's life, queued in the same transaction as the write that causes
 * them (queueMail: they leave only if that write commits). Italian first, then English. One
 * message per person, so nobody sees the others' addresses.
 *
 * | event                | employee | office manager | HR (hr_manager, else body_admin) | requester (if not the employee) |
 * | -------------------- | -------- | -------------- | -------------------------------- | ------------------------------- |
 * | requested / renewed  | yes      | yes (to decide; HR when the office has no manager) | only without a manager | |
 * | approved             | yes      |                | yes (to register)                |                                 |
 * | refused              | yes      |                |                                  | yes                             |
 * | safety_acknowledged  |          |                | yes                              |                                 |
 * | registered           | yes      | yes            |                                  |                                 |
 * | withdrawal_notified  | yes      | yes            | yes                              |                                 |
 * | cancelled            | yes      | yes            |                                  |                                 |
 * | expired / closed     | yes      | yes            | yes                              |                                 |
 */
import type { Queryable } from '../../../platform/db/index.js';
import { queueMail } from '../../../platform/mail/index.js';
import { dateEn, dateIt, durationIt } from './agreement-document.js';
import { lastDayInForce } from './agreement-rules.js';
import * as repo from './agreements.repo.js';
import { memberEmails } from '../../people/index.js';

export type AgreementEvent =
  | 'requested'
  | 'renewed'
  | 'approved'
  | 'refused'
  | 'safety_acknowledged'
  | 'registered'
  | 'withdrawal_notified'
  | 'cancelled'
  | 'expired'
  | 'closed';

interface Texts {
  subjectIt: string;
  subjectEn: string;
  employeeIt: string;
  employeeEn: string;
  staffIt: string;
  staffEn: string;
}

function textsOf(event: AgreementEvent, a: repo.AgreementRow): Texts {
  const who = a.employeeName;
  const period = durationIt(a);
  const periodEn = a.endsOn ? `from ${dateEn(a.startsOn)} to ${dateEn(a.endsOn)}` : `open-ended, from ${dateEn(a.startsOn)}`;
  const last = lastDayInForce(a);
  switch (event) {
    case 'requested':
    case 'renewed':
      return {
        subjectIt: event === 'renewed' ? `Richiesta di rinnovo dell’accordo di lavoro agile – ${who}` : `Richiesta di accordo di lavoro agile – ${who}`,
        subjectEn: event === 'renewed' ? 'Renewal of a remote-work agreement requested' : 'Remote-work agreement requested',
        employeeIt: `è stata registrata la richiesta di accordo di lavoro agile ${period}. Il responsabile dell’ufficio la esaminerà: riceverai un’e-mail con la decisione.`,
        employeeEn: `the request for a remote-work agreement (${periodEn}) has been recorded. Your office manager will examine it; you will get an e-mail with the decision.`,
        staffIt: `${who} (${a.officeName}) chiede un accordo di lavoro agile ${period}. Approvalo o respingilo indicando il motivo.`,
        staffEn: `${who} (${a.officeName}) asks for a remote-work agreement (${periodEn}). Approve it or refuse it with a reason.`,
      };
    case 'approved':
      return {
        subjectIt: `Accordo di lavoro agile approvato – ${who}`,
        subjectEn: 'Remote-work agreement approved',
        employeeIt: `il tuo accordo di lavoro agile ${period} è stato approvato. Diventa efficace quando l’ufficio del personale lo registra.`,
        employeeEn: `your remote-work agreement (${periodEn}) was approved. It takes effect once HR registers it.`,
        staffIt: `l’accordo di lavoro agile di ${who} (${a.officeName}) ${period} è stato approvato ed è pronto per la registrazione.`,
        staffEn: `the remote-work agreement of ${who} (${a.officeName}) was approved and is ready to be registered.`,
      };
    case 'refused':
      return {
        subjectIt: `Accordo di lavoro agile non approvato – ${who}`,
        subjectEn: 'Remote-work agreement refused',
        employeeIt: `la richiesta di accordo di lavoro agile ${period} non è stata approvata. Motivo: ${a.decisionReason ?? ''}`,
        employeeEn: `the request for a remote-work agreement (${periodEn}) was refused. Reason: ${a.decisionReason ?? ''}`,
        staffIt: `la richiesta di accordo di lavoro agile di ${who} ${period} non è stata approvata. Motivo: ${a.decisionReason ?? ''}`,
        staffEn: `the remote-work agreement requested for ${who} was refused. Reason: ${a.decisionReason ?? ''}`,
      };
    case 'safety_acknowledged':
      return {
        subjectIt: `Informativa sulla sicurezza letta – ${who}`,
        subjectEn: 'Safety information acknowledged',
        employeeIt: 'hai dichiarato di aver preso visione dell’informativa sulla salute e sicurezza nel lavoro agile.',
        employeeEn: 'you acknowledged the written safety information on remote work.',
        staffIt: `${who} ha preso visione dell’informativa sulla salute e sicurezza per l’accordo ${period}.`,
        staffEn: `${who} acknowledged the safety information for the agreement (${periodEn}).`,
      };
    case 'registered':
      return {
        subjectIt: `Accordo di lavoro agile registrato – ${who}`,
        subjectEn: 'Remote-work agreement registered',
        employeeIt: `il tuo accordo di lavoro agile ${period} è registrato ed efficace. Puoi scaricarne il testo in PDF o DOCX dalla pagina dell’accordo.`,
        employeeEn: `your remote-work agreement (${periodEn}) is registered and in force. Its text (PDF or DOCX) is on the agreement's page.`,
        staffIt: `l’accordo di lavoro agile di ${who} (${a.officeName}) ${period} è registrato ed efficace.`,
        staffEn: `the remote-work agreement of ${who} (${a.officeName}) is registered and in force.`,
      };
    case 'withdrawal_notified': {
      const by = a.withdrawnByParty === 'employee' ? 'del lavoratore' : 'dell’Amministrazione';
      const byEn = a.withdrawnByParty === 'employee' ? 'the employee' : 'the employer';
      const justified = a.withdrawalJustified ? ' per giustificato motivo' : '';
      return {
        subjectIt: `Recesso dall’accordo di lavoro agile – ${who}`,
        subjectEn: 'Withdrawal from a remote-work agreement',
        employeeIt: `è stato comunicato il recesso ${by}${justified} dal tuo accordo di lavoro agile: l’accordo resta in vigore fino al ${dateIt(last)} compreso. Motivo: ${a.withdrawalReason ?? ''}`,
        employeeEn: `${byEn} withdrew from your remote-work agreement: it stays in force until ${dateEn(last)} included. Reason: ${a.withdrawalReason ?? ''}`,
        staffIt: `è stato comunicato il recesso ${by}${justified} dall’accordo di lavoro agile di ${who} (${a.officeName}): in vigore fino al ${dateIt(last)} compreso. Motivo: ${a.withdrawalReason ?? ''}`,
        staffEn: `${byEn} withdrew from the remote-work agreement of ${who} (${a.officeName}): in force until ${dateEn(last)} included.`,
      };
    }
    case 'cancelled':
      return {
        subjectIt: `Richiesta di lavoro agile ritirata – ${who}`,
        subjectEn: 'Remote-work agreement request withdrawn',
        employeeIt: `la richiesta di accordo di lavoro agile ${period} è stata ritirata prima della registrazione.${a.withdrawalReason ? ` Motivo: ${a.withdrawalReason}` : ''}`,
        employeeEn: `the request for a remote-work agreement (${periodEn}) was withdrawn before registration.`,
        staffIt: `la richiesta di accordo di lavoro agile di ${who} (${a.officeName}) ${period} è stata ritirata.`,
        staffEn: `the remote-work agreement request of ${who} (${a.officeName}) was withdrawn.`,
      };
    case 'expired':
    case 'closed':
      return {
        subjectIt: event === 'expired' ? `Accordo di lavoro agile scaduto – ${who}` : `Accordo di lavoro agile concluso per recesso – ${who}`,
        subjectEn: event === 'expired' ? 'Remote-work agreement expired' : 'Remote-work agreement ended by withdrawal',
        employeeIt: `il tuo accordo di lavoro agile ${period} non è più in vigore dal giorno successivo al ${dateIt(last)}. Puoi chiederne il rinnovo o un nuovo accordo.`,
        employeeEn: `your remote-work agreement (${periodEn}) is no longer in force after ${dateEn(last)}. You may ask for a renewal or a new agreement.`,
        staffIt: `l’accordo di lavoro agile di ${who} (${a.officeName}) non è più in vigore dal giorno successivo al ${dateIt(last)}.`,
        staffEn: `the remote-work agreement of ${who} (${a.officeName}) is no longer in force after ${dateEn(last)}.`,
      };
  }
}

function body(greetingIt: string, it: string, greetingEn: string, en: string, link: string): string {
  return `${greetingIt},\n${it}\n\nPagina dell’accordo: ${link}\n\n— Agile PA\n\n----- English -----\n\n${greetingEn},\n${en}\n\nAgreement page: ${link}\n`;
}

export interface NoticeOptions {
  publicUrl: string;
  /** The person who made the request (HR drafting for an employee), told of a refusal. */
  requesterUserId?: string | null;
}

/** Queues the e-mails of one event of an agreement. Returns the addresses written to. */
export async function queueAgreementNotices(tx: Queryable, a: repo.AgreementRow, event: AgreementEvent, opts: NoticeOptions): Promise<string[]> {
  const t = textsOf(event, a);
  const link = `${opts.publicUrl}/lavoro-agile/accordi/${a.id}`;
  const manager = await repo.selectUserEmail(tx, a.officeManagerUserId);
  const hr = async () => {
    const list = await memberEmails(tx, a.organizationId, ['hr_manager']);
    return list.length ? list : memberEmails(tx, a.organizationId, ['body_admin']);
  };
  const toEmployee = event !== 'safety_acknowledged';
  const staff = new Set<string>();
  switch (event) {
    case 'requested':
    case 'renewed':
      if (manager) staff.add(manager);
      else for (const e of await hr()) staff.add(e);
      break;
    case 'approved':
    case 'safety_acknowledged':
      for (const e of await hr()) staff.add(e);
      break;
    case 'refused': {
      const requester = opts.requesterUserId && opts.requesterUserId !== a.employeeUserId ? await repo.selectUserEmail(tx, opts.requesterUserId) : null;
      if (requester) staff.add(requester);
      break;
    }
    case 'registered':
    case 'cancelled':
      if (manager) staff.add(manager);
      break;
    case 'withdrawal_notified':
    case 'expired':
    case 'closed':
      if (manager) staff.add(manager);
      for (const e of await hr()) staff.add(e);
      break;
  }
  const sent: string[] = [];
  const employeeEmail = a.employeeEmail?.toLowerCase() ?? null;
  if (toEmployee && employeeEmail) {
    await queueMail(tx, {
      to: employeeEmail,
      subject: `${t.subjectIt} / ${t.subjectEn}`,
      text: body(`Gentile ${a.employeeName}`, t.employeeIt, `Dear ${a.employeeName}`, t.employeeEn, link),
    });
    sent.push(employeeEmail);
  }
  for (const to of [...staff].map((e) => e.toLowerCase())) {
    if (to === employeeEmail) continue;
    await queueMail(tx, { to, subject: `${t.subjectIt} / ${t.subjectEn}`, text: body('Buongiorno', t.staffIt, 'Hello', t.staffEn, link) });
    sent.push(to);
  }
  return sent;
}
