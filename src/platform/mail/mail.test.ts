import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, testConfig } from '../../../test/helpers.js';
import type { Db } from '../db/index.js';
import { createWorker, type Worker } from '../jobs/index.js';
import { createMailer, header, isOutboxId, listOutbox, outboxDir, parseEml, queueMail, readOutboxMessage } from './index.js';
import { MAIL_JOB, mailSendHandler } from './send-job.js';

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const ORG = '22222222-2222-4222-8222-222222222222';

interface Received {
  from: string;
  rcptTo: string[];
  raw: Buffer;
}

/** A real SMTP server on 127.0.0.1 and a random port; `reject` answers the next N messages with 451. */
async function startSmtp() {
  const received: Received[] = [];
  const state = { reject: 0, rejected: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (state.reject > 0) {
          state.reject--;
          state.rejected++;
          const err = Object.assign(new Error('Servizio temporaneamente non disponibile, riprova'), { responseCode: 451 });
          return callback(err);
        }
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          rcptTo: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { server, port, received, state, close: () => new Promise<void>((r) => server.close(() => r())) };
}

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('condition not met in time');
}

const ICS = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Agile PA//IT', 'METHOD:REQUEST', 'BEGIN:VEVENT', 'UID:seduta-1@agilepa', 'DTSTART;TZID=Europe/Rome:20261203T180000', 'SUMMARY:Consiglio comunale', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

let db: Db;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
const workers: Worker[] = [];

beforeAll(async () => {
  db = await createTestDb();
  smtp = await startSmtp();
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await smtp?.close();
  await db?.close();
});

function startMailWorker(config: ReturnType<typeof testConfig>): Promise<Worker> {
  const w = createWorker({ db, handlers: { [MAIL_JOB]: mailSendHandler(createMailer(config)) }, pollMs: 20, logger: silent, backoff: { baseMs: 100 } });
  workers.push(w);
  return w.start().then(() => w);
}

async function job(id: number) {
  const r = await db.ownerTx((tx) => tx.query<{ status: string; attempts: number; last_error: string | null }>('select status, attempts, last_error from jobs where id = $1', [id]));
  return r.rows[0];
}

describe('mail through SMTP (a real smtp-server)', () => {
  it('delivers a queued message after the commit: recipients, subject, Italian text, iCalendar, attachment', async () => {
    const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}`, MAIL_FROM: 'Agile PA <noreply@agilepa.test>' });
    const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x00, 0xff, 0xfe]);
    const id = await db.tx({ organizationId: ORG }, (tx) =>
      queueMail(tx, {
        to: ['sindaco@comune.aglie.it', 'segretario@comune.example.it'],
        subject: 'Convocazione del Consiglio comunale: è confermata la seduta',
        text: 'Gentile consigliere,\nla seduta si terrà giovedì 3 dicembre alle 18:00 in modalità mista. Perché: approvazione del bilancio.\n\nDear councillor, …',
        icalEvent: { method: 'REQUEST', content: ICS },
        attachments: [{ filename: 'ordine-del-giorno.pdf', content: pdf, contentType: 'application/pdf' }],
      }),
    );
    // Rolled back: never sent.
    await expect(
      db.tx({ organizationId: ORG }, async (tx) => {
        await queueMail(tx, { to: 'nessuno@example.it', subject: 'Non deve partire', text: 'annullato' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(smtp.received).toHaveLength(0); // nothing leaves before a worker runs
    await startMailWorker(config);
    await waitFor(async () => (await job(id!)).status === 'done');
    await new Promise((r) => setTimeout(r, 150));
    expect(smtp.received).toHaveLength(1);
    const got = smtp.received[0];
    expect(got.from).toBe('noreply@agilepa.test');
    expect(got.rcptTo).toEqual(['sindaco@comune.aglie.it', 'segretario@comune.example.it']);
    const m = parseEml(got.raw);
    expect(header(m, 'subject')).toBe('Convocazione del Consiglio comunale: è confermata la seduta');
    expect(header(m, 'to')).toContain('segretario@comune.example.it');
    expect(m.text).toContain('si terrà giovedì 3 dicembre alle 18:00');
    expect(m.text).toContain('Perché');
    const cal = m.attachments.find((a) => a.contentType === 'text/calendar');
    expect(cal, 'iCalendar part').toBeDefined();
    expect(cal!.content.toString('utf8')).toContain('UID:seduta-1@agilepa');
    expect(cal!.content.toString('utf8')).toContain('METHOD:REQUEST');
    const att = m.attachments.find((a) => a.filename === 'ordine-del-giorno.pdf');
    expect(att?.contentType).toBe('application/pdf');
    expect(att?.content.equals(pdf)).toBe(true);
    for (const w of workers.splice(0)) await w.stop();
  });

  it('retries when the server answers 451, then delivers', async () => {
    const config = testConfig({ SMTP_URL: `smtp://127.0.0.1:${smtp.port}` });
    smtp.received.length = 0;
    smtp.state.reject = 2;
    smtp.state.rejected = 0;
    const id = await db.tx({ organizationId: ORG }, (tx) => queueMail(tx, { to: 'ufficio.personale@comune.example.it', subject: 'Accordo individuale approvato', text: 'Il tuo accordo di lavoro agile è stato approvato.' }));
    await startMailWorker(config);
    await waitFor(async () => (await job(id!)).status === 'done');
    for (const w of workers.splice(0)) await w.stop();
    expect(smtp.state.rejected).toBe(2);
    expect(smtp.received).toHaveLength(1);
    const row = await job(id!);
    expect(row.attempts).toBe(3);
    expect(row.last_error).toMatch(/451/);
    expect(parseEml(smtp.received[0].raw).text).toContain('è stato approvato');
  });

  it('refuses an invalid message when it is queued', async () => {
    await expect(db.ownerTx((tx) => queueMail(tx, { to: [], subject: 'x', text: 'y' }))).rejects.toThrow(/non valido/);
  });
});

describe('mail to the outbox folder (no SMTP_URL)', () => {
  it('writes the .eml to DATA_DIR/outbox, lists it newest first and reads it back', async () => {
    const config = testConfig();
    try {
      const id = await db.tx({ organizationId: ORG }, async (tx) => {
        await queueMail(tx, { to: 'primo@example.it', subject: 'Primo messaggio', text: 'uno' });
        return queueMail(tx, { to: 'dipendente@comune.example.it', subject: 'Reimpostazione della password', text: 'Per scegliere una nuova password apri il collegamento: è valido 30 minuti.' });
      });
      await startMailWorker(config);
      await waitFor(async () => (await job(id!)).status === 'done');
      for (const w of workers.splice(0)) await w.stop();
      const files = fs.readdirSync(outboxDir(config));
      expect(files.filter((f) => f.endsWith('.eml'))).toHaveLength(2);
      expect(files.filter((f) => !f.endsWith('.eml'))).toEqual([]); // no half-written files left
      const list = listOutbox(outboxDir(config), 1, 20);
      expect(list.total).toBe(2);
      expect(list.items.map((i) => i.subject).sort()).toEqual(['Primo messaggio', 'Reimpostazione della password']);
      expect(list.items[0].id >= list.items[1].id).toBe(true);
      const reset = list.items.find((i) => i.subject.startsWith('Reimpostazione'))!;
      expect(reset.to).toBe('dipendente@comune.example.it');
      expect(reset.date).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      expect(listOutbox(outboxDir(config), 2, 1).items).toHaveLength(1);
      expect(listOutbox(outboxDir(config), 3, 1).items).toHaveLength(0);
      const msg = readOutboxMessage(outboxDir(config), reset.id)!;
      expect(msg.text).toContain('è valido 30 minuti');
      expect(header(msg, 'subject')).toBe('Reimpostazione della password');
      expect(readOutboxMessage(outboxDir(config), 'missing-1.eml')).toBeNull();
      for (const bad of ['../secret.eml', '..', 'a/b.eml', '.hidden.eml', 'x.txt', 'x..eml', '%2e%2e.eml']) {
        expect(isOutboxId(bad), bad).toBe(false);
        expect(() => readOutboxMessage(outboxDir(config), bad)).toThrow();
      }
      expect(listOutbox('/nonexistent-dir-for-test', 1, 20)).toEqual({ items: [], total: 0 });
    } finally {
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});

describe('reading messages', () => {
  it('decodes encoded words, quoted-printable and base64 parts', () => {
    const raw = Buffer.from(
      [
        'Subject: =?UTF-8?Q?Citt=C3=A0_metropolitana?= =?UTF-8?B?IGRpIFRvcmlubw==?=',
        'To: "Ufficio" <urp@example.it>',
        'Content-Type: multipart/mixed; boundary="b1"',
        '',
        'preamble',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Riunione luned=C3=AC alle 10=',
        ':00.',
        '--b1',
        'Content-Type: application/octet-stream',
        "Content-Disposition: attachment; filename*=utf-8''verbale%20n.%C2%B01.txt",
        'Content-Transfer-Encoding: base64',
        '',
        Buffer.from('ciao').toString('base64'),
        '--b1--',
        '',
      ].join('\r\n'),
    );
    const m = parseEml(raw);
    expect(header(m, 'subject')).toBe('Città metropolitana di Torino');
    expect(m.text).toBe('Riunione lunedì alle 10:00.');
    expect(m.attachments).toHaveLength(1);
    expect(m.attachments[0].filename).toBe('verbale n.°1.txt');
    expect(m.attachments[0].content.toString()).toBe('ciao');
  });
});
