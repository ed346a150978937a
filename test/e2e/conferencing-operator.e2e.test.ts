/**
 * The operator's platform pages in a real browser. The operator of an association of
 * municipalities (Anci Piemonte's case) registers a platform of 250 connections for two member
 * municipalities found in the directory, with opening hours edited from the keyboard and a Jitsi
 * secret that is never shown again; lowers the capacity under the bookings already made and is
 * refused next to the field with where; gives the platform to a whole region; archives it after
 * a dialog that says the organisers get a cancellation. A municipal secretary gets the
 * videoconference card on her home page and none of the operator's actions. Zero serious or
 * critical axe violations on every page and dialog; every page at 375 px with no sideways scroll.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { rome, workingDayAfter } from '../../src/modules/conferencing/conferencing.test-support.js';
import { PHONE, expectAccessible, h1, newPage, signIn, type Server } from './harness.js';
import { setUpConferencing, type Call } from './conferencing-setup.js';

let server: Server;
let browser: Browser;
let operator: { email: string; password: string };
let admin: { email: string; password: string };
let secretary: { email: string; password: string };
let aglie: string;
let airasca: string;
let associationId: string;
let platformId: string;
const PLATFORM = 'Videoconferenze dei Comuni piemontesi E2E';
const SECRET = 'prosody-app-secret-e2e-0123456789';
// a working day that is not a Monday would do as well: Monday's hours are edited below, and 10-12 fits both
const DAY = workingDayAfter(10);

let asOperator: Call;
let asSecretary: Call;

beforeAll(async () => {
  const setup = await setUpConferencing({ domain: 'confop.e2e.example', association: 'Anci Piemonte E2E', operatorName: 'Paola Operatrice' });
  ({ server, browser, aglie, airasca, admin, associationId, operator, secretary } = setup);
  asOperator = await setup.apiAs(operator.email, operator.password);
  asSecretary = await setup.apiAs(secretary.email, secretary.password);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const focusedLabel = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const label = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    return (label ?? el.textContent ?? '').trim();
  });

/**
 * Ticks a radio button or a checkbox as a person does, on its label (bootstrap-italia draws the
 * control on the label), and checks that it took.
 */
async function tick(page: Page, role: 'radio' | 'checkbox', name: string | RegExp): Promise<void> {
  const control = page.getByRole(role, { name });
  if (await control.isChecked()) return;
  const id = await control.getAttribute('id');
  await page.locator(`label[for="${id}"]`).click();
  await expect.poll(() => control.isChecked()).toBe(true);
}

const noSidewaysScroll = async (page: Page) => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);

describe('the association’s operator', () => {
  it('registers a platform with member bodies, opening hours and a Jitsi secret that is never shown again', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    const posts: (string | undefined)[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/v1/conference-platforms') posts.push(r.headers()['idempotency-key']);
    });
    await signIn(page, operator.email, operator.password);
    // no platform yet: the card to register one
    const card = page.getByTestId('home-cards').getByRole('heading', { level: 2, name: 'Le tue piattaforme' });
    await card.waitFor();
    expect(await page.getByTestId('home-cards').textContent()).toContain('Registra una piattaforma');
    await expectAccessible(page, 'home (operator)');
    await page.getByRole('link', { name: /^Apri\s?: Le tue piattaforme$/ }).click();
    await h1(page, 'Le tue piattaforme');
    await page.getByText('Non gestisci ancora nessuna piattaforma').waitFor();
    await expectAccessible(page, 'your platforms (empty)');
    await page.getByRole('link', { name: 'Nuova piattaforma' }).click();
    await h1(page, 'Nuova piattaforma');
    await expectAccessible(page, 'new platform');

    // sent empty: the client's own messages, the focus on the first field
    await page.getByRole('button', { name: 'Registra la piattaforma' }).click();
    await page.getByText('Scrivi il nome della piattaforma.').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Nome della piattaforma');
    expect(await page.getByLabel('Nome della piattaforma').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.getByText('Scrivi un numero intero di collegamenti, da 1 a 100.000.').count()).toBe(1);
    await expectAccessible(page, 'new platform with errors');

    await page.getByLabel('Nome della piattaforma').fill(PLATFORM);
    await page.getByLabel('Collegamenti contemporanei').fill('250');

    // member bodies from the directory: checkboxes in the results, the chosen ones listed with "Togli"
    const search = page.getByLabel('Cerca un ente');
    await search.fill('Agliè');
    await tick(page, 'checkbox', /^Agliè/);
    await search.fill('Airasca');
    await tick(page, 'checkbox', /^Airasca/);
    const chosen = page.getByTestId('members-chosen');
    await expect.poll(() => chosen.locator('li').count()).toBe(2);
    await expect.poll(() => page.getByRole('heading', { name: 'Enti aderenti scelti: 2' }).count()).toBe(1);
    expect(await chosen.textContent()).toContain('Agliè');
    await expectAccessible(page, 'new platform: member search');

    // the notice in words
    expect(await page.getByTestId('notice-meaning').textContent()).toContain('Con 1 non si prenota per oggi');
    await page.getByLabel('Preavviso minimo (giorni)').fill('0');
    await expect.poll(() => page.getByTestId('notice-meaning').textContent()).toContain('anche per lo stesso giorno');
    await page.getByLabel('Preavviso minimo (giorni)').fill('1');

    // opening hours from the keyboard: Monday 08:00-13:00 and 14:00-18:00
    const monday = page.getByTestId('hours-day-1');
    await monday.getByLabel('Alle — Lunedì, fascia 1', { exact: true }).fill('13:00');
    await monday.getByRole('button', { name: 'Aggiungi una fascia — Lunedì' }).focus();
    await page.keyboard.press('Enter');
    // the focus is on the new window's start
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('time');
    expect(await focusedLabel(page)).toBe('Dalle — Lunedì, fascia 2');
    await monday.getByLabel('Dalle — Lunedì, fascia 2', { exact: true }).fill('12:00');
    await monday.getByLabel('Alle — Lunedì, fascia 2', { exact: true }).fill('18:00');
    // a Saturday window, added and taken away again: the focus returns to the day's "add" button
    const saturday = page.getByTestId('hours-day-6');
    expect(await saturday.textContent()).toContain('Chiusa');
    await saturday.getByRole('button', { name: 'Aggiungi una fascia — Sabato' }).click();
    await saturday.getByRole('button', { name: 'Togli — Sabato, fascia 1' }).click();
    await expect.poll(() => focusedLabel(page)).toBe('Aggiungi una fascia — Sabato');
    await expect.poll(() => saturday.textContent()).toContain('Chiusa');

    // the Jitsi system with its secret
    await tick(page, 'radio', 'Jitsi Meet');
    await page.getByLabel('Dominio del server Jitsi').fill('meet.anci-piemonte.example.it');
    await page.getByLabel('Identificativo dell’applicazione (app_id)').fill('agilepa');
    await page.getByLabel('Segreto dell’applicazione (app_secret)').fill('troppo-corto');
    expect(await page.getByLabel('Segreto dell’applicazione (app_secret)').getAttribute('type')).toBe('password');

    // the overlapping Monday windows and the short secret are refused before sending
    await page.getByRole('button', { name: 'Registra la piattaforma' }).click();
    await page.getByText('Le fasce di questo giorno si sovrappongono.').waitFor();
    await expect.poll(() => page.getByText('Scrivi il segreto: almeno 16 caratteri.').count()).toBe(1);
    await expect.poll(() => focusedLabel(page)).toBe('Dalle — Lunedì, fascia 1');
    expect(posts).toHaveLength(0);
    await expectAccessible(page, 'new platform: hours and secret refused');
    await monday.getByLabel('Dalle — Lunedì, fascia 2', { exact: true }).fill('14:00');
    await page.getByLabel('Segreto dell’applicazione (app_secret)').fill(SECRET);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-new-platform.png', fullPage: true });

    await page.getByRole('button', { name: 'Registra la piattaforma' }).dblclick();
    await h1(page, 'Le tue piattaforme');
    await page.getByRole('status').filter({ hasText: `Piattaforma registrata: «${PLATFORM}»` }).waitFor();
    // one request, with its Idempotency-Key, for the double click
    expect(posts).toHaveLength(1);
    expect(posts[0]?.length ?? 0).toBeGreaterThanOrEqual(8);
    const listed = (await asOperator('GET', '/conference-platforms?pageSize=100')).json.items.filter((p: { name: string }) => p.name === PLATFORM);
    expect(listed).toHaveLength(1);
    const p = listed[0];
    platformId = p.id;
    expect(p).toMatchObject({ capacity: 250, access: 'members', operatorId: associationId, minNoticeDays: 1, videoSystem: 'jitsi', videoConfigured: true, requiresApproval: false, openOnHolidays: false });
    expect([...p.memberIds].sort()).toEqual([aglie, airasca].sort());
    expect(p.openingHours['1']).toEqual([
      ['08:00', '13:00'],
      ['14:00', '18:00'],
    ]);
    expect(p.openingHours['2']).toEqual([['08:00', '20:00']]);
    expect(p.openingHours['6']).toBeUndefined();
    const card2 = page.getByTestId('my-platform').filter({ hasText: PLATFORM });
    expect(await card2.textContent()).toContain('Enti aderenti: 2');
    expect(await card2.textContent()).toContain('Jitsi Meet — configurato');
    await expectAccessible(page, 'your platforms');

    // the secret is never shown again: not on the page, not in the API
    await card2.getByRole('link', { name: `Modifica — ${PLATFORM}` }).click();
    await h1(page, `Modifica «${PLATFORM}»`);
    const summary = page.getByTestId('video-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('meet.anci-piemonte.example.it');
    expect(await page.getByTestId('video-secret').textContent()).toContain('impostato');
    expect(await page.content()).not.toContain(SECRET);
    const video = await asOperator('GET', `/conference-platforms/${platformId}/video`);
    expect(video.status).toBe(200);
    expect(video.text).not.toContain(SECRET);
    expect((await asOperator('GET', `/conference-platforms/${platformId}`)).text).not.toContain(SECRET);
    // the form shows what was saved
    await expect.poll(() => page.getByLabel('Collegamenti contemporanei').inputValue()).toBe('250');
    await expect.poll(() => page.getByTestId('members-chosen').textContent()).toContain('Airasca');
    await expect.poll(() => page.getByTestId('hours-day-1').getByLabel('Dalle — Lunedì, fascia 2', { exact: true }).inputValue()).toBe('14:00');
    await expectAccessible(page, 'change platform');

    // "Cambia": the secret's field opens empty and takes the focus; it is typed again to save
    await page.getByRole('button', { name: 'Cambia — Segreto dell’applicazione (app_secret)' }).click();
    await expect.poll(() => focusedLabel(page)).toBe('Segreto dell’applicazione (app_secret)');
    expect(await page.getByLabel('Segreto dell’applicazione (app_secret)').inputValue()).toBe('');
    await expect.poll(() => page.getByText('Il segreto è impostato ma non si mostra mai').count()).toBe(1);
    await expectAccessible(page, 'change the video secret');
    await page.getByRole('button', { name: 'Salva il sistema video' }).click();
    await page.getByText('Scrivi il segreto: almeno 16 caratteri.').waitFor();
    const NEW_SECRET = 'another-secret-for-prosody-e2e';
    await page.getByLabel('Segreto dell’applicazione (app_secret)').fill(NEW_SECRET);
    await page.getByRole('button', { name: 'Salva il sistema video' }).click();
    await page.getByRole('status').filter({ hasText: 'Sistema video salvato' }).waitFor();
    expect(await page.getByTestId('video-secret').textContent()).toContain('impostato');
    expect(await page.content()).not.toContain(NEW_SECRET);
    // the audit log says a secret was set, never which
    const audit = await server.db.query<{ action: string; before: unknown; after: unknown }>(`select action, before, after from audit_log where entity_id = $1`, [platformId]);
    expect(audit.rows.map((r) => r.action).sort()).toEqual(['conference_platform.create', 'conference_platform.video_update']);
    for (const r of audit.rows) {
      expect(JSON.stringify([r.before, r.after])).not.toContain(SECRET);
      expect(JSON.stringify([r.before, r.after])).not.toContain(NEW_SECRET);
    }
    expect(JSON.stringify(audit.rows.find((r) => r.action === 'conference_platform.video_update')?.after)).toContain('"secretSet":true');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lowers the capacity: refused next to the field with where the bookings would not fit, then saved', async () => {
    const booked = await asSecretary('POST', '/bookings', {
      platformId,
      title: 'Consiglio comunale di Agliè',
      kind: 'council_session',
      start: rome(DAY, '10:00'),
      end: rome(DAY, '12:00'),
      expectedConnections: 200,
      organiserName: 'Maria Segretaria',
      organiserEmail: 'segretaria@aglie.example.it',
    });
    expect(booked.status, JSON.stringify(booked.json)).toBe(201);
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, operator.email, operator.password);
    await page.goto(`/videoconferenze/gestione/piattaforme/${platformId}`);
    await h1(page, `Modifica «${PLATFORM}»`);
    const capacity = page.getByLabel('Collegamenti contemporanei');
    await capacity.fill('150');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    const refusal = page.getByTestId('capacity-refusal');
    await refusal.waitFor();
    const text = (await refusal.textContent()) ?? '';
    expect(text).toContain('Con 150 collegamenti le prenotazioni già fatte non ci stanno: nel momento più pieno ne sono prenotati 200');
    expect(text).toMatch(/10:00–12:00: prenotati 200, 50 oltre la nuova capacità/);
    await expect.poll(() => page.getByText('La nuova capacità è inferiore ai collegamenti già prenotati').count()).toBe(1);
    // the field is marked, describes the refusal and has the focus
    expect(await capacity.getAttribute('aria-invalid')).toBe('true');
    const described = (await capacity.getAttribute('aria-describedby')) ?? '';
    expect(described.split(' ')).toContain((await refusal.getAttribute('id')) ?? 'none');
    await expect.poll(() => focusedLabel(page)).toBe('Collegamenti contemporanei');
    expect((await asOperator('GET', `/conference-platforms/${platformId}`)).json.capacity).toBe(250);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-capacity-refusal.png', fullPage: true });
    await expectAccessible(page, 'change platform: capacity refused');

    await capacity.fill('200');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('status').filter({ hasText: 'Modifiche salvate' }).waitFor();
    await expect.poll(() => refusal.count()).toBe(0);
    expect((await asOperator('GET', `/conference-platforms/${platformId}`)).json.capacity).toBe(200);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('gives a platform to every body of a region, and back to its members', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, operator.email, operator.password);
    await page.goto(`/videoconferenze/gestione/piattaforme/${platformId}`);
    await h1(page, `Modifica «${PLATFORM}»`);
    await tick(page, 'radio', /Tutti gli enti di un territorio/);
    await expect.poll(() => page.getByLabel('Tipo di territorio').inputValue()).toBe('region');
    const which = page.getByLabel('Quale regione');
    await expect.poll(() => which.locator('option').count()).toBeGreaterThan(15);
    // chosen from the keyboard: the native select
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByText('Scegli il territorio.').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Quale regione');
    await which.selectOption({ label: 'Regione Piemonte' });
    await expectAccessible(page, 'change platform: territory');
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('status').filter({ hasText: 'Modifiche salvate' }).waitFor();
    const after = (await asOperator('GET', `/conference-platforms/${platformId}`)).json;
    expect(after.access).toBe('territory');
    expect(after.territoryId).toBe(await which.inputValue());
    expect(after.memberIds).toEqual([]);
    // back to members: the page still holds the two chosen before; one is taken away and added again
    await tick(page, 'radio', 'Solo gli enti aderenti che scegli');
    const chosen = page.getByTestId('members-chosen');
    await expect.poll(() => chosen.locator('li').count()).toBe(2);
    await chosen.getByRole('button', { name: /^Togli — Airasca/ }).click();
    await expect.poll(() => chosen.locator('li').count()).toBe(1);
    // the focus stays in the list
    await expect.poll(() => focusedLabel(page)).toMatch(/^Togli — Agliè/);
    await page.getByLabel('Cerca un ente').fill('Airasca');
    const count = page.getByTestId('member-search-count');
    await expect.poll(() => count.textContent()).toMatch(/Enti trovati: \d+/);
    await tick(page, 'checkbox', /^Airasca/);
    await expect.poll(() => chosen.locator('li').count()).toBe(2);
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    await page.getByRole('status').filter({ hasText: 'Modifiche salvate' }).waitFor();
    const back = (await asOperator('GET', `/conference-platforms/${platformId}`)).json;
    expect(back.access).toBe('members');
    expect(back.territoryId).toBeNull();
    expect([...back.memberIds].sort()).toEqual([aglie, airasca].sort());
    expect(problems).toEqual([]);
    await context.close();
  });

  it('fits a 375 px phone: the new platform form, the change page with its hours, the list', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, operator.email, operator.password);
    await page.goto('/videoconferenze/gestione/piattaforme/nuova');
    await h1(page, 'Nuova piattaforma');
    await tick(page, 'radio', 'BigBlueButton');
    await page.getByLabel('Indirizzo dell’API di BigBlueButton').waitFor();
    await page.getByTestId('hours-day-1').getByRole('button', { name: 'Aggiungi una fascia — Lunedì' }).click();
    await noSidewaysScroll(page);
    // each day's windows stay visible and usable, one under the other
    await expect.poll(() => page.getByTestId('hours-day-1').getByLabel('Dalle — Lunedì, fascia 2', { exact: true }).isVisible()).toBe(true);
    await page.screenshot({ path: '/tmp/agilepa-conferencing-new-platform-phone.png', fullPage: true });
    await expectAccessible(page, 'new platform (phone)');
    await page.goto(`/videoconferenze/gestione/piattaforme/${platformId}`);
    await h1(page, `Modifica «${PLATFORM}»`);
    await page.getByTestId('video-summary').waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page, 'change platform (phone)');
    await page.goto('/videoconferenze/gestione/piattaforme');
    await h1(page, 'Le tue piattaforme');
    await page.getByTestId('my-platform').first().waitFor();
    await noSidewaysScroll(page);
    await expectAccessible(page, 'your platforms (phone)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('archives the platform after a dialog saying the organisers get a cancellation', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, operator.email, operator.password);
    await page.goto(`/videoconferenze/gestione/piattaforme/${platformId}`);
    await h1(page, `Modifica «${PLATFORM}»`);
    const open = page.getByRole('button', { name: 'Dismetti la piattaforma' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: `Dismettere «${PLATFORM}»?` });
    await dialog.waitFor();
    await expectAccessible(page, 'archive dialog');
    // Escape keeps it, and the focus goes back to the button
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => focusedLabel(page)).toBe('Dismetti la piattaforma');
    expect((await asOperator('GET', `/conference-platforms/${platformId}`)).json.archivedAt).toBeNull();

    await open.click();
    await dialog.getByRole('button', { name: 'Sì, dismetti' }).click();
    // the API refused for the booking ahead: the dialog says so, and that its organiser is told
    const second = page.getByRole('dialog', { name: 'Annullare 1 prenotazione?' });
    await second.waitFor();
    const upcoming = (await second.getByTestId('archive-upcoming').textContent()) ?? '';
    expect(upcoming).toContain('1 prenotazione non ancora iniziata');
    expect(upcoming).toContain('Ogni organizzatore riceve un’e-mail con l’annullamento');
    expect((await asOperator('GET', `/conference-platforms/${platformId}`)).json.archivedAt).toBeNull();
    await page.screenshot({ path: '/tmp/agilepa-conferencing-archive-dialog.png' });
    await expectAccessible(page, 'archive dialog: bookings to cancel');
    await second.getByRole('button', { name: 'Sì, annulla la prenotazione e dismetti' }).click();

    await h1(page, 'Le tue piattaforme');
    await page.getByRole('status').filter({ hasText: 'Prenotazioni annullate: 1' }).waitFor();
    const card = page.getByTestId('my-platform').filter({ hasText: PLATFORM });
    await expect.poll(() => card.textContent()).toContain('Dismessa il');
    await expect.poll(() => card.getByRole('link', { name: /Modifica/ }).count()).toBe(0);
    const p = (await asOperator('GET', `/conference-platforms/${platformId}`)).json;
    expect(p.archivedAt).not.toBeNull();
    const mine = (await asSecretary('GET', `/bookings?mine=true&platformId=${platformId}`)).json.items;
    expect(mine.map((b: { status: string }) => b.status)).toEqual(['cancelled']);
    const mails = await server.db.query<{ payload: unknown }>(`select payload from jobs where type = 'mail.send'`);
    expect(mails.rows.map((r) => JSON.stringify(r.payload)).filter((s) => s.includes('segretaria@aglie.example.it') && s.includes('piattaforma dismessa'))).toHaveLength(1);
    await expectAccessible(page, 'your platforms with an archived one');
    // the archived platform's page is read-only
    await page.goto(`/videoconferenze/gestione/piattaforme/${platformId}`);
    await h1(page, `Modifica «${PLATFORM}»`);
    await page.getByText('è stata dismessa il').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Salva le modifiche' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('a municipal secretary', () => {
  it('gets the videoconference card, and none of the operator’s pages or actions', async () => {
    const other = await asOperator('POST', '/conference-platforms', { name: 'Sala virtuale E2E', capacity: 50, memberIds: [aglie] });
    expect(other.status, JSON.stringify(other.json)).toBe(201);
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, secretary.email, secretary.password);
    const cards = page.getByTestId('home-cards');
    await cards.getByRole('heading', { level: 2, name: 'Videoconferenze' }).waitFor();
    await expect.poll(() => cards.getByRole('heading', { level: 2, name: 'Le tue piattaforme' }).count()).toBe(0);
    await expectAccessible(page, 'home (secretary)');
    await cards.getByRole('link', { name: /^Apri\s?: Videoconferenze$/ }).click();
    await h1(page, 'Videoconferenze');
    const card = page.locator('.conf-platform-card').filter({ hasText: 'Sala virtuale E2E' });
    await card.waitFor();
    await expect.poll(() => card.getByRole('link', { name: /Modifica/ }).count()).toBe(0);
    await expect.poll(() => page.getByRole('navigation', { name: 'Sezioni delle videoconferenze' }).getByRole('link', { name: 'Le tue piattaforme' }).count()).toBe(0);

    await page.goto(`/videoconferenze/gestione/piattaforme/${other.json.id}`);
    await h1(page, 'Modifica «Sala virtuale E2E»');
    await page.getByText('la modificano solo il personale del suo gestore').waitFor();
    await expect.poll(() => page.locator('form').count()).toBe(0);
    await expectAccessible(page, 'change platform (not allowed)');
    await page.goto('/videoconferenze/gestione/piattaforme/nuova');
    await h1(page, 'Nuova piattaforma');
    await page.getByText('Il tuo ruolo non lo consente').waitFor();
    await expect.poll(() => page.locator('form').count()).toBe(0);
    // the API agrees
    expect((await asSecretary('PATCH', `/conference-platforms/${other.json.id}`, { capacity: 10 })).status).toBe(403);
    expect((await asSecretary('GET', `/conference-platforms/${other.json.id}/video`)).status).toBe(403);
    expect((await asSecretary('DELETE', `/conference-platforms/${other.json.id}`)).status).toBe(403);
    expect(problems).toEqual([]);
    await context.close();
  });

});

describe('a platform administrator', () => {
  it('registers a platform for an operator chosen from the providers and associations, open to every body', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, admin.email, admin.password);
    await page.goto('/videoconferenze/gestione/piattaforme/nuova');
    await h1(page, 'Nuova piattaforma');
    const operatorField = page.getByLabel('Ente gestore');
    await expect.poll(() => operatorField.locator('option', { hasText: 'Anci Piemonte E2E' }).count()).toBe(1);
    await page.getByLabel('Nome della piattaforma').fill('Piattaforma regionale E2E');
    await page.getByLabel('Collegamenti contemporanei').fill('500');
    await tick(page, 'radio', /^Tutti gli enti$/);
    await page.getByRole('button', { name: 'Registra la piattaforma' }).click();
    // the operator is required of an administrator
    await page.getByText('Scegli l’ente gestore.').waitFor();
    await expect.poll(() => focusedLabel(page)).toBe('Ente gestore');
    await operatorField.selectOption({ label: 'Anci Piemonte E2E' });
    await expectAccessible(page, 'new platform (administrator)');
    await page.getByRole('button', { name: 'Registra la piattaforma' }).click();
    await h1(page, 'Le tue piattaforme');
    await page.getByRole('status').filter({ hasText: 'Piattaforma registrata: «Piattaforma regionale E2E»' }).waitFor();
    const made = (await asOperator('GET', '/conference-platforms?pageSize=100')).json.items.find((p: { name: string }) => p.name === 'Piattaforma regionale E2E');
    expect(made).toMatchObject({ operatorId: associationId, access: 'everyone', capacity: 500, videoSystem: 'none', videoConfigured: false });
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('in English', () => {
  it('shows the platform pages in English', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, operator.email, operator.password);
    await page.goto('/videoconferenze/gestione/piattaforme/nuova');
    await h1(page, 'Nuova piattaforma');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'New platform');
    await expect.poll(() => page.getByRole('table', { name: 'Opening hours per weekday (Italian time)' }).count()).toBe(1);
    await expect.poll(() => page.getByText('1 = no booking for today, tomorrow at the earliest.').count()).toBe(1);
    await expectAccessible(page, 'new platform in English');
    await page.getByRole('button', { name: 'Passa all’italiano' }).click();
    await h1(page, 'Nuova piattaforma');
    expect(problems).toEqual([]);
    await context.close();
  });
});
