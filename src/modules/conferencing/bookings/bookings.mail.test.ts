/** Invitations (iCalendar REQUEST / CANCEL with SEQUENCE), notices and the reminder of the day before. */
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, testConfig, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { createMailer, listOutbox, mailSendHandler, outboxDir, readOutboxMessage, type MailJobPayload } from '../../../platform/mail/index.js';
import { moduleJobs } from '../../../app/registry.js';
import { createBooking } from './create-booking.js';
import { cancelBooking } from './cancel-booking.js';
import { updateBooking } from './update-booking.js';
import { createPlatform } from '../platforms/create-platform.js';
import { sendReminders, REMINDER_JOB } from './send-reminders.js';
import { mailSettingsOf } from './invitation.js';
import { rome, workingDayAfter } from '../conferencing.test-support.js';

let t: TestApp;
let operator: Record<string, string>;
let member: Record<string, string>;
let otherMember: Record<string, string>;
let memberAuth: AuthContext;
let operatorAuth: AuthContext;
let associationId: string;
let platformId: string;
let approvalId: string;
const day = workingDayAfter(10);
const every = (w: [string, string][]) => Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, w]));

async function as(org: string, roles: ('platform_admin' | 'provider_staff' | 'employee')[]) {
  const orgId = /^[0-9a-f]{8}-/.test(org) ? org : await organizationId(t.db, org);
  const u = await createUser(t.db, { organizationId: orgId, roles, email: `u-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  const auth: AuthContext = { userId: u.id, email: u.email, displayName: u.email, organizationId: orgId, roles, via: 'session' };
  return { headers: (await login(t.app, u.email, u.password)).headers, auth };
}

/** The mails queued since `after` (job id), oldest first. */
async function mails(after = 0): Promise<(MailJobPayload & { jobId: number; uniqueKey: string | null })[]> {
  const r = await t.db.query<{ id: number; payload: MailJobPayload | string; unique_key: string | null }>(
    `select id, payload, unique_key from jobs where type = 'mail.send' and id > $1 order by id`,
    [after],
  );
  return r.rows.map((x) => ({ ...(typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload), jobId: Number(x.id), uniqueKey: x.unique_key }));
}
async function lastJobId(): Promise<number> {
  const r = await t.db.query<{ n: number }>(`select coalesce(max(id), 0)::int as n from jobs`);
  return r.rows[0].n;
}
function unfold(ics: string): string[] {
  return ics.replace(/\r\n /g, '').split('\r\n');
}

const book = (headers: Record<string, string>, over: Record<string, unknown> = {}) =>
  t.app.inject({
    method: 'POST',
    url: '/api/v1/bookings',
    headers,
    payload: {
      platformId,
      title: 'Consiglio comunale di Agliè',
      kind: 'council_session',
      start: rome(day, '10:00'),
      end: rome(day, '12:00'),
      expectedConnections: 10,
      organiserName: 'Maria Rossi',
      organiserEmail: 'maria.rossi@example.it',
      ...over,
    },
  });

beforeAll(async () => {
  t = await createTestApp({ MAIL_FROM: 'Videoconferenze ANCI <prenotazioni@anci.example.it>', PUBLIC_URL: 'https://agilepa.example.it' });
  const admin = await as('001003', ['platform_admin']);
  const assoc = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin.headers, payload: { kind: 'association', name: 'Associazione per gli inviti' } });
  associationId = assoc.json().id;
  const op = await as(associationId, ['provider_staff']);
  operator = op.headers;
  operatorAuth = op.auth;
  const m = await as('001001', ['employee']);
  member = m.headers;
  memberAuth = m.auth;
  otherMember = (await as('001002', ['employee'])).headers;
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: operator,
    payload: { name: 'Videoconferenze ANCI', capacity: 100, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000, link: 'https://meet.anci.example.it/sala' },
  });
  expect(p.statusCode, p.body).toBe(201);
  platformId = p.json().id;
  const a = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers: operator,
    payload: { name: 'Con approvazione', capacity: 50, access: 'everyone', requiresApproval: true, openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000 },
  });
  approvalId = a.json().id;
});
afterAll(async () => t?.close());

describe('invitations', () => {
  it('mails the organiser a REQUEST when booked, Italian first, with the Rome local time and the meeting link', async () => {
    const since = await lastJobId();
    const r = await book(member);
    expect(r.statusCode, r.body).toBe(201);
    const b = r.json();
    expect(b.sequence).toBe(0);
    const sent = await mails(since);
    expect(sent).toHaveLength(1);
    const m = sent[0];
    expect(m.to).toBe('maria.rossi@example.it');
    expect(m.subject).toBe('Prenotazione confermata: Consiglio comunale di Agliè / Booking confirmed');
    expect(m.text.indexOf('Gentile Maria Rossi')).toBe(0);
    expect(m.text.indexOf('Dear Maria Rossi')).toBeGreaterThan(m.text.indexOf('Quando:'));
    expect(m.text).toContain('dalle 10:00 alle 12:00 (ora italiana)');
    expect(m.text).toContain('Collegamento alla riunione: https://meet.anci.example.it/sala');
    expect(m.text).toContain('https://agilepa.example.it/videoconferenze/prenotazioni');
    expect(m.icalEvent?.method).toBe('REQUEST');
    const lines = unfold(m.icalEvent!.content);
    expect(lines).toContain('METHOD:REQUEST');
    expect(lines).toContain(`UID:booking-${b.id}@agilepa`);
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain(`DTSTART;TZID=Europe/Rome:${day.replace(/-/g, '')}T100000`);
    expect(lines).toContain(`DTEND;TZID=Europe/Rome:${day.replace(/-/g, '')}T120000`);
    expect(lines).toContain('URL:https://meet.anci.example.it/sala');
    expect(lines).toContain('ORGANIZER;CN=Videoconferenze ANCI:mailto:prenotazioni@anci.example.it');
    expect(lines).toContain('ATTENDEE;CN=Maria Rossi;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:maria.rossi@example.it');
    expect(lines).toContain('BEGIN:VTIMEZONE');
  });

  it('sends an updated REQUEST with SEQUENCE+1 on every change, nothing on a change that changes nothing or is refused', async () => {
    const b = (await book(member, { start: rome(day, '14:00'), end: rome(day, '15:00') })).json();
    const patch = (payload: Record<string, unknown>, headers = member) => t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${b.id}`, headers, payload });
    let since = await lastJobId();
    const moved = await patch({ start: rome(day, '15:00'), end: rome(day, '16:30') });
    expect([moved.statusCode, moved.json().sequence]).toEqual([200, 1]);
    let sent = await mails(since);
    expect(sent.map((m) => [m.subject.split(':')[0], m.icalEvent?.method])).toEqual([['Prenotazione modificata', 'REQUEST']]);
    let lines = unfold(sent[0].icalEvent!.content);
    expect(lines).toContain('SEQUENCE:1');
    expect(lines).toContain(`UID:booking-${b.id}@agilepa`);
    expect(lines).toContain(`DTSTART;TZID=Europe/Rome:${day.replace(/-/g, '')}T150000`);
    expect(lines).toContain(`DTEND;TZID=Europe/Rome:${day.replace(/-/g, '')}T163000`);

    since = await lastJobId();
    const same = await patch({ title: 'Consiglio comunale di Agliè', expectedConnections: 10 });
    expect([same.statusCode, same.json().sequence]).toEqual([200, 1]);
    const tooMany = await patch({ expectedConnections: 101 });
    expect(tooMany.statusCode).toBe(422);
    expect(await mails(since)).toHaveLength(0);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}`, headers: member })).json().sequence).toBe(1);

    // the operator changes it: the organiser is told too
    const byOperator = await patch({ title: 'Giunta' }, operator);
    expect([byOperator.statusCode, byOperator.json().sequence]).toEqual([200, 2]);
    // a new organiser: the old address gets a CANCEL, the new one the REQUEST
    since = await lastJobId();
    const handed = await patch({ organiserEmail: 'luca.bianchi@example.it', organiserName: 'Luca Bianchi' });
    expect(handed.json().sequence).toBe(3);
    sent = await mails(since);
    expect(sent.map((m) => [m.to, m.icalEvent?.method])).toEqual([
      ['maria.rossi@example.it', 'CANCEL'],
      ['luca.bianchi@example.it', 'REQUEST'],
    ]);
    expect(sent[0].text).toContain('Gentile Maria Rossi');
    expect(sent[0].text).toContain('luca.bianchi@example.it');
    const cancelLines = unfold(sent[0].icalEvent!.content);
    expect(cancelLines).toContain('SEQUENCE:3');
    expect(cancelLines).toContain('ATTENDEE;CN=Maria Rossi;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:maria.rossi@example.it');
    lines = unfold(sent[1].icalEvent!.content);
    expect(lines).toContain('SEQUENCE:3');
    expect(lines).toContain('ATTENDEE;CN=Luca Bianchi;ROLE=CHAIR;PARTSTAT=ACCEPTED;RSVP=FALSE:mailto:luca.bianchi@example.it');

    // cancelled: METHOD:CANCEL, SEQUENCE+1, same UID
    since = await lastJobId();
    const del = await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, headers: member });
    expect([del.statusCode, del.json().status, del.json().sequence]).toEqual([200, 'cancelled', 4]);
    sent = await mails(since);
    expect(sent).toHaveLength(1);
    expect(sent[0].to).toBe('luca.bianchi@example.it');
    expect(sent[0].subject.startsWith('Prenotazione annullata')).toBe(true);
    expect(sent[0].icalEvent?.method).toBe('CANCEL');
    lines = unfold(sent[0].icalEvent!.content);
    expect(lines).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:4', `UID:booking-${b.id}@agilepa`]));
  });

  it('mails "awaiting approval" without an invitation, then the invitation on approval and a note on refusal', async () => {
    let since = await lastJobId();
    const pending = await book(member, { platformId: approvalId, organiserEmail: 'attesa@example.it' });
    expect(pending.json().status).toBe('pending');
    let sent = await mails(since);
    // the organiser's note, then the operator's request (approvalRequests below)
    expect(sent.map((m) => m.to)).toEqual(['attesa@example.it', operatorAuth.email]);
    expect(sent[0].subject).toBe('Prenotazione in attesa di approvazione: Consiglio comunale di Agliè / Booking awaiting approval');
    expect(sent[0].icalEvent).toBeUndefined();
    expect(sent[0].text).not.toContain('Collegamento alla riunione');
    expect(sent[1].subject).toBe('Prenotazione da approvare: Consiglio comunale di Agliè / Booking to approve');

    since = await lastJobId();
    const changed = await t.app.inject({ method: 'PATCH', url: `/api/v1/bookings/${pending.json().id}`, headers: member, payload: { title: 'Seduta spostata' } });
    expect(changed.json().sequence).toBe(1);
    sent = await mails(since);
    expect(sent.map((m) => [m.to, m.subject.split(':')[0], m.icalEvent])).toEqual([
      ['attesa@example.it', 'Prenotazione modificata, in attesa di approvazione', undefined],
      [operatorAuth.email, 'Prenotazione modificata da approvare', undefined],
    ]);

    since = await lastJobId();
    const accepted = await t.app.inject({ method: 'POST', url: `/api/v1/bookings/${pending.json().id}/decision`, headers: operator, payload: { decision: 'accepted' } });
    expect([accepted.json().status, accepted.json().sequence]).toEqual(['accepted', 2]);
    sent = await mails(since);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject.startsWith('Prenotazione confermata: Seduta spostata')).toBe(true);
    expect(sent[0].icalEvent?.method).toBe('REQUEST');
    expect(unfold(sent[0].icalEvent!.content)).toEqual(expect.arrayContaining(['SEQUENCE:2', 'STATUS:CONFIRMED']));
    // no link on this platform: said so, and the platform's name as location
    expect(sent[0].text).toContain('Il collegamento alla riunione sarà comunicato dal gestore');
    expect(unfold(sent[0].icalEvent!.content)).toContain('LOCATION:Con approvazione');

    const other = await book(otherMember, { platformId: approvalId, start: rome(day, '13:00'), end: rome(day, '14:00'), organiserEmail: 'rifiutata@example.it' });
    since = await lastJobId();
    const refused = await t.app.inject({ method: 'POST', url: `/api/v1/bookings/${other.json().id}/decision`, headers: operator, payload: { decision: 'refused' } });
    expect(refused.json().status).toBe('refused');
    sent = await mails(since);
    expect(sent.map((m) => [m.to, m.subject.split(':')[0], m.icalEvent])).toEqual([['rifiutata@example.it', 'Prenotazione non approvata', undefined]]);

    // a pending booking cancelled: a note, no CANCEL (it was never in the calendar)
    const third = await book(otherMember, { platformId: approvalId, start: rome(day, '16:00'), end: rome(day, '17:00'), organiserEmail: 'ritirata@example.it' });
    since = await lastJobId();
    await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${third.json().id}`, headers: otherMember });
    sent = await mails(since);
    expect(sent.map((m) => [m.to, m.subject.split(':')[0], m.icalEvent])).toEqual([['ritirata@example.it', 'Prenotazione annullata', undefined]]);
  });

  it('asks each approver of the operator body (its provider staff; not body admins or employees, who cannot decide, nor disabled people) to approve, in a mail of their own', async () => {
    const admin = await createUser(t.db, { organizationId: associationId, roles: ['body_admin'], email: `admin-${randomUUID().slice(0, 8)}@test.agilepa.example` });
    const employee = await createUser(t.db, { organizationId: associationId, roles: ['employee'], email: `emp-${randomUUID().slice(0, 8)}@test.agilepa.example` });
    const gone = await createUser(t.db, { organizationId: associationId, roles: ['provider_staff'], email: `gone-${randomUUID().slice(0, 8)}@test.agilepa.example` });
    await t.db.ownerTx((tx) => tx.query(`update users set disabled = true where id = $1`, [gone.id]));
    const since = await lastJobId();
    const r = await book(member, { platformId: approvalId, start: rome(day, '18:00'), end: rome(day, '19:00'), organiserPhone: '+39 011 1234567' });
    expect(r.json().status).toBe('pending');
    const requests = (await mails(since)).filter((m) => m.subject.startsWith('Prenotazione da approvare'));
    const staff = await createUser(t.db, { organizationId: associationId, roles: ['provider_staff'], email: 'zz-staff@test.agilepa.example' });
    expect(requests.map((m) => m.to).sort()).toEqual([operatorAuth.email].sort());
    expect(requests.map((m) => m.to)).not.toContain(employee.email);
    expect(requests.map((m) => m.to)).not.toContain(admin.email);
    // one mail per approver: a second staff member gets their own
    const since3 = await lastJobId();
    await book(member, { platformId: approvalId, start: rome(day, '19:00'), end: rome(day, '20:00') });
    expect((await mails(since3)).filter((m) => m.subject.startsWith('Prenotazione da approvare')).map((m) => m.to).sort()).toEqual([operatorAuth.email, staff.email].sort());
    const text = requests[0].text;
    expect(text.indexOf('Buongiorno')).toBeLessThan(text.indexOf('Hello'));
    expect(text).toContain('Agliè ha prenotato la piattaforma Con approvazione');
    expect(text).toContain('Organizzatore: Maria Rossi, maria.rossi@example.it, +39 011 1234567');
    expect(text).toContain('Approva o rifiuta: https://agilepa.example.it/videoconferenze/gestione');
    // an accepted booking asks no one
    const since2 = await lastJobId();
    expect((await book(member, { start: rome(day, '18:00'), end: rome(day, '19:00') })).json().status).toBe('accepted');
    expect((await mails(since2)).map((m) => m.to)).toEqual(['maria.rossi@example.it']);
  });

  it('queues no mail when the booking is refused for capacity or rules (no partial write)', async () => {
    const since = await lastJobId();
    const full = await book(member, { start: rome(day, '20:00'), end: rome(day, '21:00'), expectedConnections: 100 });
    expect(full.statusCode).toBe(201);
    const over = await book(otherMember, { start: rome(day, '20:30'), end: rome(day, '21:30'), expectedConnections: 1 });
    expect(over.json().code).toBe('booking.capacity_exceeded');
    const bad = await book(otherMember, { start: rome(day, '20:30'), end: rome(day, '20:00') });
    expect(bad.json().code).toBe('booking.invalid_range');
    expect((await mails(since)).map((m) => m.to)).toEqual(['maria.rossi@example.it']);
  });

  it('delivers the invitation as a text/calendar part with its method (through the real mailer)', async () => {
    const since = await lastJobId();
    await book(member, { start: rome(day, '08:00'), end: rome(day, '09:00'), title: 'Formazione sul lavoro agile: perché e come' });
    const [payload] = await mails(since);
    const config = testConfig();
    try {
      await mailSendHandler(createMailer(config))(payload);
      const [item] = listOutbox(outboxDir(config), 1, 10).items;
      const msg = readOutboxMessage(outboxDir(config), item.id)!;
      expect(msg.text).toContain('Formazione sul lavoro agile');
      const cal = msg.attachments.find((a) => a.contentType === 'text/calendar');
      expect(cal, 'a text/calendar part').toBeDefined();
      const ics = cal!.content.toString('utf8');
      expect(ics).toContain('METHOD:REQUEST');
      expect(unfold(ics)).toContain('SUMMARY:Formazione sul lavoro agile: perché e come');
      const raw = fs.readFileSync(`${outboxDir(config)}/${item.id}`, 'utf8');
      expect(raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    } finally {
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    }
  });
});

describe('GET /bookings/{id}/invitation.ics', () => {
  it('serves the invitation to whoever sees the booking, CANCEL once cancelled', async () => {
    const b = (await book(member, { start: rome(day, '17:00'), end: rome(day, '18:00') })).json();
    const get = (headers: Record<string, string>, id = b.id) => t.app.inject({ method: 'GET', url: `/api/v1/bookings/${id}/invitation.ics`, headers });
    const r = await get(member);
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="prenotazione-${b.id}.ics"`);
    expect(r.body.endsWith('\r\n')).toBe(true);
    expect(unfold(r.body)).toEqual(expect.arrayContaining(['METHOD:REQUEST', 'STATUS:CONFIRMED', 'SEQUENCE:0', `UID:booking-${b.id}@agilepa`]));
    expect((await get(operator)).statusCode).toBe(200);
    const hidden = await get(otherMember);
    expect([hidden.statusCode, hidden.json().code]).toEqual([404, 'booking.not_found']);
    expect(hidden.headers['content-type']).toContain('application/problem+json');
    const missing = await get(member, randomUUID());
    expect(missing.json().code).toBe('booking.not_found');
    const bad = await get(member, 'not-a-uuid');
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'request.invalid']);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/bookings/${b.id}/invitation.ics` })).statusCode).toBe(401);
    await t.app.inject({ method: 'DELETE', url: `/api/v1/bookings/${b.id}`, headers: member });
    const cancelled = await get(member);
    expect(cancelled.headers['content-type']).toBe('text/calendar; charset=utf-8; method=CANCEL');
    expect(unfold(cancelled.body)).toEqual(expect.arrayContaining(['METHOD:CANCEL', 'STATUS:CANCELLED', 'SEQUENCE:1']));
    const pending = await book(member, { platformId: approvalId, start: rome(day, '18:00'), end: rome(day, '19:00') });
    const tentative = await get(member, pending.json().id);
    expect(unfold(tentative.body)).toEqual(expect.arrayContaining(['METHOD:REQUEST', 'STATUS:TENTATIVE']));
  });
});

describe('reminders of the day before', () => {
  it('mails once the organisers of tomorrow’s accepted bookings (Rome day, on a daylight-saving day)', async () => {
    // "now" is Saturday 27 March 2027 at 09:00; tomorrow, the 28th, lasts 23 hours: [27th 23:00Z, 28th 22:00Z)
    const now = Date.parse('2027-03-27T09:00:00+01:00');
    const p = await createPlatform(t.db, operatorAuth, { name: 'Promemoria', capacity: 500, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000 });
    const mk = (title: string, start: string, end: string, platform = p.id) =>
      createBooking(t.db, memberAuth, { platformId: platform, title, kind: 'meeting', start, end, expectedConnections: 5, organiserName: 'Maria Rossi', organiserEmail: `${title.toLowerCase().replace(/\W+/g, '.')}@example.it` }, { now });
    const early = await mk('Presto', '2027-03-28T00:00:00+01:00', '2027-03-28T01:00:00+01:00'); // first minute of tomorrow
    const late = await mk('Tardi', '2027-03-28T23:30:00+02:00', '2027-03-28T23:45:00+02:00'); // 21:30Z: still tomorrow in Rome
    await mk('Dopodomani', '2027-03-29T00:30:00+02:00', '2027-03-29T01:00:00+02:00'); // 22:30Z on the 28th: not tomorrow in Rome
    // today's (booked two days ago): not tomorrow
    await createBooking(t.db, memberAuth, { platformId: p.id, title: 'Oggi', kind: 'meeting', start: '2027-03-27T20:00:00+01:00', end: '2027-03-27T21:00:00+01:00', expectedConnections: 5, organiserName: 'M', organiserEmail: 'oggi@example.it' }, { now: now - 2 * 86_400_000 });
    const cancelled = await mk('Annullata', '2027-03-28T10:00:00+02:00', '2027-03-28T11:00:00+02:00');
    await cancelBooking(t.db, memberAuth, cancelled.id, { now });
    const moved = await mk('Spostata', '2027-03-28T12:00:00+02:00', '2027-03-28T13:00:00+02:00');
    await updateBooking(t.db, memberAuth, moved.id, { start: '2027-03-30T12:00:00+02:00', end: '2027-03-30T13:00:00+02:00' }, { now });
    const pending = await mk('In attesa', '2027-03-28T15:00:00+02:00', '2027-03-28T16:00:00+02:00', approvalId);
    expect(pending.status).toBe('pending');

    const since = await lastJobId();
    const first = await sendReminders(t.db, { now, mail: mailSettingsOf(t.config) });
    expect(first).toEqual({ reminded: 2, day: '2027-03-28' });
    const sent = await mails(since);
    expect(sent.map((m) => m.to).sort()).toEqual(['presto@example.it', 'tardi@example.it']);
    for (const m of sent) {
      expect(m.subject.startsWith('Promemoria: videoconferenza di domani')).toBe(true);
      expect(m.uniqueKey).toMatch(new RegExp(`^${REMINDER_JOB}:`));
    }
    expect(sent.find((m) => m.to === 'tardi@example.it')!.text).toContain('domenica 28 marzo 2027, dalle 23:30 alle 23:45 (ora italiana)');
    const marked = await t.db.query<{ id: string }>(`select id from bookings where reminded_at is not null order by id`);
    expect(marked.rows.map((r) => r.id).sort()).toEqual([early.id, late.id].sort());

    // a second run (or the worker running the job again) sends nothing
    const again = await sendReminders(t.db, { now: now + 3600_000, mail: mailSettingsOf(t.config) });
    expect(again.reminded).toBe(0);
    expect(await mails(since)).toHaveLength(2);
    // a booking reminded and then changed is not reminded twice
    await updateBooking(t.db, memberAuth, late.id, { title: 'Tardi, cambiata' }, { now });
    expect((await sendReminders(t.db, { now, mail: mailSettingsOf(t.config) })).reminded).toBe(0);
  });

  it('is registered as a daily job of the module, and its handler runs', async () => {
    const jobs = moduleJobs({ config: t.config, db: t.db, mailer: createMailer(t.config) });
    expect(jobs.schedules).toContainEqual({ name: REMINDER_JOB, spec: 'daily 09:00', type: REMINDER_JOB });
    expect(typeof jobs.handlers[REMINDER_JOB]).toBe('function');
    await jobs.handlers[REMINDER_JOB]({}, { jobId: 1, type: REMINDER_JOB, attempt: 1, maxAttempts: 5, db: t.db, signal: new AbortController().signal });
  });

  it('reminds exactly once when several runs overlap (concurrent on PostgreSQL, serialised on PGlite)', async () => {
    const now = Date.parse('2027-05-03T09:00:00+02:00');
    const p = await createPlatform(t.db, operatorAuth, { name: 'Concorrenza', capacity: 5000, access: 'everyone', openingHours: every([['00:00', '24:00']]), openOnHolidays: true, maxHorizonDays: 1000 });
    for (let i = 0; i < 40; i++) {
      await createBooking(t.db, memberAuth, { platformId: p.id, title: `R${i}`, kind: 'meeting', start: `2027-05-04T${String(8 + (i % 10)).padStart(2, '0')}:00:00+02:00`, end: `2027-05-04T${String(9 + (i % 10)).padStart(2, '0')}:00:00+02:00`, expectedConnections: 1, organiserName: 'X', organiserEmail: `r${i}@example.it` }, { now });
    }
    const since = await lastJobId();
    const runs = await Promise.all(Array.from({ length: 4 }, () => sendReminders(t.db, { now })));
    expect(runs.reduce((n, r) => n + r.reminded, 0)).toBe(40);
    const sent = await mails(since);
    expect(sent).toHaveLength(40);
    expect(new Set(sent.map((m) => m.to)).size).toBe(40);
  });
});
