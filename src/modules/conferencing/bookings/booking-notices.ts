/**
 * The mails of a booking's life, queued in the same transaction as the write that causes them
 * (queueMail: they leave only if that write commits). Italian first, then English.
 *
 * | notice            | when                                        | calendar part          |
 * | ----------------- | ------------------------------------------- | ---------------------- |
 * | confirmed         | booked on a platform without approval, or accepted by the operator | REQUEST |
 * | updated           | an accepted booking changed                 | REQUEST, SEQUENCE+1    |
 * | handed_over       | to the old address, when an accepted booking's organiser e-mail changed | CANCEL |
 * | pending           | booked on a platform that requires approval | none                   |
 * | pending_updated   | a pending booking changed                   | none                   |
 * | refused           | the operator refused a pending booking      | none                   |
 * | cancelled         | cancelled by its body or by the operator    | CANCEL if it was accepted |
 * | platform_archived | cancelled because the platform was archived | CANCEL if it was accepted |
 * | reminder          | the day before an accepted booking          | none                   |
 *
 * And to the operator body's approvers (`queueApprovalRequests`: its provider staff, one mail
 * each): "to approve" when a booking awaits approval, "changed, to approve" when it changes.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { queueMail, type MailMessage } from '../../../platform/mail/index.js';
import { memberEmails } from '../../people/index.js';
import { getOrganizationNames } from '../../organizations/index.js';
import { selectBookingVideo, type BookingVideoRow } from '../video/index.js';
import { type BookingRow } from './bookings.repo.js';
import { type PlatformRow } from '../platforms/index.js';
import { bookingInvitation, type MailSettings } from './invitation.js';
import { meetingLinkFor } from '../video/index.js';
import { KIND_LABELS, rangeEn, rangeIt } from './booking-text.js';

export type NoticeKind = 'confirmed' | 'updated' | 'handed_over' | 'pending' | 'pending_updated' | 'refused' | 'cancelled' | 'platform_archived' | 'reminder';

interface Texts {
  subjectIt: string;
  subjectEn: string;
  leadIt: string;
  leadEn: string;
  /** Whether the mail carries the .ics, and which method. */
  calendar: 'REQUEST' | 'CANCEL' | null;
}

function textsOf(kind: NoticeKind, platform: PlatformRow, wasAccepted: boolean, handedTo: string): Texts {
  switch (kind) {
    case 'handed_over':
      return {
        subjectIt: 'Prenotazione affidata a un altro organizzatore',
        subjectEn: 'Booking handed over',
        leadIt: `l’organizzazione della tua prenotazione della piattaforma ${platform.name} è passata a ${handedTo}. L’allegato la toglie dal tuo calendario.`,
        leadEn: `your booking of ${platform.name} is now organised by ${handedTo}. The attachment removes it from your calendar.`,
        calendar: 'CANCEL',
      };
    case 'confirmed':
      return {
        subjectIt: 'Prenotazione confermata',
        subjectEn: 'Booking confirmed',
        leadIt: `la tua prenotazione della piattaforma ${platform.name} è confermata. In allegato l’invito da aggiungere al calendario.`,
        leadEn: `your booking of ${platform.name} is confirmed. The attached invitation adds it to your calendar.`,
        calendar: 'REQUEST',
      };
    case 'updated':
      return {
        subjectIt: 'Prenotazione modificata',
        subjectEn: 'Booking changed',
        leadIt: `la tua prenotazione della piattaforma ${platform.name} è stata modificata. L’invito allegato aggiorna il tuo calendario.`,
        leadEn: `your booking of ${platform.name} was changed. The attached invitation updates your calendar.`,
        calendar: 'REQUEST',
      };
    case 'pending':
      return {
        subjectIt: 'Prenotazione in attesa di approvazione',
        subjectEn: 'Booking awaiting approval',
        leadIt: `abbiamo ricevuto la tua prenotazione della piattaforma ${platform.name}. I collegamenti sono riservati; il gestore deve approvarla: riceverai un’altra e-mail con l’invito.`,
        leadEn: `we received your booking of ${platform.name}. The connections are held; the operator must approve it: you will get another e-mail with the invitation.`,
        calendar: null,
      };
    case 'pending_updated':
      return {
        subjectIt: 'Prenotazione modificata, in attesa di approvazione',
        subjectEn: 'Booking changed, awaiting approval',
        leadIt: `la tua prenotazione della piattaforma ${platform.name} è stata modificata ed è ancora in attesa di approvazione del gestore.`,
        leadEn: `your booking of ${platform.name} was changed and is still awaiting the operator's approval.`,
        calendar: null,
      };
    case 'refused':
      return {
        subjectIt: 'Prenotazione non approvata',
        subjectEn: 'Booking refused',
        leadIt: `il gestore della piattaforma ${platform.name} non ha approvato la tua prenotazione. I collegamenti sono di nuovo liberi; per chiarimenti contatta il gestore.`,
        leadEn: `the operator of ${platform.name} did not approve your booking. The connections are free again; contact the operator for details.`,
        calendar: null,
      };
    case 'cancelled':
      return {
        subjectIt: 'Prenotazione annullata',
        subjectEn: 'Booking cancelled',
        leadIt: `la tua prenotazione della piattaforma ${platform.name} è stata annullata.${wasAccepted ? ' L’allegato la toglie dal tuo calendario.' : ''}`,
        leadEn: `your booking of ${platform.name} was cancelled.${wasAccepted ? ' The attachment removes it from your calendar.' : ''}`,
        calendar: wasAccepted ? 'CANCEL' : null,
      };
    case 'platform_archived':
      return {
        subjectIt: 'Prenotazione annullata: piattaforma dismessa',
        subjectEn: 'Booking cancelled: platform retired',
        leadIt: `il gestore ha dismesso la piattaforma ${platform.name}: la tua prenotazione è stata annullata.${wasAccepted ? ' L’allegato la toglie dal tuo calendario.' : ''} Puoi prenotare un’altra piattaforma.`,
        leadEn: `the operator retired ${platform.name}: your booking was cancelled.${wasAccepted ? ' The attachment removes it from your calendar.' : ''} You may book another platform.`,
        calendar: wasAccepted ? 'CANCEL' : null,
      };
    case 'reminder':
      return {
        subjectIt: 'Promemoria: videoconferenza di domani',
        subjectEn: 'Reminder: videoconference tomorrow',
        leadIt: `ti ricordiamo la videoconferenza prenotata per domani sulla piattaforma ${platform.name}.`,
        leadEn: `a reminder of the videoconference booked for tomorrow on ${platform.name}.`,
        calendar: null,
      };
  }
}

/** The lines that describe a booking in a mail, in Italian or in English. */
function detailLines(booking: BookingRow, lang: 'it' | 'en'): string[] {
  const start = Date.parse(booking.start);
  const end = Date.parse(booking.end);
  const kind = KIND_LABELS[booking.kind][lang];
  return lang === 'it'
    ? [`Titolo: ${booking.title}`, `Tipo: ${kind}`, `Quando: ${rangeIt(start, end)}`, `Collegamenti previsti: ${booking.expectedConnections}`]
    : [`Title: ${booking.title}`, `Kind: ${kind}`, `When: ${rangeEn(start, end)}`, `Expected connections: ${booking.expectedConnections}`];
}

/** The mail of one notice (pure): subject, Italian then English text, the .ics when the notice carries one. */
export function bookingNotice(
  kind: NoticeKind,
  platform: PlatformRow,
  booking: BookingRow,
  settings: MailSettings,
  now: number,
  opts: { wasAccepted?: boolean; to?: string; handedTo?: string; video?: BookingVideoRow | null } = {},
): MailMessage {
  const t = textsOf(kind, platform, opts.wasAccepted ?? false, opts.handedTo ?? '');
  const link = meetingLinkFor(platform, booking, opts.video ?? null, now);
  const showLink = kind === 'confirmed' || kind === 'updated' || kind === 'reminder';
  const page = `${settings.publicUrl}/videoconferenze/prenotazioni`;
  const text = [
    `Gentile ${booking.organiserName},`,
    '',
    t.leadIt,
    '',
    ...detailLines(booking, 'it'),
    ...(showLink ? [link ? `Collegamento alla riunione: ${link}` : 'Il collegamento alla riunione sarà comunicato dal gestore della piattaforma.'] : []),
    `Le tue prenotazioni: ${page}`,
    '',
    '---',
    '',
    `Dear ${booking.organiserName},`,
    '',
    t.leadEn,
    '',
    ...detailLines(booking, 'en'),
    ...(showLink ? [link ? `Meeting link: ${link}` : 'The platform operator will send the meeting link.'] : []),
    `Your bookings: ${page}`,
  ].join('\n');
  return {
    to: opts.to ?? booking.organiserEmail,
    subject: `${t.subjectIt}: ${booking.title} / ${t.subjectEn}`,
    text,
    ...(t.calendar ? { icalEvent: bookingInvitation(platform, booking, settings, now, t.calendar, opts.video ?? null) } : {}),
  };
}

/** The operator's mail (pure): a booking of the body `bodyName` waits for approval (new or changed). */
export function approvalRequest(platform: PlatformRow, booking: BookingRow, bodyName: string, settings: MailSettings, changed: boolean, to: string): MailMessage {
  const page = `${settings.publicUrl}/videoconferenze/gestione`;
  const contact = [booking.organiserName, booking.organiserEmail, booking.organiserPhone].filter(Boolean).join(', ');
  const text = [
    'Buongiorno,',
    '',
    changed
      ? `${bodyName} ha modificato una prenotazione della piattaforma ${platform.name} che attende la tua approvazione.`
      : `${bodyName} ha prenotato la piattaforma ${platform.name}: la prenotazione attende la tua approvazione. I collegamenti restano riservati finché non la approvi o la rifiuti.`,
    '',
    ...detailLines(booking, 'it'),
    `Organizzatore: ${contact}`,
    `Approva o rifiuta: ${page}`,
    '',
    '---',
    '',
    'Hello,',
    '',
    changed
      ? `${bodyName} changed a booking of ${platform.name} that awaits your approval.`
      : `${bodyName} booked ${platform.name}: the booking awaits your approval. The connections stay held until you approve or refuse it.`,
    '',
    ...detailLines(booking, 'en'),
    `Organiser: ${contact}`,
    `Approve or refuse: ${page}`,
  ].join('\n');
  return {
    to,
    subject: `${changed ? 'Prenotazione modificata da approvare' : 'Prenotazione da approvare'}: ${booking.title} / ${changed ? 'Changed booking to approve' : 'Booking to approve'}`,
    text,
  };
}

/** The roles of the operator body who receive approval requests: those who may decide (decide-booking.ts). */
export const APPROVER_ROLES = ['provider_staff'] as const;

/**
 * Queues, in the caller's transaction, one approval request to each person of the operator body
 * who may decide (APPROVER_ROLES): each gets a mail of their own.
 */
export async function queueApprovalRequests(tx: Queryable, platform: PlatformRow, booking: BookingRow, settings: MailSettings, changed: boolean): Promise<void> {
  const recipients = await memberEmails(tx, platform.operatorId, APPROVER_ROLES);
  if (!recipients.length) return;
  const bodyName = (await getOrganizationNames(tx, [booking.organizationId])).get(booking.organizationId) ?? 'Un ente';
  for (const to of recipients) await queueMail(tx, approvalRequest(platform, booking, bodyName, settings, changed, to));
}

/**
 * What a booking's notices need of its video system: the booking's room and the platform's
 * settings, which sign its link (migrations/0010_conferencing_video.sql); null (no statement)
 * when the platform drives none and its notices give the platform's link.
 */
export async function noticeVideo(tx: Queryable, platform: PlatformRow, bookingId: string): Promise<BookingVideoRow | null> {
  return platform.videoSystem !== 'none' && platform.videoConfigured ? selectBookingVideo(tx, bookingId) : null;
}

/**
 * Queues the notice in the caller's transaction. With `video` (from `noticeVideo`, read
 * beforehand) the mail's job is the only statement, issued at once: it may be handed to `tx.last()`.
 */
export async function queueBookingNotice(
  tx: Queryable,
  kind: NoticeKind,
  platform: PlatformRow,
  booking: BookingRow,
  settings: MailSettings,
  now: number,
  opts: { wasAccepted?: boolean; to?: string; handedTo?: string; uniqueKey?: string; video?: BookingVideoRow | null } = {},
): Promise<void> {
  const video = opts.video !== undefined ? opts.video : await noticeVideo(tx, platform, booking.id);
  await queueMail(tx, bookingNotice(kind, platform, booking, settings, now, { ...opts, video }), opts.uniqueKey ? { uniqueKey: opts.uniqueKey } : {});
}
