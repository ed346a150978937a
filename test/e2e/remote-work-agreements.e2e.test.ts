/**
 * Remote-work agreements in a real browser, one persona at a time: the employee on his phone asks
 * for an agreement (live rule messages, then a valid request), the office manager refuses without a
 * reason (refused by the form) then approves, the HR officer registers it and downloads the PDF,
 * the employee sees the timeline, in Italian and in English. axe on every page and dialog.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser, organizationId } from '../auth-helpers.js';
import { insertEmployee, insertOffice } from '../../src/modules/remote-work/agreements/agreements.test-support.js';
import { DESKTOP, PHONE, expectAccessible, h1, launchBrowser, newPage, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let employee: { email: string; password: string };
let manager: { email: string; password: string };
let hr: { email: string; password: string };
let agreementUrl = '';

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const lucca = await organizationId(server.db, '046');
  employee = await createUser(server.db, { email: 'anna.bianchi@e2e.example', displayName: 'Anna Bianchi', organizationId: lucca, roles: ['employee'] });
  const m = await createUser(server.db, { email: 'responsabile@e2e.example', displayName: 'Marco Responsabile', organizationId: lucca, roles: ['office_manager'] });
  manager = m;
  hr = await createUser(server.db, { email: 'personale@e2e.example', displayName: 'Paola Personale', organizationId: lucca, roles: ['hr_manager'] });
  const office = await insertOffice(server.db, { organizationId: lucca, name: 'Ufficio Tributi', managerUserId: m.id });
  const users = await server.db.ownerTx((tx) => tx.query<{ id: string }>(`select id from users where email = $1`, [employee.email]));
  await insertEmployee(server.db, { organizationId: lucca, officeId: office, firstName: 'Anna', lastName: 'Bianchi', userId: users.rows[0].id });
  await insertEmployee(server.db, { organizationId: lucca, officeId: office, firstName: 'Luca', lastName: 'Verdi', email: 'luca.verdi@e2e.example' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function noHorizontalScroll(page: Page) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  expect(scroll, 'no horizontal scrolling').toBeLessThanOrEqual(width);
}

describe('remote-work agreements: request → approve → register', () => {
  it('the employee asks for an agreement on his phone, helped by live messages from the rules', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, employee.email, employee.password);
    // from the menu: Lavoro agile → Accordi individuali
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoro agile' }).click();
    await h1(page, 'Lavoro agile');
    await page.getByTestId('rw-cards').getByRole('link', { name: /Accordi individuali/ }).click();
    await h1(page, 'I miei accordi di lavoro agile');
    await page.getByText('Non hai ancora un accordo di lavoro agile.').waitFor();
    await expectAccessible(page, 'my agreements (empty, phone)');
    await noHorizontalScroll(page);

    await page.getByRole('link', { name: 'Chiedi un accordo' }).click();
    await h1(page, 'Chiedi un accordo di lavoro agile');
    await expectAccessible(page, 'request form (phone)');
    await noHorizontalScroll(page);

    // three days a week on two weekdays: the message appears at once, under the field
    await page.getByLabel('Giorni a settimana').selectOption('3');
    // (bootstrap-italia draws the box on the label: people click the label)
    for (const d of ['martedì', 'giovedì', 'venerdì']) await page.locator('#rwa-weekdays').getByText(d, { exact: true }).click();
    await expect.poll(() => page.getByLabel('martedì', { exact: true }).isChecked()).toBe(false);
    const perWeek = page.getByLabel('Giorni a settimana');
    await expect.poll(() => perWeek.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await perWeek.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ')[0]}`).textContent()).toBe('3 giorni a settimana sono più dei giorni della settimana scelti (2).');
    await expect.poll(() => page.getByTestId('rwa-live').textContent()).toBe('Da correggere: 1.');
    // a reachability window in the disconnection hours
    await page.getByLabel('Contattabile dalle').fill('07:00');
    await page.getByText('La fascia 07:00–12:30 del lunedì cade nella fascia di disconnessione.').first().waitFor();
    await expectAccessible(page, 'request form with rule messages (phone)');

    // sending with errors: a summary with links, nothing sent
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await page.getByRole('alert').filter({ hasText: 'Controlla questi punti:' }).waitFor();
    expect(page.url()).toContain('/lavoro-agile/accordi/nuovo');

    await perWeek.selectOption('2');
    await page.getByLabel('Contattabile dalle').fill('09:30');
    await expect.poll(() => page.getByTestId('rwa-live').textContent()).toBe('Le condizioni rispettano le regole.');
    expect(await perWeek.getAttribute('aria-invalid')).toBe(null);
    await page.getByLabel('Strumenti di lavoro (facoltativo)').fill('Computer portatile fornito dall’ente');
    await page.getByText('Ho ricevuto e letto l’informativa scritta sulla salute e sicurezza nel lavoro agile').click();
    await expect.poll(() => page.getByLabel('Ho ricevuto e letto l’informativa scritta sulla salute e sicurezza nel lavoro agile').isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Invia la richiesta' }).click();
    await h1(page, 'Accordo di Anna Bianchi');
    agreementUrl = new URL(page.url()).pathname;
    expect(agreementUrl).toMatch(/^\/lavoro-agile\/accordi\/[0-9a-f-]{36}$/);
    await page.getByText('Richiesta inviata: il responsabile del tuo ufficio riceverà un’e-mail.').waitFor();
    await page.locator('.rwa-status', { hasText: 'Richiesto' }).first().waitFor();
    await expect.poll(() => page.locator('.rwa-timeline li').count()).toBe(2); // requested, safety information read
    await expectAccessible(page, 'agreement requested (phone)');
    await noHorizontalScroll(page);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the office manager cannot refuse without a reason, then approves', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, DESKTOP);
    await signIn(page, manager.email, manager.password);
    await page.goto('/lavoro-agile/accordi');
    await h1(page, 'Accordi di lavoro agile');
    const row = page.getByTestId('agreement-row').filter({ hasText: 'Anna Bianchi' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Richiesto');
    await expectAccessible(page, 'agreements to decide');

    await row.getByRole('button', { name: 'Respingi — Anna Bianchi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Respingere la richiesta di Anna Bianchi?' });
    await dialog.waitFor();
    await expectAccessible(page, 'refuse dialog');
    await dialog.getByRole('button', { name: 'Respingi' }).click();
    await dialog.getByText('Scrivi il motivo: lo riceverà il dipendente.').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await dialog.getByRole('button', { name: 'Annulla' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row.getByRole('button', { name: 'Approva — Anna Bianchi' }).click();
    const approve = page.getByRole('dialog', { name: 'Approvare l’accordo di Anna Bianchi?' });
    await approve.getByRole('button', { name: 'Approva' }).click();
    await page.getByText('Accordo di Anna Bianchi approvato.').waitFor();
    await page.getByText('Nessun accordo da mostrare.').waitFor(); // nothing left to decide
    await expectAccessible(page, 'agreements after approval');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the HR officer registers it and downloads the PDF', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, DESKTOP);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/accordi');
    await h1(page, 'Accordi di lavoro agile');
    const row = page.getByTestId('agreement-row').filter({ hasText: 'Anna Bianchi' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Approvato');
    await row.getByRole('button', { name: 'Registra — Anna Bianchi' }).click();
    const dialog = page.getByRole('dialog', { name: 'Registrare l’accordo di Anna Bianchi? Diventa efficace.' });
    await expectAccessible(page, 'register dialog');
    await dialog.getByRole('button', { name: 'Registra' }).click();
    await page.getByText('Accordo di Anna Bianchi registrato.').waitFor();

    await page.getByRole('button', { name: 'Registrati', exact: true }).click();
    const registered = page.getByTestId('agreement-row').filter({ hasText: 'Anna Bianchi' });
    await registered.getByRole('link', { name: 'Apri — Anna Bianchi' }).click();
    await h1(page, 'Accordo di Anna Bianchi');
    await page.locator('.rwa-timeline').getByText('Registrato').waitFor();
    const pdfHref = await page.getByRole('link', { name: 'Scarica il PDF' }).getAttribute('href');
    const pdf = await page.request.get(pdfHref!);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const docx = await page.request.get((await page.getByRole('link', { name: 'Scarica il DOCX modificabile' }).getAttribute('href'))!);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString('latin1')).toBe('PK');
    await expectAccessible(page, 'registered agreement (HR)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the employee sees the registered agreement and its history, in Italian and English', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, employee.email, employee.password);
    await page.goto(agreementUrl);
    await h1(page, 'Accordo di Anna Bianchi');
    await expect.poll(() => page.locator('.rwa-timeline li strong').allTextContents()).toEqual(['Richiesto', 'Informativa sulla sicurezza letta', 'Approvato', 'Registrato']);
    await page.getByRole('button', { name: 'Recedi' }).waitFor();
    await expectAccessible(page, 'registered agreement (employee, phone)');
    await noHorizontalScroll(page);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Agreement of Anna Bianchi');
    await expect.poll(() => page.locator('.rwa-timeline li strong').allTextContents()).toEqual(['Requested', 'Safety information read', 'Approved', 'Registered']);
    await expectAccessible(page, 'registered agreement in English (phone)');
    await page.getByRole('button', { name: 'Withdraw' }).click();
    const dialog = page.getByRole('dialog', { name: 'Withdrawal from the agreement of Anna Bianchi' });
    await dialog.getByText('Without a justified reason the notice is at least 30 days').waitFor();
    await expectAccessible(page, 'withdrawal dialog in English (phone)');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('HR drafts an agreement for an employee with a plan of days, then renews Anna’s from its page', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, DESKTOP);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/accordi');
    await h1(page, 'Accordi di lavoro agile');
    await page.getByRole('link', { name: 'Nuovo accordo per un dipendente' }).click();
    await h1(page, 'Nuovo accordo per un dipendente');
    // the employee picker: search by name, then choose
    await page.getByLabel('Cerca il dipendente').fill('Verdi');
    await page.getByText('Verdi Luca — Ufficio Tributi').click();
    await expect.poll(() => page.getByLabel('Verdi Luca — Ufficio Tributi').isChecked()).toBe(true);
    // no safety acknowledgement on the employee's behalf
    await expect.poll(() => page.locator('#rwa-safety').count()).toBe(0);

    // the plan of days: next month, whose second week is all inside the term
    await page.getByText('Concorda un calendario dei giorni in sede e in lavoro agile').click();
    const plan = page.locator('#rwa-plan');
    await plan.waitFor();
    await plan.getByRole('button', { name: 'Mese successivo' }).click();
    const week = plan.locator('tbody tr').nth(1).locator('button.rwa-plan-day');
    await expect.poll(() => week.count()).toBe(5);
    // keyboard: Space marks "agile", again "in sede", again clears
    const monday = week.nth(0);
    await monday.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => monday.getAttribute('aria-pressed')).toBe('true');
    expect(await monday.getAttribute('aria-label')).toMatch(/: agile$/);
    expect(await monday.textContent()).toContain('Agile');
    await page.keyboard.press('Enter');
    await expect.poll(() => monday.getAttribute('aria-label')).toMatch(/: in sede$/);
    expect(await monday.textContent()).toContain('Sede');
    await page.keyboard.press('Space');
    await expect.poll(() => monday.getAttribute('aria-pressed')).toBe('false');
    // three remote days in a week of at most two: the rules' message under the calendar
    for (const i of [0, 1, 2]) await week.nth(i).click();
    await plan.getByText(/il calendario ha 3 giorni di lavoro agile, oltre il massimo di 2\./).waitFor();
    await expect.poll(() => page.getByTestId('rwa-live').textContent()).toBe('Da correggere: 1.');
    await expectAccessible(page, 'HR draft with a plan beyond the weekly cap');
    await week.nth(2).click(); // Wednesday → in sede
    await expect.poll(() => week.nth(2).getAttribute('aria-label')).toMatch(/: in sede$/);
    await expect.poll(() => page.getByTestId('rwa-live').textContent()).toBe('Le condizioni rispettano le regole.');
    expect(await plan.getByTestId('rwa-plan-count').textContent()).toBe('Nel mese: 2 giorni agile, 1 in sede.');
    await expectAccessible(page, 'HR draft with a valid plan');
    await page.getByRole('button', { name: 'Prepara l’accordo' }).click();
    await h1(page, 'Accordo di Luca Verdi');
    await page.getByText('Accordo preparato.').waitFor();
    const drafted = await server.db.ownerTx((tx) =>
      tx.query<{ monthly_plan: Record<string, string> }>(`select a.monthly_plan from rw_agreements a join rw_employees e on e.id = a.employee_id where e.last_name = 'Verdi'`),
    );
    expect(Object.values(drafted.rows[0].monthly_plan).sort()).toEqual(['onsite', 'remote', 'remote']);

    // renewal of Anna's registered fixed-term agreement, prefilled from it
    await page.goto(agreementUrl);
    await h1(page, 'Accordo di Anna Bianchi');
    await page.getByRole('link', { name: 'Rinnova' }).click();
    await h1(page, 'Rinnovo dell’accordo di Anna Bianchi');
    await expect.poll(() => page.getByLabel('Giorni a settimana').inputValue()).toBe('2');
    await expect.poll(() => page.getByLabel('Strumenti di lavoro (facoltativo)').inputValue()).toBe('Computer portatile fornito dall’ente');
    const old = await server.db.ownerTx((tx) => tx.query<{ ends_on: string }>(`select to_char(ends_on, 'YYYY-MM-DD') as ends_on from rw_agreements where id = $1`, [agreementUrl.split('/').pop()]));
    const next = new Date(Date.parse(old.rows[0].ends_on) + 86_400_000).toISOString().slice(0, 10);
    await expect.poll(() => page.getByLabel('Primo giorno').inputValue()).toBe(next);
    await expectAccessible(page, 'renewal form (HR)');
    await page.getByRole('button', { name: 'Rinnova l’accordo' }).click();
    await page.getByText('Rinnovo chiesto: ecco il nuovo accordo.').waitFor();
    await h1(page, 'Accordo di Anna Bianchi');
    expect(new URL(page.url()).pathname).not.toBe(agreementUrl);
    await page.getByRole('link', { name: 'Rinnova un accordo precedente' }).waitFor();
    await expectAccessible(page, 'renewed agreement (HR)');
    expect(problems).toEqual([]);
    await context.close();
  });
});
