/** Outgoing e-mail. The implementation sends through SMTP (SMTP_URL) or writes to the outbox folder. */
export interface MailAttachment {
  filename: string;
  content: string | Buffer;
  contentType?: string;
}

export interface MailMessage {
  to: string | string[];
  subject: string;
  /** Plain text, Italian first then English. */
  text: string;
  html?: string;
  attachments?: MailAttachment[];
  /** iCalendar invitation (METHOD:REQUEST / CANCEL), sent as text/calendar alternative. */
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string };
}

export interface Mailer {
  /** Delivers now (SMTP) or stores in the outbox; returns the message id. */
  send(message: MailMessage): Promise<string>;
}
