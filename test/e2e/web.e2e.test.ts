/**
 * The web app in a real browser: sign-in (wrong then right password, keyboard only), directory
 * search with and without accents, a platform admin creating a union, sign-out, the phone layout,
 * and zero serious or critical axe violations on every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, organizationId } from '../auth-helpers.js';
import { PHONE, expectAccessible, h1, launchBrowser, newPage, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let admin: { email: string; password: string };
let bodyAdmin: { email: string; password: string };
let employee: { email: string; password: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const aglie = await organizationId(server.db, '001001');
  const lucca = await organizationId(server.db, '046');
  admin = await createUser(server.db, { email: 'operatore@e2e.example', displayName: 'Paola Operatrice', organizationId: lucca, roles: ['platform_admin'] });
  bodyAdmin = await createUser(server.db, { email: 'segretaria@e2e.example', displayName: 'Maria Segretaria', organizationId: aglie, roles: ['body_admin', 'council_secretary'] });
  employee = await createUser(server.db, { email: 'dipendente@e2e.example', displayName: 'Luca Dipendente', organizationId: aglie, roles: ['employee'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('sign-in', () => {
  it('refuses a wrong password with an announced Italian error, then signs in', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await page.goto('/');
    await page.waitForURL('**/accedi');
    await h1(page, 'Accedi');
    await expectAccessible(page, 'sign-in');

    // empty form: errors linked to the fields
    await page.getByRole('button', { name: 'Accedi' }).click();
    const email = page.getByLabel('Indirizzo e-mail');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
    expect(await page.locator(`#${describedBy.split(' ')[0]}`).textContent()).toContain('Scrivi il tuo indirizzo e-mail');
    await expectAccessible(page, 'sign-in with field errors');

    await email.fill(employee.email);
    await page.getByLabel('Password', { exact: true }).fill('password-sbagliata');
    await page.getByRole('button', { name: 'Accedi' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Accesso non riuscito' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/credenziali|password|e-mail/i);
    await expectAccessible(page, 'sign-in with server error');

    await page.getByLabel('Password', { exact: true }).fill(employee.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await h1(page, 'Benvenuto, Luca Dipendente');
    expect(page.url()).toBe(`${server.baseUrl}/`);
    // the employee sees only what exists for them
    const cards = page.getByTestId('home-cards').getByRole('heading', { level: 2 });
    await expect.poll(() => cards.allTextContents()).toEqual(['Elenco degli enti', 'Il mio ente', 'Token API personali']);
    await expectAccessible(page, 'home (employee)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works with the keyboard only (Tab / Enter), starting from the skip link', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await page.goto('/accedi');
    await h1(page, 'Accedi');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Vai al contenuto principale');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'signin-email') {
      await page.keyboard.press('Tab');
      if (++steps > 15) throw new Error('the e-mail field is not reachable with Tab');
    }
    await page.keyboard.type(bodyAdmin.email);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('signin-password');
    await page.keyboard.type(bodyAdmin.password);
    await page.keyboard.press('Enter');
    await h1(page, 'Benvenuto, Maria Segretaria');
    // focus is visible: the focused element has an outline
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(outline).not.toBe('none');
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('directory, bodies, people, audit, tokens (body admin and platform admin)', () => {
  it('finds "Agliè" when searching "Aglie" and opens its record', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, bodyAdmin.email, bodyAdmin.password);
    await page.screenshot({ path: '/tmp/agilepa-home-desktop.png', fullPage: true });
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Enti' }).click();
    await h1(page, 'Elenco degli enti');
    await page.locator('table caption').waitFor();
    await expectAccessible(page, 'directory');
    await page.getByLabel('Cerca un ente').fill('Aglie');
    await page.waitForURL(/q=Aglie/);
    const link = page.getByRole('table').getByRole('link', { name: 'Agliè' });
    await link.waitFor();
    await page.screenshot({ path: '/tmp/agilepa-directory-desktop.png', fullPage: true });
    await expectAccessible(page, 'directory with results');

    // nothing found: an empty state, not an empty table
    await page.getByLabel('Cerca un ente').fill('zq');
    await page.getByText('Nessun ente corrisponde alla ricerca').waitFor();
    await expectAccessible(page, 'directory empty');

    await page.getByLabel('Cerca un ente').fill('Aglie');
    await link.click();
    await h1(page, 'Agliè');
    await page.getByText('001001').waitFor();
    await expectAccessible(page, 'body record');

    // the body admin manages the people of their body
    await page.getByRole('link', { name: 'Persone dell’ente' }).click();
    await h1(page, 'Persone di Agliè');
    await page.getByRole('cell', { name: employee.email }).waitFor();
    await expectAccessible(page, 'members');
    await page.getByLabel('Indirizzo e-mail').fill('nuovo.collega@e2e.example');
    await page.getByLabel('Nome e cognome').fill('Nuovo Collega');
    // bootstrap-italia draws the box on the label: click it as a person would, then check the state
    await page.locator('label', { hasText: 'Responsabile d’ufficio' }).first().click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Responsabile d’ufficio' }).first().isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Aggiungi', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Nuovo Collega è stato aggiunto' }).waitFor();
    await page.getByRole('cell', { name: 'nuovo.collega@e2e.example' }).waitFor();
    await expectAccessible(page, 'members after adding');

    // the audit log of the body
    await page.goto('/registro-attivita');
    await h1(page, 'Registro attività');
    // adding the colleague was recorded
    const row = page.getByRole('row').filter({ has: page.locator('pre', { hasText: 'nuovo.collega@e2e.example' }) }).first();
    await row.waitFor();
    await row.getByText('Mostra prima e dopo').click();
    await row.locator('pre', { hasText: 'nuovo.collega@e2e.example' }).first().waitFor();
    await page.getByRole('button', { name: 'Verifica l’integrità' }).click();
    await page.getByRole('status').filter({ hasText: 'Registro integro' }).waitFor();
    await expectAccessible(page, 'audit log');

    // personal API tokens: shown once
    await page.goto('/profilo/token');
    await h1(page, 'Token API personali');
    await page.getByLabel('Nome del token').fill('protocollo');
    await page.getByLabel('Durata').selectOption('365');
    await page.getByRole('button', { name: 'Crea il token' }).click();
    const token = page.getByTestId('new-token');
    await token.waitFor();
    expect(((await token.textContent()) ?? '').length).toBeGreaterThan(20);
    // the expiry is shown at creation and in the list (a year at most)
    await page.getByText(/^Scade il \d{1,2} \p{L}+ \d{4}\.$/u).waitFor();
    await page.getByRole('rowheader', { name: 'protocollo' }).waitFor();
    expect(await page.getByRole('row').filter({ hasText: 'protocollo' }).textContent()).not.toContain('senza scadenza');
    await expectAccessible(page, 'tokens');

    await page.goto('/pagina-che-non-esiste');
    await h1(page, 'Pagina non trovata');
    await expectAccessible(page, 'not found');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a platform admin create a union, with field errors from the client and the server', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, admin.email, admin.password);
    const cards = page.getByTestId('home-cards').getByRole('heading', { level: 2 });
    await expect.poll(() => cards.allTextContents()).toEqual(expect.arrayContaining(['Elenco degli enti', 'Nuovo ente', 'Registro attività', 'Posta in uscita']));
    await expectAccessible(page, 'home (platform admin)');

    await page.goto('/enti/nuovo');
    await h1(page, 'Nuovo ente');
    await expectAccessible(page, 'create body');
    await page.getByLabel('Tipo di ente').selectOption('union_of_municipalities');
    await page.getByLabel('Nome', { exact: true }).fill('Unione Montana Valle di Prova');
    await page.getByLabel('Codice fiscale (facoltativo)').fill('123');
    await page.getByRole('button', { name: 'Crea l’ente' }).click();
    const tax = page.getByLabel('Codice fiscale (facoltativo)');
    await expect.poll(() => tax.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await expectAccessible(page, 'create body with errors');

    // 30 February: the form checks the day with the server's own rule (organization-rules.ts), before sending
    await tax.fill('');
    await page.getByLabel('Festa del santo patrono (facoltativo)').fill('02-30');
    await page.getByRole('button', { name: 'Crea l’ente' }).click();
    await page.getByText('Scrivi un giorno che esiste, nel formato MM-GG (per esempio 06-24).').waitFor();
    await expect.poll(() => page.getByLabel('Festa del santo patrono (facoltativo)').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => tax.getAttribute('aria-invalid')).not.toBe('true');

    await page.getByLabel('Festa del santo patrono (facoltativo)').fill('06-24');
    await page.getByRole('button', { name: 'Crea l’ente' }).click();
    await h1(page, 'Unione Montana Valle di Prova');
    await page.getByText('Unione di comuni').first().waitFor();
    await page.getByText('24 giugno').waitFor();
    await expectAccessible(page, 'created body');

    // it is in the directory
    await page.goto('/enti?q=valle%20di%20prova');
    await page.getByRole('table').getByRole('link', { name: 'Unione Montana Valle di Prova' }).waitFor();

    await page.goto('/posta-in-uscita');
    await h1(page, 'Posta in uscita');
    // the password-reset mail of the forgotten-password test may or may not be there yet: a table or the empty state
    await page.locator('table caption, .empty-state').first().waitFor();
    await expectAccessible(page, 'outbox');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('switches to English and back, remembering the choice', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, employee.email, employee.password);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Welcome, Luca Dipendente');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await page.reload();
    await h1(page, 'Welcome, Luca Dipendente');
    await expectAccessible(page, 'home in English');
    await page.getByRole('button', { name: 'Passa all’italiano' }).click();
    await h1(page, 'Benvenuto, Luca Dipendente');
    await context.close();
  });

  it('signs out, and the pages then ask to sign in again', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, employee.email, employee.password);
    await page.getByRole('button', { name: 'Esci', exact: true }).click();
    await h1(page, 'Accedi');
    await page.getByRole('status').filter({ hasText: 'Sei uscito da Agile PA' }).waitFor();
    await page.goto('/enti');
    await page.waitForURL(/\/accedi\?next=%2Fenti/);
    // signing in again goes back to the page asked for
    await page.getByLabel('Indirizzo e-mail').fill(employee.email);
    await page.getByLabel('Password', { exact: true }).fill(employee.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await h1(page, 'Elenco degli enti');
    // sign out of every device: another context's session ends too
    const other = await newPage(browser, server.baseUrl);
    await signIn(other.page, employee.email, employee.password);
    await page.getByRole('button', { name: 'Esci da tutti i dispositivi' }).click();
    await h1(page, 'Accedi');
    await other.page.goto('/enti');
    await other.page.waitForURL(/\/accedi/);
    await other.context.close();
    await context.close();
  });

  it('shows the forgotten-password and reset pages accessibly', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await page.goto('/accedi');
    await page.getByRole('link', { name: 'Password dimenticata?' }).click();
    await h1(page, 'Password dimenticata');
    await expectAccessible(page, 'forgotten password');
    await page.getByLabel('Indirizzo e-mail').fill(employee.email);
    await page.getByRole('button', { name: 'Invia il collegamento' }).click();
    await page.getByRole('status').filter({ hasText: 'riceverai a breve' }).waitFor();
    await page.goto('/reimposta-password?token=non-valido-0123456789');
    await h1(page, 'Scegli una nuova password');
    await expectAccessible(page, 'reset password');
    // the rule is said once, above the form
    await expect.poll(() => page.getByText('Scegli una password di almeno 12 caratteri che non usi altrove.').count()).toBe(1);
    // checked in the page before sending: the two must match, and the focus goes to the second
    const repeat = page.getByLabel('Ripeti la nuova password');
    await page.getByLabel('Nuova password', { exact: true }).fill('una-password-lunga');
    await repeat.fill('un-altra-password');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByText('Le due password non coincidono.').waitFor();
    await expect.poll(() => repeat.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await repeat.getAttribute('aria-invalid')).toBe('true');
    await repeat.fill('una-password-lunga');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'reset password refused');
    await context.close();
  });
});

describe('accounts: editing a body, disabling a person, changing one’s password', () => {
  it('lets the body admin edit the body’s contacts and patron day, and disable then enable a person', async () => {
    const aglie = await organizationId(server.db, '001001');
    const leaving = await createUser(server.db, { email: 'in.uscita@e2e.example', displayName: 'Ugo Uscente', organizationId: aglie, roles: ['employee'] });
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    page.on('dialog', (d) => void d.accept());
    await signIn(page, bodyAdmin.email, bodyAdmin.password);
    await page.goto(`/enti/${aglie}`);
    await page.getByRole('link', { name: 'Modifica i dati dell’ente' }).click();
    await h1(page, 'Modifica: Agliè');
    await expectAccessible(page, 'edit body');
    // only the day: refused in the page, focus on the day
    await page.getByLabel('Giorno della festa del patrono').selectOption('9');
    await page.getByLabel('Mese della festa del patrono').selectOption('');
    await page.getByRole('button', { name: 'Salva i dati' }).click();
    await expect.poll(() => page.getByLabel('Giorno della festa del patrono').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Mese della festa del patrono').selectOption('9');
    await page.getByLabel('Sito web').fill('https://www.comune.aglie.to.it');
    await page.getByRole('button', { name: 'Salva i dati' }).click();
    await page.getByRole('status').filter({ hasText: 'Dati dell’ente salvati' }).waitFor();
    await page.getByText('9 settembre').waitFor();
    await page.getByRole('link', { name: 'https://www.comune.aglie.to.it' }).waitFor();
    await expectAccessible(page, 'body record after edit');

    await page.goto(`/enti/${aglie}/persone`);
    const row = page.getByRole('row').filter({ hasText: leaving.email });
    await row.getByRole('button', { name: 'Disattiva — Ugo Uscente' }).click();
    await page.getByRole('status').filter({ hasText: 'L’account di Ugo Uscente è disattivato' }).waitFor();
    await row.getByRole('cell', { name: 'Disattivato' }).waitFor();
    await expectAccessible(page, 'members with a disabled account');
    const refused = await page.request.post('/api/v1/auth/login', { data: { email: leaving.email, password: leaving.password } });
    expect(refused.status()).toBe(401);
    await row.getByRole('button', { name: 'Riattiva — Ugo Uscente' }).click();
    await page.getByRole('status').filter({ hasText: 'di nuovo attivo' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets a person change her password: the wrong current one is named, the new one works', async () => {
    const aglie = await organizationId(server.db, '001001');
    const p = await createUser(server.db, { email: 'cambia.password@e2e.example', displayName: 'Carla Cambia', organizationId: aglie, roles: ['employee'] });
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, p.email, p.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Cambia password' }).click();
    await h1(page, 'Cambia la tua password');
    await expectAccessible(page, 'change password');
    // the rule is the new password's hint
    const newPassword = page.getByLabel('Nuova password', { exact: true });
    const hintId = ((await newPassword.getAttribute('aria-describedby')) ?? '').split(' ').pop();
    expect(await page.locator(`#${hintId}`).textContent()).toBe('Scegli una password di almeno 12 caratteri che non usi altrove.');
    // too short: refused in the page, next to the field, which takes the focus
    await page.getByLabel('Password attuale').fill('non-e-questa-2026');
    await newPassword.fill('corta');
    await page.getByRole('button', { name: 'Cambia la password' }).click();
    await page.getByText('La password deve avere almeno 12 caratteri.').waitFor();
    await expect.poll(() => newPassword.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await newPassword.getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Nuova password', { exact: true }).fill('nuova-password-sicura-2026');
    await page.getByLabel('Ripeti la nuova password').fill('nuova-password-sicura-2026');
    await page.getByRole('button', { name: 'Cambia la password' }).click();
    await expect.poll(() => page.getByLabel('Password attuale').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'change password with error');
    await page.getByLabel('Password attuale').fill(p.password);
    await page.getByRole('button', { name: 'Cambia la password' }).click();
    await page.getByRole('status').filter({ hasText: 'Password cambiata' }).waitFor();
    const ok = await page.request.post('/api/v1/auth/login', { data: { email: p.email, password: 'nuova-password-sicura-2026' } });
    expect(ok.status()).toBe(200);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('on a phone (375×812)', () => {
  it('the directory is usable: a list instead of a table, no horizontal scrolling, menu by button', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, bodyAdmin.email, bodyAdmin.password);
    await page.screenshot({ path: '/tmp/agilepa-home-phone.png', fullPage: true });
    await expectAccessible(page, 'home (phone)');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Enti' }).click();
    await h1(page, 'Elenco degli enti');
    await page.getByLabel('Cerca un ente').fill('Aglie');
    const item = page.getByRole('list', { name: 'Risultati della ricerca' }).getByRole('link', { name: 'Agliè' });
    await item.waitFor();
    expect(await page.getByRole('table').isVisible()).toBe(false);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const box = await item.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(20);
    await page.screenshot({ path: '/tmp/agilepa-directory-phone.png', fullPage: true });
    await expectAccessible(page, 'directory (phone)');
    await item.click();
    await h1(page, 'Agliè');
    expect(problems).toEqual([]);
    await context.close();
  });
});

