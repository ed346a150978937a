/**
 * The mailer: SMTP when SMTP_URL is set, otherwise the outbox folder (DATA_DIR/outbox), where
 * operators read the messages from the admin pages. Messages are RFC 5322 `.eml` files.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../config.js';
import type { Mailer, MailMessage } from './types.js';

export type { Mailer, MailMessage, MailAttachment } from './types.js';

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
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${crypto.randomBytes(4).toString('hex')}.eml`;
      fs.writeFileSync(path.join(dir, name), info.message as Buffer);
      return info.messageId;
    },
  };
}
