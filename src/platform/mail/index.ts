/**
 * The mailer: SMTP when SMTP_URL is set, otherwise the outbox folder (DATA_DIR/outbox), where
 * operators read the messages from the admin pages. Messages are RFC 5322 `.eml` files.
 * Code that sends mail because of a write uses `queueMail(tx, message)` (./send-job.ts): the
 * message is delivered by the `mail.send` job after the commit, and retried while SMTP refuses.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Mailer, MailMessage } from './types.js';
import { clock } from '../clock.js';

export type { Mailer, MailMessage, MailAttachment } from './types.js';
export { queueMail, mailSendHandler, MAIL_JOB, type MailJobPayload } from './send-job.js';
export { listOutbox, readOutboxMessage, isOutboxId, type OutboxSummary } from './outbox.js';
export { parseEml, header, type ParsedMessage } from './eml.js';

export function outboxDir(config: Pick<Config, 'dataDir'>): string {
  return path.join(config.dataDir, 'outbox');
}

function toNodemailer(config: Config, m: MailMessage): nodemailer.SendMailOptions {
  return {
    from: config.MAIL_FROM,
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html,
    attachments: m.attachments,
    icalEvent: m.icalEvent ? { method: m.icalEvent.method, content: m.icalEvent.content, filename: 'invito.ics' } : undefined,
  };
}

export function createMailer(config: Config): Mailer {
  if (config.SMTP_URL) {
    const transport = nodemailer.createTransport(config.SMTP_URL);
    return {
      async send(m) {
        const info = await transport.sendMail(toNodemailer(config, m));
        return info.messageId;
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      const info = await transport.sendMail(toNodemailer(config, m));
      const dir = outboxDir(config);
      fs.mkdirSync(dir, { recursive: true });
      const name = `${clock.date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`;
      // Written aside and renamed, so the admin pages never read half a message.
      fs.writeFileSync(path.join(dir, `${name}.tmp`), info.message as Buffer);
      fs.renameSync(path.join(dir, `${name}.tmp`), path.join(dir, name));
      return info.messageId;
    },
  };
}
