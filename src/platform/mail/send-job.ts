/**
 * Mail through the job queue: `queueMail(tx, message)` in the same transaction as the write that
 * causes it, so the message leaves only after that write committed; the `mail.send` job delivers
 * it with the mailer and is retried (with backoff) while the SMTP server refuses it.
 */
import type { Queryable } from '../db/index.js';
import { enqueue, type EnqueueOptions } from '../jobs/enqueue.js';
import type { Mailer, MailMessage } from './types.js';

export const MAIL_JOB = 'mail.send';
/** SMTP may be down for a while: 8 attempts with the default backoff span about 1 h 30 min. */
export const MAIL_MAX_ATTEMPTS = 8;

interface StoredAttachment {
  filename: string;
  contentType?: string;
  /** Buffers are stored as base64 in the job's JSON payload. */
  base64?: string;
  text?: string;
}

export interface MailJobPayload {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
  attachments?: StoredAttachment[];
  icalEvent?: MailMessage['icalEvent'];
}

export function toPayload(m: MailMessage): MailJobPayload {
  return {
    to: m.to,
    subject: m.subject,
    text: m.text,
    ...(m.html !== undefined ? { html: m.html } : {}),
    ...(m.attachments?.length
      ? {
          attachments: m.attachments.map((a) => ({
            filename: a.filename,
            ...(a.contentType ? { contentType: a.contentType } : {}),
            ...(Buffer.isBuffer(a.content) ? { base64: a.content.toString('base64') } : { text: a.content }),
          })),
        }
      : {}),
    ...(m.icalEvent ? { icalEvent: m.icalEvent } : {}),
  };
}

export function fromPayload(p: MailJobPayload): MailMessage {
  if (!p || typeof p.subject !== 'string' || typeof p.text !== 'string' || !p.to || (Array.isArray(p.to) && p.to.length === 0)) {
    throw new Error('Messaggio non valido nel lavoro mail.send');
  }
  return {
    to: p.to,
    subject: p.subject,
    text: p.text,
    ...(p.html !== undefined ? { html: p.html } : {}),
    ...(p.attachments?.length
      ? {
          attachments: p.attachments.map((a) => ({
            filename: a.filename,
            ...(a.contentType ? { contentType: a.contentType } : {}),
            content: a.base64 !== undefined ? Buffer.from(a.base64, 'base64') : (a.text ?? ''),
          })),
        }
      : {}),
    ...(p.icalEvent ? { icalEvent: p.icalEvent } : {}),
  };
}

/** Queues a message in the caller's transaction; returns the job id (null if `uniqueKey` was taken). */
export async function queueMail(tx: Queryable, message: MailMessage, opts: Pick<EnqueueOptions, 'runAt' | 'uniqueKey'> = {}): Promise<number | null> {
  fromPayload(toPayload(message)); // refuse an invalid message now, not in the worker
  return enqueue(tx, MAIL_JOB, toPayload(message), { ...opts, maxAttempts: MAIL_MAX_ATTEMPTS });
}

/** The `mail.send` handler: a thrown SMTP error makes the job retry. */
export function mailSendHandler(mailer: Mailer) {
  return async (payload: MailJobPayload): Promise<void> => {
    await mailer.send(fromPayload(payload));
  };
}
