/**
 * The HR officer's remote-work pages in a real browser: the "Lavoro agile" home from the main
 * navigation, offices (create, coverage per weekday with a front-desk minimum, a minimum above
 * the office refused on the page, activities), the CSV import (a file with errors shows every
 * row's errors and no import button; a clean file imports), the employees' list and form, the
 * export, closures, the phone layout, English — and zero serious or critical axe violations on
 * every page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createUser, organizationId } from '../auth-helpers.js';
import { makeCodiceFiscale } from '../../src/modules/remote-work/offices/codice-fiscale.js';
import { PHONE, expectAccessible, h1, launchBrowser, newPage, signIn, startServer, type Server } from './harness.js';

let server: Server;
let browser: Browser;
let hr: { email: string; password: string };

const HEADER = 'codice_fiscale;nome;cognome;email;codice_ufficio;competenze;giorni_preferiti;lavoratore_fragile';
const person = (surname: string, name: string, birthDate: string, sex: 'M' | 'F' = 'F') => makeCodiceFiscale({ surname, name, birthDate, sex, placeCode: 'E715' });
const PEOPLE = [
  [person('Pardini', 'Giulia', '1980-03-04'), 'Giulia', 'Pardini', 'giulia.pardini@provincia.lucca.it', 'URP', 'sportello', 'lun,mer', 'no'],
  [person('Nieri', 'Sara', '1975-06-07'), 'Sara', 'Nieri', '', 'URP', 'sportello', 'ven', 'no'],
  [person('Guidi', 'Marco', '1969-09-10', 'M'), 'Marco', 'Guidi', '', 'urp', '', '', 'sì'],
  [person('Bertini', 'Elena', '1988-12-01'), 'Elena', 'Bertini', '', 'URP', '', 'mar', 'no'],
  [person('Lenzi', 'Paolo', '1990-01-15', 'M'), 'Paolo', 'Lenzi', '', 'TRIB', 'sportello', '', 'no'],
];
const CLEAN = [HEADER, ...PEOPLE.map((p) => p.join(';'))].join('\r\n') + '\r\n';
const WITH_ERRORS = [
  HEADER,
  PEOPLE[0].join(';'),
  `${PEOPLE[0][0]};Giulia;Pardini;;URP;;;no`, // the same tax code again
  'RSSMRA85T10A562T;Mario;Rossi;;URP;;;no', // wrong check character
  `${person('Blu', 'Ada', '1970-01-01')};Ada;Blu;ada@;NESSUNO;;;forse`, // e-mail, office, yes/no
].join('\r\n');

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const lucca = await organizationId(server.db, '046');
  hr = await createUser(server.db, { email: 'personale@e2e.example', displayName: 'Marta Personale', organizationId: lucca, roles: ['hr_manager', 'body_admin'] });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function createOffice(page: Page, code: string, name: string) {
  await page.goto('/lavoro-agile/uffici');
  await h1(page, 'Uffici e presidio');
  await page.getByLabel('Codice dell’ufficio').fill(code);
  await page.getByLabel('Nome dell’ufficio').fill(name);
  await page.getByRole('button', { name: 'Crea l’ufficio' }).click();
  await h1(page, `${name} (${code})`);
}

async function upload(page: Page, name: string, text: string) {
  await page.locator('#import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
}

describe('the HR officer’s remote-work pages', () => {
  it('goes from the navigation to the home, creates offices and imports the employees (errors first, then a clean file)', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, hr.email, hr.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoro agile' }).click();
    await h1(page, 'Lavoro agile');
    // this area's cards come first; the other areas add theirs after
    const cards = page.getByTestId('rw-cards').getByRole('heading', { level: 2 });
    await expect.poll(async () => (await cards.allTextContents()).slice(0, 4)).toEqual(['Uffici e presidio', 'Dipendenti', 'Importa da CSV', 'Chiusure dell’ente']);
    await expectAccessible(page, 'remote-work home');

    await page.getByTestId('rw-cards').getByRole('link', { name: /Uffici e presidio/ }).click();
    await h1(page, 'Uffici e presidio');
    await page.getByText('L’ente non ha ancora uffici.').waitFor();
    await expectAccessible(page, 'offices (empty)');
    // a bad code is refused on the page, linked to its field
    await page.getByLabel('Codice dell’ufficio').fill('con spazi');
    await page.getByLabel('Nome dell’ufficio').fill('Prova');
    await page.getByRole('button', { name: 'Crea l’ufficio' }).click();
    await expect.poll(() => page.getByLabel('Codice dell’ufficio').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'offices (field error)');

    await createOffice(page, 'URP', 'Ufficio Relazioni con il Pubblico');
    await expectAccessible(page, 'office page (new)');
    await createOffice(page, 'TRIB', 'Tributi');

    // the import: a file with errors shows every row's errors and no import button
    await page.goto('/lavoro-agile/dipendenti/importa');
    await h1(page, 'Importa i dipendenti da CSV');
    await expectAccessible(page, 'import (empty)');
    await upload(page, 'con-errori.csv', WITH_ERRORS);
    await page.getByRole('heading', { name: 'Il file «con-errori.csv» contiene errori' }).waitFor();
    const table = page.getByRole('table', { name: /Righe del file/ });
    await expect.poll(() => table.getByRole('row').count()).toBe(4); // header + the 3 rows with errors (only errors shown first)
    const text = (await table.textContent()) ?? '';
    expect(text).toContain('codice fiscale ripetuto: compare già alla riga 2');
    expect(text).toContain('carattere di controllo errato');
    expect(text).toContain('ufficio «NESSUNO» sconosciuto');
    expect(text).toContain('indirizzo e-mail non valido');
    await expect.poll(() => page.getByRole('button', { name: /^Importa \d+ dipendenti$/ }).count()).toBe(0);
    await page.getByText('Nulla è stato importato.').waitFor();
    await expectAccessible(page, 'import preview with errors');
    // every row, errors or not
    await page.locator('label[for=only-errors]').click(); // bootstrap-italia draws the box on the label
    await expect.poll(() => table.getByRole('row').count()).toBe(5);

    // a clean file: preview, then the import
    await upload(page, 'dipendenti.csv', CLEAN);
    await page.getByRole('heading', { name: 'Il file «dipendenti.csv» è corretto' }).waitFor();
    await expectAccessible(page, 'import preview clean');
    await page.getByRole('button', { name: 'Importa 5 dipendenti' }).click();
    await page.getByRole('heading', { name: 'Importazione di «dipendenti.csv» completata' }).waitFor();
    await page.getByText('Importazione completata: 5 dipendenti nuovi, 0 aggiornati, 0 invariati.').waitFor();
    await expectAccessible(page, 'import done');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('sets the front desk coverage of an office, refusing a minimum above its people on the page and on the server', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/uffici');
    await page.getByRole('link', { name: 'Ufficio Relazioni con il Pubblico' }).click();
    await h1(page, 'Ufficio Relazioni con il Pubblico (URP)');
    const monday = page.getByLabel('Lunedì: persone in sede in tutto');
    await monday.fill('3');
    await page.getByLabel('Lunedì: persone in sede con competenza sportello').fill('2');
    await page.getByRole('button', { name: 'Salva il presidio' }).click();
    await page.getByText('Presidio salvato.').waitFor();
    await expectAccessible(page, 'office with coverage');

    // more than the 4 people of the office: refused before sending, linked to the cell
    const tuesday = page.getByLabel('Martedì: persone in sede in tutto');
    await tuesday.fill('9');
    await page.getByRole('button', { name: 'Salva il presidio' }).click();
    await expect.poll(() => tuesday.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'Martedì: l’ufficio ne ha solo 4' }).waitFor();
    await expectAccessible(page, 'coverage with a refused cell');
    await tuesday.fill('0');

    // activities
    await page.getByRole('button', { name: 'Aggiungi un’attività' }).click();
    await page.getByLabel('Nome dell’attività 1', { exact: true }).fill('Sportello al pubblico');
    await page.locator('label[for=act-remote-0]').click();
    await expect.poll(() => page.getByLabel('Si può svolgere da remoto — Sportello al pubblico').isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Salva le attività' }).click();
    await page.getByText('Attività salvate.').waitFor();
    await expectAccessible(page, 'office with activities');

    // the people the coverage needs cannot be deactivated
    await page.getByRole('link', { name: 'Vedi le persone dell’ufficio' }).click();
    await h1(page, 'Dipendenti');
    await page.getByRole('cell', { name: 'Ufficio Relazioni con il Pubblico' }).first().waitFor();
    await expect.poll(() => page.getByRole('table').getByRole('row').count()).toBe(5); // header + 4 people of the URP
    await expectAccessible(page, 'employees of the office');
    await page.getByRole('link', { name: 'Nieri Sara' }).click();
    await h1(page, 'Nieri Sara');
    await expectAccessible(page, 'employee form');
    await page.locator('label[for=emp-active]').click();
    await expect.poll(() => page.getByLabel('Attivo', { exact: true }).isChecked()).toBe(false);
    await page.getByRole('button', { name: 'Salva le modifiche' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'presidio' });
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Il presidio minimo richiesto supera le persone disponibili');
    await expectAccessible(page, 'employee form refused');

    // an absence
    await page.getByLabel('Dal giorno').fill(`${new Date().getFullYear()}-12-28`);
    await page.getByRole('button', { name: 'Registra l’assenza' }).click();
    await page.getByText('Assenza registrata: 1 giorni.').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('exports what was imported, keeps closures, and works on a phone and in English', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/dipendenti');
    await h1(page, 'Dipendenti');
    await page.getByRole('link', { name: 'Pardini Giulia' }).waitFor();
    const href = await page.getByRole('link', { name: 'Esporta in CSV' }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    const body = await csv.text();
    expect(body.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe(HEADER);
    expect(body).toContain(`${PEOPLE[0][0]};Giulia;Pardini;giulia.pardini@provincia.lucca.it;URP;sportello;lun,mer;no`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'employees on a phone');

    await page.goto('/lavoro-agile/chiusure');
    await h1(page, 'Chiusure dell’ente');
    const day = `${new Date().getFullYear() + 1}-08-14`;
    await page.getByLabel('Giorno').fill(day);
    await page.getByLabel('Motivo (facoltativo)').fill('Chiusura estiva');
    await page.getByRole('button', { name: 'Aggiungi la chiusura' }).click();
    await page.getByText(`Chiusura del ${day} aggiunta.`).waitFor();
    await page.getByRole('cell', { name: 'Chiusura estiva' }).waitFor();
    await expectAccessible(page, 'closures on a phone');

    for (const [path, title] of [
      ['/lavoro-agile/uffici', 'Uffici e presidio'],
      ['/lavoro-agile/dipendenti/importa', 'Importa i dipendenti da CSV'],
      ['/lavoro-agile/dipendenti/nuovo', 'Nuovo dipendente'],
    ]) {
      await page.goto(path);
      await h1(page, title);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(PHONE.width);
      await expectAccessible(page, `${path} on a phone`);
    }
    await page.goto('/lavoro-agile/uffici');
    await page.getByRole('link', { name: 'Ufficio Relazioni con il Pubblico' }).click();
    await h1(page, 'Ufficio Relazioni con il Pubblico (URP)');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'office on a phone');

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Ufficio Relazioni con il Pubblico (URP)');
    await page.getByRole('heading', { level: 2, name: 'Minimum on site' }).waitFor();
    await page.goto('/lavoro-agile');
    await h1(page, 'Remote work');
    await expectAccessible(page, 'remote-work home in English');
    expect(problems).toEqual([]);
    await context.close();
  });
});
