/**
 * The planner's pages in a real browser: HR plans a month from the grid ("Ripianifica"), reads
 * the shortfall report, pins a day with the mouse and another with the keyboard, re-plans (the
 * pins stay); the employee, on a phone, sees "Il mio calendario", swaps a day (accepted), asks an
 * impossible swap (refused with office, day and people short), makes the calendar feed and the
 * feed answers; with approval on, the office manager accepts a swap; English too — and zero
 * serious or critical axe violations on every page and state.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser, organizationId } from '../auth-helpers.js';
import { PHONE, expectAccessible, h1, launchBrowser, newPage, signIn, startServer, type Server } from './harness.js';
import { addDays } from '../../src/modules/remote-work/plans/plan-dates.js';
import { clock } from '../../src/platform/clock.js';
import { fullWeekFrom, futureMonth, insertAgreement, insertEmployee, insertOffice, plannedDays, weekdaysCoverage } from '../../src/modules/remote-work/plans/plans.test-support.js';

let server: Server;
let browser: Browser;
let hr: { email: string; password: string };
let manager: { id: string; email: string; password: string };
let worker: { id: string; email: string; password: string };
const month = futureMonth(1);
const week = fullWeekFrom(month.from);
const monthName = new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month.from}T12:00:00Z`));
const dayIt = (day: string) => new Intl.DateTimeFormat('it-IT', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(`${day}T12:00:00Z`));
const sportello: string[] = [];
const stretto: string[] = [];

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const lucca = await organizationId(server.db, '046');
  hr = await createUser(server.db, { email: 'personale.piano@e2e.example', displayName: 'Marta Personale', organizationId: lucca, roles: ['hr_manager', 'body_admin'] });
  manager = await createUser(server.db, { email: 'responsabile.piano@e2e.example', displayName: 'Rino Responsabile', organizationId: lucca, roles: ['office_manager'] });
  worker = await createUser(server.db, { email: 'anna.piano@e2e.example', displayName: 'Anna Bianchi', organizationId: lucca, roles: ['employee'] });
  const office = await insertOffice(server.db, lucca, { code: 'SPU', name: 'Sportello Unico', managerUserId: manager.id, coverage: weekdaysCoverage(2) });
  const names = ['Anna Bianchi', 'Bruno Neri', 'Carla Verdi'];
  for (const [i, full] of names.entries()) {
    const [firstName, lastName] = full.split(' ');
    const id = await insertEmployee(server.db, lucca, { officeId: office, firstName, lastName, userId: i === 0 ? worker.id : null, email: i === 0 ? worker.email : null });
    sportello.push(id);
    await insertAgreement(server.db, lucca, { employeeId: id, startsOn: addDays(clock.today(), -10), maxRemotePerWeek: 1 });
  }
  const narrow = await insertOffice(server.db, lucca, { code: 'STR', name: 'Ufficio Stretto', coverage: weekdaysCoverage(2) });
  for (const n of ['Dario', 'Elsa', 'Franco']) {
    const id = await insertEmployee(server.db, lucca, { officeId: narrow, firstName: n, lastName: 'Stretti' });
    stretto.push(id);
    await insertAgreement(server.db, lucca, { employeeId: id, startsOn: addDays(clock.today(), -10), maxRemotePerWeek: 2 });
  }
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openGrid(page: Page, office: string) {
  await page.goto('/lavoro-agile/piano');
  await h1(page, 'Piano del lavoro agile');
  await page.getByLabel('Ufficio', { exact: true }).selectOption({ label: office });
  await page.getByRole('button', { name: 'Mese successivo' }).click();
  await page.getByText(monthName, { exact: true }).waitFor();
}

const cell = (page: Page, name: string, day: string) => page.getByRole('button', { name: new RegExp(`^${name}, ${dayIt(day)}: `) });

describe('the month grid', () => {
  it('plans a month with “Ripianifica”, explains the shortfall, and the grid shows days as text', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, hr.email, hr.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoro agile' }).click();
    await h1(page, 'Lavoro agile');
    await page.getByRole('link', { name: /^Apri\s*: Piano del lavoro agile$/ }).click();
    await h1(page, 'Piano del lavoro agile');
    await page.getByLabel('Ufficio', { exact: true }).selectOption({ label: 'Ufficio Stretto' });
    await page.getByRole('button', { name: 'Mese successivo' }).click();
    await page.getByText(monthName, { exact: true }).waitFor();
    await page.getByRole('table', { name: /Ufficio Stretto/ }).waitFor();
    // not planned yet: every day reads "–"
    expect(await cell(page, 'Dario Stretti', week.days[0]).textContent()).toContain('–');
    await expectAccessible(page, 'plan grid (not planned)');

    await page.getByRole('button', { name: `Ripianifica ${monthName}` }).click();
    await page.getByText(/Piano calcolato e salvato in/).waitFor();
    const report = page.getByRole('region', { name: 'Esito della pianificazione' });
    await report.waitFor();
    await expect.poll(() => report.textContent()).toContain('Dove mancano persone in sede');
    expect(await report.textContent()).toMatch(/Ufficio Stretto: .*mancano [12] su 2 richieste in sede/);
    // the stored plan and the page agree
    const rows = await plannedDays(server.db, stretto);
    const dario = rows.filter((r) => r.employeeId === stretto[0] && week.days.includes(r.day));
    for (const r of dario) {
      const text = await cell(page, 'Dario Stretti', r.day).textContent();
      expect(text).toContain(r.kind === 'remote' ? 'LALavoro agile' : 'SIn sede');
    }
    // coverage row: every day at least 2 on site, nobody short
    await expect.poll(() => page.locator('.rwp-short').count()).toBe(0);
    await expectAccessible(page, 'plan grid (planned, with report)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('pins a day by click and one by keyboard, re-plans around them, and keeps them', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, hr.email, hr.password);
    await openGrid(page, 'Sportello Unico');
    await page.getByRole('button', { name: `Ripianifica ${monthName}` }).click();
    await page.getByText(/Piano calcolato e salvato in/).waitFor();
    const rows = await plannedDays(server.db, sportello);
    const onsite = rows.find((r) => r.employeeId === sportello[1] && week.days.includes(r.day) && r.kind === 'onsite')!;
    // click: fixed remote
    await cell(page, 'Bruno Neri', onsite.day).click();
    await page.getByText(new RegExp(`Bruno Neri, ${dayIt(onsite.day)}: Lavoro agile\\. Ufficio ripianificato\\.`)).waitFor();
    await expect.poll(async () => cell(page, 'Bruno Neri', onsite.day).textContent()).toContain('LA*');
    expect((await plannedDays(server.db, [sportello[1]])).find((r) => r.day === onsite.day)).toMatchObject({ kind: 'remote', pinned: true });
    await expectAccessible(page, 'plan grid after a pin');
    // keyboard: from that cell, ArrowDown to Carla, Enter twice → fixed on site
    await cell(page, 'Bruno Neri', onsite.day).focus();
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(focused).toContain(`Carla Verdi, ${dayIt(onsite.day)}`);
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`Carla Verdi, ${dayIt(onsite.day)}: Lavoro agile\\.`)).waitFor();
    await expect.poll(async () => cell(page, 'Carla Verdi', onsite.day).textContent()).toContain('LA*');
    await cell(page, 'Carla Verdi', onsite.day).focus();
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`Carla Verdi, ${dayIt(onsite.day)}: In sede\\.`)).waitFor();
    await expect.poll(async () => cell(page, 'Carla Verdi', onsite.day).textContent()).toContain('S*');
    // re-plan: both pins stay
    await page.getByRole('button', { name: `Ripianifica ${monthName}` }).click();
    await page.getByText(/Piano calcolato e salvato in/).waitFor();
    const after = await plannedDays(server.db, sportello);
    expect(after.find((r) => r.employeeId === sportello[1] && r.day === onsite.day)).toMatchObject({ kind: 'remote', pinned: true });
    expect(after.find((r) => r.employeeId === sportello[2] && r.day === onsite.day)).toMatchObject({ kind: 'onsite', pinned: true });
    // free them again (onsite → free)
    await cell(page, 'Carla Verdi', onsite.day).click();
    await page.getByText(new RegExp(`Carla Verdi, ${dayIt(onsite.day)}: libero\\.`)).waitFor();
    await expectAccessible(page, 'plan grid after re-plan');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the employee’s calendar', () => {
  it('shows my month on a phone, swaps a day, explains a refused swap, and makes the calendar feed', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, worker.email, worker.password);
    await page.goto('/lavoro-agile');
    await h1(page, 'Lavoro agile');
    await page.getByRole('link', { name: /^Apri\s*: Il mio calendario$/ }).click();
    await h1(page, 'Il mio calendario');
    await page.getByRole('button', { name: 'Mese successivo' }).click();
    await page.getByRole('heading', { name: monthName }).waitFor();
    await page.getByRole('list', { name: `Giorni di ${monthName}` }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'my calendar on a phone');

    // the week's layout, from the stored plan: my remote day, a day nobody is remote, someone else's remote day
    const rows = await plannedDays(server.db, sportello);
    const kind = (i: number, d: string) => rows.find((r) => r.employeeId === sportello[i] && r.day === d)?.kind;
    const myRemote = week.days.find((d) => kind(0, d) === 'remote')!;
    const remoteCount = (d: string) => [0, 1, 2].filter((i) => kind(i, d) === 'remote').length;
    const free = week.days.find((d) => remoteCount(d) === 0)!;
    await page.getByLabel('Giorno di lavoro agile che lasci').selectOption(myRemote);
    await page.getByLabel('Giorno che chiedi in lavoro agile').selectOption(free);
    await page.getByRole('button', { name: 'Chiedi lo scambio' }).click();
    await page.getByText('Scambio accolto', { exact: true }).first().waitFor();
    await expectAccessible(page, 'my calendar after an accepted swap');
    expect((await plannedDays(server.db, [sportello[0]])).find((r) => r.day === free)).toMatchObject({ kind: 'remote', pinned: true, pinSource: 'swap' });

    // now ask to move it onto a day where someone else is already remote: 2 must stay
    const now = await plannedDays(server.db, sportello);
    const busy = week.days.find((d) => d !== free && now.filter((r) => r.day === d && r.kind === 'remote').length === 1 && now.find((r) => r.employeeId === sportello[0] && r.day === d)?.kind === 'onsite')!;
    await page.getByLabel('Giorno di lavoro agile che lasci').selectOption(free);
    await page.getByLabel('Giorno che chiedi in lavoro agile').selectOption(busy);
    await page.getByRole('button', { name: 'Chiedi lo scambio' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Scambio non possibile' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`Sportello Unico: ${dayIt(busy)} servono 2 persone in sede, ne resterebbero 1 (ne mancano 1).`);
    await expectAccessible(page, 'my calendar with a refused swap');

    // the calendar feed
    await page.getByRole('button', { name: 'Crea il link del calendario' }).click();
    const url = await page.getByLabel('Indirizzo del tuo calendario').inputValue();
    expect(url).toMatch(/\/api\/v1\/remote-work\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    const ics = await page.request.get(new URL(url).pathname);
    expect(ics.status()).toBe(200);
    expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await ics.text()).toContain('SUMMARY:Lavoro agile');
    await expectAccessible(page, 'my calendar with the feed address');
    await page.reload();
    await h1(page, 'Il mio calendario');
    await page.getByText(/Il calendario è attivo dal/).waitFor();
    await page.getByRole('button', { name: 'Genera un nuovo link' }).click();
    await page.getByRole('button', { name: 'Sì, genera un nuovo link' }).click();
    const url2 = await page.getByLabel('Indirizzo del tuo calendario').inputValue();
    expect(url2).not.toBe(url);
    expect((await page.request.get(new URL(url).pathname)).status()).toBe(404);

    // English
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'My calendar');
    await page.getByRole('heading', { name: 'Ask for a swap' }).waitFor();
    await expectAccessible(page, 'my calendar in English');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('with approval on, a valid swap waits and the office manager accepts it from the grid page', async () => {
    const admin = await newPage(browser, server.baseUrl);
    await signIn(admin.page, hr.email, hr.password);
    await admin.page.goto('/lavoro-agile/piano');
    await h1(admin.page, 'Piano del lavoro agile');
    // bootstrap-italia draws the checkbox on its label: the label is what one clicks
    await admin.page.locator('label[for="swap-approval"]').click();
    await expect.poll(() => admin.page.getByLabel(/Gli scambi validi attendono l’approvazione/).isChecked()).toBe(true);
    await admin.context.close();

    const emp = await newPage(browser, server.baseUrl, PHONE);
    await signIn(emp.page, worker.email, worker.password);
    await emp.page.goto('/lavoro-agile/il-mio-calendario');
    await h1(emp.page, 'Il mio calendario');
    await emp.page.getByRole('button', { name: 'Mese successivo' }).click();
    await emp.page.getByRole('heading', { name: monthName }).waitFor();
    // another ISO week of the month: Anna's remote day there and a day of that week with nobody remote
    const rows = (await plannedDays(server.db, sportello)).filter((r) => r.day >= month.from && r.day <= month.to && !week.days.includes(r.day));
    const weekOf = (d: string) => addDays(d, 1 - new Date(`${d}T12:00:00Z`).getUTCDay() + (new Date(`${d}T12:00:00Z`).getUTCDay() === 0 ? -7 : 0));
    let mine = '', free = '';
    for (const r of rows.filter((x) => x.employeeId === sportello[0] && x.kind === 'remote' && !x.pinned)) {
      const sameWeek = [...new Set(rows.filter((x) => weekOf(x.day) === weekOf(r.day)).map((x) => x.day))];
      const f = sameWeek.find((d) => rows.filter((x) => x.day === d && x.kind === 'remote').length === 0);
      if (f) { mine = r.day; free = f; break; }
    }
    expect(mine && free, 'a week of the month with room for a swap').toBeTruthy();
    await emp.page.getByLabel('Giorno di lavoro agile che lasci').selectOption(mine);
    await emp.page.getByLabel('Giorno che chiedi in lavoro agile').selectOption(free);
    await emp.page.getByRole('button', { name: 'Chiedi lo scambio' }).click();
    await emp.page.getByText('In attesa del responsabile', { exact: true }).first().waitFor();
    await expectAccessible(emp.page, 'my calendar with a pending swap');
    await emp.context.close();

    // the office manager, on a phone: the grid scrolls inside its table, the page does not
    const mgr = await newPage(browser, server.baseUrl, PHONE);
    await signIn(mgr.page, manager.email, manager.password);
    await mgr.page.goto('/lavoro-agile/piano');
    await h1(mgr.page, 'Piano del lavoro agile');
    await mgr.page.getByRole('table', { name: /Sportello Unico/ }).waitFor();
    expect(await mgr.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    const pending = mgr.page.getByRole('region', { name: 'Scambi da approvare' });
    await pending.getByText(`Anna Bianchi (Sportello Unico) chiede di spostare il lavoro agile da ${dayIt(mine)} a ${dayIt(free)}.`).waitFor();
    await expectAccessible(mgr.page, 'plan grid with a pending swap');
    await pending.getByRole('button', { name: 'Accogli — Anna Bianchi' }).click();
    await mgr.page.getByText('Scambio di Anna Bianchi accolto: il piano è aggiornato.').waitFor();
    expect((await plannedDays(server.db, [sportello[0]])).find((r) => r.day === free)).toMatchObject({ kind: 'remote', pinned: true });
    expect(mgr.problems).toEqual([]);
    await mgr.context.close();
  });
});
