/**
 * The videoconference pages in a real browser. A municipal secretary reads a platform's calendar
 * (week and month, on a desktop and at 375 px), books through the form, is refused for lack of
 * capacity with the overflow and suggestions, books a suggestion with a double click (once), finds
 * it in her bookings, changes it, downloads its invitation and cancels another one through the
 * confirmation dialog; past bookings are read-only. The association's operator approves and
 * refuses pending bookings and reads the usage report (charts, data tables, CSV). Zero serious or
 * critical axe violations on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser } from '../auth-helpers.js';
import { createBooking } from '../../src/modules/conferencing/bookings/create-booking.js';
import { rome, workingDayAfter } from '../../src/modules/conferencing/conferencing.test-support.js';
import { addDays, romeParts } from '../../src/platform/calendar/rome.js';
import { PHONE, expectAccessible, h1, newPage, signIn, type Server } from './harness.js';
import { setUpConferencing, type Call } from './conferencing-setup.js';

let server: Server;
let browser: Browser;
let secretary: { id: string; email: string; password: string };
let operator: { email: string; password: string };
let aglie: string;
let platformId: string;
let approvalPlatformId: string;
const DAY = workingDayAfter(10);
const PLATFORM = 'Videoconferenze dei Comuni E2E';
const APPROVAL_PLATFORM = 'Sala consiliare virtuale E2E';

const booking = (over: Record<string, unknown>) => ({
  platformId,
  title: 'Riunione',
  kind: 'meeting' as const,
  start: rome(DAY, '10:00'),
  end: rome(DAY, '12:00'),
  expectedConnections: 10,
  organiserName: 'Maria Segretaria',
  organiserEmail: 'segretaria@aglie.example.it',
  ...over,
});

let asSecretary: Call;

beforeAll(async () => {
  const setup = await setUpConferencing({ domain: 'conf.e2e.example', association: 'Associazione dei Comuni E2E', operatorName: 'Paolo Operatore' });
  ({ server, browser, aglie, operator, secretary } = setup);
  const { airasca, apiAs } = setup;
  const neighbour = await createUser(server.db, { email: 'vicino@conf.e2e.example', organizationId: airasca, roles: ['employee'] });

  const asOperator = await apiAs(operator.email, operator.password);
  const p = await asOperator('POST', '/conference-platforms', { name: PLATFORM, capacity: 250, memberIds: [aglie, airasca], maxHorizonDays: 1000 });
  expect(p.status, JSON.stringify(p.json)).toBe(201);
  platformId = p.json.id;
  const q = await asOperator('POST', '/conference-platforms', { name: APPROVAL_PLATFORM, capacity: 100, memberIds: [aglie], maxHorizonDays: 1000, requiresApproval: true });
  expect(q.status, JSON.stringify(q.json)).toBe(201);
  approvalPlatformId = q.json.id;

  // another body already holds 200 of the 250 connections on DAY 10:00-12:00
  const asNeighbour = await apiAs(neighbour.email, neighbour.password);
  const held = await asNeighbour('POST', '/bookings', booking({ platformId, title: 'Consiglio di Airasca', expectedConnections: 200 }));
  expect(held.status, JSON.stringify(held.json)).toBe(201);

  asSecretary = await apiAs(secretary.email, secretary.password);
  // a booking of the secretary that is already over: made 20 days ago for a working day 8 to 12 days ago
  const past = workingDayAfter(-12);
  expect(past < romeParts(Date.now()).date).toBe(true);
  await createBooking(
    server.db,
    { userId: secretary.id, email: secretary.email, displayName: 'Maria Segretaria', organizationId: aglie, roles: ['council_secretary', 'employee'], via: 'session' },
    { ...booking({ title: 'Giunta passata', start: rome(past, '09:00'), end: rome(past, '10:00') }), kind: 'board_session' },
    { now: Date.now() - 20 * 86_400_000 },
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every calendar cell on screen has an accessible text that names its time and its state. */
async function expectNamedCells(page: Page, testId: string, pattern: RegExp): Promise<number> {
  const texts = await page.getByTestId(testId).evaluateAll((cells) => cells.filter((c) => (c as HTMLElement).offsetParent !== null).map((c) => (c.textContent ?? '').trim()));
  expect(texts.length).toBeGreaterThan(0);
  for (const t of texts) expect(t).toMatch(pattern);
  return texts.length;
}

describe('the municipal secretary', () => {
  it('reads the calendar, is refused with suggestions, books one with a double click, finds, changes and downloads it', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    const posts: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/bookings') posts.push(r.headers()['idempotency-key']);
    });
    await signIn(page, secretary.email, secretary.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Videoconferenze' }).click();
    await h1(page, 'Videoconferenze');
    await page.getByRole('heading', { level: 2, name: PLATFORM }).waitFor();
    await expect.poll(() => page.getByText('Fino a 250 collegamenti contemporanei').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'platforms');

    await page.getByRole('link', { name: `Calendario — ${PLATFORM}` }).click();
    await h1(page, `Calendario di ${PLATFORM}`);
    await page.goto(`/videoconferenze/piattaforme/${platformId}?vista=settimana&data=${DAY}`);
    await h1(page, `Calendario di ${PLATFORM}`);
    await page.getByTestId('calendar-cell').first().waitFor();
    // 7 days x 12 hours (08-20), each cell saying its day, hour and state in words
    expect(await expectNamedCells(page, 'calendar-cell', /\d{2}:00–\d{2}:00: (almeno \d+ collegamenti liberi su 250|pieno|piattaforma chiusa|giorno festivo)/)).toBe(84);
    const busy = page.getByTestId('calendar-cell').filter({ hasText: '10:00–11:00: almeno 50 collegamenti liberi su 250 (200 già prenotati)' });
    await expect.poll(() => busy.count()).toBe(1);
    expect(await busy.getAttribute('class')).toContain('conf-partial');
    // the same cell shows a short text to the eye
    expect(await busy.locator('.conf-cell-text').textContent()).toBe('50 liberi');
    await page.screenshot({ path: '/tmp/agilepa-conferencing-week-desktop.png', fullPage: true });
    await expectAccessible(page, 'calendar week');

    await page.getByRole('button', { name: 'Mese', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Mese', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('table.conf-month').waitFor();
    const monthCells = await expectNamedCells(page, 'calendar-cell', /\d{4}: (almeno \d+ collegamenti liberi su 250|pieno|piattaforma chiusa|giorno festivo)/);
    expect([28, 35, 42]).toContain(monthCells);
    await expect.poll(() => page.getByTestId('calendar-cell').filter({ hasText: /almeno 50 collegamenti liberi su 250 \(200 già prenotati\)/ }).count()).toBe(1);
    await expectAccessible(page, 'calendar month');

    // from the month, the day opens its week, where the day's column has its "book" link
    await page.getByTestId('calendar-cell').filter({ hasText: /almeno 50 collegamenti liberi/ }).getByRole('link').click();
    await expect.poll(() => page.getByRole('button', { name: 'Settimana', exact: true }).getAttribute('aria-pressed')).toBe('true');
    await page.locator('table.conf-week thead').getByRole('link', { name: new RegExp(`^Prenota .*${Number(DAY.slice(8))}`) }).click();
    await h1(page, `Prenota ${PLATFORM}`);
    await expect.poll(() => page.getByLabel('Giorno').inputValue()).toBe(DAY);
    await expect.poll(() => page.getByLabel('E-mail', { exact: true }).inputValue()).toBe(secretary.email);

    await page.getByLabel('Titolo della riunione').fill('Consiglio comunale');
    await page.getByLabel('Tipo di riunione').selectOption('council_session');
    await page.getByLabel('Ora di inizio').fill('10:00');
    await page.getByLabel('Ora di fine').fill('12:00');
    await page.getByLabel('Collegamenti previsti').fill('100');
    const live = page.getByTestId('live-capacity');
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain('almeno 50 collegamenti liberi su 250');
    expect(await live.textContent()).toContain('ne mancano 50');
    await expectAccessible(page, 'booking form with live capacity');

    // submitted anyway: refused in plain Italian, with where and by how much, and the nearest free ranges
    await page.getByRole('button', { name: 'Prenota', exact: true }).click();
    const refusal = page.getByTestId('booking-refusal');
    await refusal.waitFor();
    expect(await refusal.getAttribute('role')).toBe('alert');
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('Capacità della piattaforma superata');
    expect(text).toMatch(/10:00–12:00: già prenotati 200, ne chiedi 100, la capacità è 250: 50 di troppo/);
    // the refusal takes the focus, so a screen reader reads it at once
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('booking-refusal');
    const suggestions = refusal.getByRole('button', { name: /^Usa / });
    await expect.poll(() => suggestions.count()).toBeGreaterThan(0);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-refusal-desktop.png', fullPage: true });
    await expectAccessible(page, 'booking refused with suggestions');

    // keyboard: Tab to the first suggestion and press Enter
    const first = ((await suggestions.first().textContent()) ?? '').replace(/^Usa /, '');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.textContent ?? '')) !== `Usa ${first}`) {
      await page.keyboard.press('Tab');
      if (++steps > 10) throw new Error('the suggestion is not reachable with Tab');
    }
    await page.keyboard.press('Enter');
    const filled = page.getByTestId('suggestion-filled');
    await filled.waitFor();
    expect(await filled.textContent()).toContain(first);
    const [start, end] = [await page.getByLabel('Ora di inizio').inputValue(), await page.getByLabel('Ora di fine').inputValue()];
    expect(first).toContain(`${start}–${end}`);
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain('I 100 collegamenti che chiedi ci stanno');

    // a double click books once
    await page.getByRole('button', { name: 'Prenota', exact: true }).dblclick();
    await h1(page, 'Le mie prenotazioni');
    const notice = page.getByRole('status').filter({ hasText: 'Prenotazione confermata' });
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Consiglio comunale');
    const mine = await asSecretary('GET', '/bookings?mine=true&pageSize=100');
    expect(mine.json.items.filter((b: { title: string }) => b.title === 'Consiglio comunale')).toHaveLength(1);
    // the refused request and the booking: each with its own Idempotency-Key, the double click sent nothing more
    expect(posts).toHaveLength(2);
    expect(posts.every((k) => typeof k === 'string' && k.length >= 8)).toBe(true);
    expect(posts[0]).not.toBe(posts[1]);
    const row = page.getByTestId('booking-row').filter({ hasText: 'Consiglio comunale' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Confermata');
    expect(await row.textContent()).toContain(PLATFORM);
    await expectAccessible(page, 'my bookings');

    // the invitation downloads as iCalendar
    const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: 'Scarica l’invito (.ics) — Consiglio comunale' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.ics$/);
    const ics = await download.createReadStream().then(
      (s) =>
        new Promise<string>((resolve) => {
          let out = '';
          s.on('data', (c) => (out += c));
          s.on('end', () => resolve(out));
        }),
    );
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics).toContain('Consiglio comunale');

    // change it: fewer connections
    await row.getByRole('link', { name: 'Modifica — Consiglio comunale' }).click();
    await h1(page, 'Modifica «Consiglio comunale»');
    await expect.poll(() => page.getByLabel('Collegamenti previsti').inputValue()).toBe('100');
    await page.getByLabel('Collegamenti previsti').fill('80');
    // its own 100 connections do not count against it
    await expect.poll(() => live.textContent(), { timeout: 10_000 }).toContain('I 80 collegamenti che chiedi ci stanno');
    await expectAccessible(page, 'change booking');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await h1(page, 'Le mie prenotazioni');
    await page.getByRole('status').filter({ hasText: 'Prenotazione modificata' }).waitFor();
    await expect.poll(() => page.getByTestId('booking-row').filter({ hasText: 'Consiglio comunale' }).locator('td.text-end').textContent()).toBe('80');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancels a booking after confirming in a dialog, and cannot change past ones', async () => {
    const made = await asSecretary('POST', '/bookings', booking({ platformId, title: 'Giunta da annullare', kind: 'board_session', start: rome(DAY, '15:00'), end: rome(DAY, '16:00') }));
    expect(made.status, JSON.stringify(made.json)).toBe(201);
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, secretary.email, secretary.password);
    await page.goto('/videoconferenze/prenotazioni');
    await h1(page, 'Le mie prenotazioni');
    const row = page.getByTestId('booking-row').filter({ hasText: 'Giunta da annullare' });
    await row.waitFor();

    // Escape closes the dialog and nothing happens
    await row.getByRole('button', { name: 'Annulla — Giunta da annullare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Annullare la prenotazione?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Giunta da annullare');
    await expectAccessible(page, 'cancel dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Annulla');
    expect((await asSecretary('GET', `/bookings/${made.json.id}`)).json.status).toBe('accepted');

    await row.getByRole('button', { name: 'Annulla — Giunta da annullare' }).click();
    await dialog.getByRole('button', { name: 'Sì, annulla la prenotazione' }).click();
    await page.getByRole('status').filter({ hasText: 'Prenotazione annullata' }).waitFor();
    await expect.poll(async () => row.textContent()).toContain('Annullata');
    await expect.poll(() => row.getByRole('button', { name: /Annulla/ }).count()).toBe(0);
    expect((await asSecretary('GET', `/bookings/${made.json.id}`)).json.status).toBe('cancelled');

    // past bookings: read-only
    await page.getByRole('button', { name: 'Passate' }).click();
    const past = page.getByTestId('booking-row').filter({ hasText: 'Giunta passata' });
    await past.waitFor();
    expect(await past.textContent()).toContain('sola lettura');
    await expect.poll(() => past.getByRole('link', { name: /Modifica/ }).count()).toBe(0);
    await expect.poll(() => past.getByRole('button').count()).toBe(0);
    await expectAccessible(page, 'past bookings');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows the calendar as lists of days on a 375 px phone, with no sideways scrolling', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, secretary.email, secretary.password);
    await page.goto(`/videoconferenze/piattaforme/${platformId}?vista=settimana&data=${DAY}`);
    await h1(page, `Calendario di ${PLATFORM}`);
    await page.getByTestId('calendar-phone-cell').first().waitFor({ state: 'attached' });
    expect(await page.locator('table.conf-week').isVisible()).toBe(false);
    // open the busy day: its hours show, each named
    const day = page.locator('details').filter({ has: page.locator('summary', { hasText: 'almeno 50 liberi' }) });
    if (!(await day.evaluate((d) => (d as HTMLDetailsElement).open))) await day.locator('summary').click();
    const busy = day.getByTestId('calendar-phone-cell').filter({ hasText: '10:00–11:00: almeno 50 collegamenti liberi su 250' });
    await expect.poll(() => busy.isVisible()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-calendar-phone.png', fullPage: true });
    await expectAccessible(page, 'calendar week (phone)');

    await page.getByRole('button', { name: 'Mese', exact: true }).click();
    await page.locator('ul.conf-day-list >> [data-testid="calendar-phone-cell"]').first().waitFor();
    expect(await expectNamedCells(page, 'calendar-phone-cell', /\d{4}: (almeno \d+ collegamenti liberi su 250|pieno|piattaforma chiusa|giorno festivo)/)).toBeGreaterThanOrEqual(28);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'calendar month (phone)');

    // the booking form fits the phone too
    await page.goto(`/videoconferenze/piattaforme/${platformId}/prenota?data=${DAY}`);
    await h1(page, `Prenota ${PLATFORM}`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'booking form (phone)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches the calendar to English', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, secretary.email, secretary.password);
    await page.goto(`/videoconferenze/piattaforme/${platformId}?vista=settimana&data=${DAY}`);
    await h1(page, `Calendario di ${PLATFORM}`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, `Calendar of ${PLATFORM}`);
    await expect.poll(() => page.getByTestId('calendar-cell').filter({ hasText: '10:00–11:00: at least 50 free connections out of 250 (200 already booked)' }).count()).toBe(1);
    await expectAccessible(page, 'calendar in English');
    await page.getByRole('button', { name: 'Passa all’italiano' }).click();
    await h1(page, `Calendario di ${PLATFORM}`);
    expect(problems).toEqual([]);
    await context.close();
  });
  it('shows Rome times even on a computer set to another time zone', async () => {
    const context = await browser.newContext({ baseURL: server.baseUrl, viewport: { width: 1280, height: 900 }, locale: 'it-IT', timezoneId: 'America/New_York', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, secretary.email, secretary.password);
    await page.goto(`/videoconferenze/piattaforme/${platformId}?vista=settimana&data=${DAY}`);
    await h1(page, `Calendario di ${PLATFORM}`);
    // the same cell as in Rome: 10:00-11:00 Rome time holds the 200 connections booked for 10:00-12:00
    const busy = page.getByTestId('calendar-cell').filter({ hasText: '10:00–11:00: almeno 50 collegamenti liberi su 250 (200 già prenotati)' });
    await expect.poll(() => busy.count()).toBe(1);
    await page.goto('/videoconferenze/prenotazioni');
    const row = page.getByTestId('booking-row').filter({ hasText: 'Consiglio comunale' });
    await row.waitFor();
    const mine = (await asSecretary('GET', '/bookings?mine=true&pageSize=100')).json.items.find((b: { title: string }) => b.title === 'Consiglio comunale');
    const fmt = (iso: string) => new Intl.DateTimeFormat('it-IT', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Rome' }).format(new Date(iso));
    expect(await row.textContent()).toContain(`${fmt(mine.start)}–${fmt(mine.end)}`);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('the association’s operator', () => {
  it('approves and refuses pending bookings, then reads the usage report with charts and its CSV', async () => {
    for (const title of ['Consiglio da approvare', 'Riunione da rifiutare']) {
      const r = await asSecretary('POST', '/bookings', booking({ platformId: approvalPlatformId, title, expectedConnections: 30, start: rome(DAY, title.startsWith('C') ? '09:00' : '14:00'), end: rome(DAY, title.startsWith('C') ? '11:00' : '15:00') }));
      expect(r.status, JSON.stringify(r.json)).toBe(201);
      expect(r.json.status).toBe('pending');
    }
    // an accepted booking of Agliè on the first platform, for the usage report (this test runs on its own too)
    const training = await asSecretary('POST', '/bookings', booking({ title: 'Formazione', kind: 'training', start: rome(DAY, '17:00'), end: rome(DAY, '18:00'), expectedConnections: 20 }));
    expect(training.status, JSON.stringify(training.json)).toBe(201);
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, operator.email, operator.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Videoconferenze' }).click();
    await h1(page, 'Videoconferenze');
    await page.getByRole('navigation', { name: 'Sezioni delle videoconferenze' }).getByRole('link', { name: 'Gestione prenotazioni' }).click();
    await h1(page, 'Gestione prenotazioni');
    await page.getByLabel('Stato').selectOption('pending');
    await page.waitForURL(/stato=pending/);
    const toApprove = page.getByTestId('operator-row').filter({ hasText: 'Consiglio da approvare' });
    await toApprove.waitFor();
    expect(await toApprove.textContent()).toContain('Agliè');
    await expect.poll(() => page.getByTestId('operator-row').count()).toBe(2);
    await expectAccessible(page, 'operator bookings');

    await toApprove.getByRole('button', { name: 'Approva — Consiglio da approvare' }).click();
    await page.getByRole('status').filter({ hasText: 'Prenotazione approvata' }).waitFor();
    await expect.poll(() => page.getByTestId('operator-row').count()).toBe(1);

    const toRefuse = page.getByTestId('operator-row').filter({ hasText: 'Riunione da rifiutare' });
    await toRefuse.getByRole('button', { name: 'Rifiuta — Riunione da rifiutare' }).click();
    const dialog = page.getByRole('dialog', { name: 'Rifiutare la prenotazione?' });
    await dialog.waitFor();
    await expectAccessible(page, 'refuse dialog');
    await dialog.getByRole('button', { name: 'Sì, rifiuta' }).click();
    await page.getByRole('status').filter({ hasText: 'Prenotazione rifiutata' }).waitFor();
    await page.getByLabel('Stato').selectOption('');
    await expect.poll(async () => (await page.getByTestId('operator-row').allTextContents()).join(' | ')).toMatch(/Consiglio da approvare.*Confermata|Confermata.*Consiglio da approvare/);
    expect((await page.getByTestId('operator-row').filter({ hasText: 'Riunione da rifiutare' }).textContent()) ?? '').toContain('Rifiutata');
    expect((await asSecretary('GET', '/bookings?mine=true&status=pending')).json.total).toBe(0);

    // the usage report of the first platform, over the weeks around DAY
    const from = addDays(DAY, -20);
    const to = addDays(DAY, 20);
    await page.goto(`/videoconferenze/piattaforme/${platformId}/utilizzo?dal=${from}&al=${to}`);
    await h1(page, `Utilizzo di ${PLATFORM}`);
    const charts = page.locator('svg[role="img"]');
    await charts.first().waitFor();
    await expect.poll(() => charts.count()).toBe(3);
    const names = await charts.evaluateAll((svgs) => svgs.map((s) => s.querySelector('title')?.textContent));
    expect(names).toEqual(['Ore prenotate per mese', 'Picco di collegamenti contemporanei per mese, rispetto alla capacità', 'Prenotazioni per ente']);
    // the capacity line is drawn and named in the legend
    await expect.poll(() => page.getByText('Capacità: 250').count()).toBeGreaterThan(0);
    // each chart has its data as a table
    await page.getByText('Mostra i dati del grafico in tabella').nth(2).click();
    const bodies = page.getByRole('table', { name: 'Prenotazioni per ente' });
    await bodies.waitFor();
    expect(await bodies.textContent()).toContain('Agliè');
    expect(await bodies.textContent()).toContain('Airasca');
    const csv = page.getByRole('link', { name: 'Scarica i dati in CSV' });
    const href = (await csv.getAttribute('href')) ?? '';
    expect(href).toBe(`/api/v1/conference-platforms/${platformId}/usage.csv?from=${from}&to=${to}`);
    const res = await page.request.get(href);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('text/csv');
    expect(await res.text()).toContain('Airasca');
    await page.screenshot({ path: '/tmp/agilepa-conferencing-usage.png', fullPage: true });
    await expectAccessible(page, 'usage report');

    // on a phone the charts redraw at the phone's width
    await page.setViewportSize(PHONE);
    await expect.poll(() => charts.first().getAttribute('width')).not.toBe('640');
    expect(Number(await charts.first().getAttribute('width'))).toBeLessThanOrEqual(PHONE.width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-usage-phone.png', fullPage: true });
    await expectAccessible(page, 'usage report (phone)');
    await page.goto('/videoconferenze/gestione');
    await h1(page, 'Gestione prenotazioni');
    await page.locator('.results-list li').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'operator bookings (phone)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
