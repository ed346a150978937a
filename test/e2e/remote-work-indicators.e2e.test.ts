/**
 * The indicators' pages in a real browser: the HR officer of the Provincia di Lucca opens the
 * dashboard from "Lavoro agile", sets the target to 60% and sees the gap (and how many more people
 * it takes), the charts with their tables, another month, the CSV; on a phone and in English. A
 * Tuscany region officer compares the bodies of his region, then a province and Italy; an
 * employee is told the dashboard is not for him. Zero serious or critical axe violations.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createUser, organizationId } from '../auth-helpers.js';
import { PHONE, expectAccessible, h1, launchBrowser, newPage, signIn, startServer, type Server } from './harness.js';
import { addMonths, currentMonth, daysOfMonth } from '../../src/modules/remote-work/indicators/indicator-rules.js';
import { refreshIndicators } from '../../src/modules/remote-work/indicators/refresh-indicators.js';
import { insertAgreement, insertEmployee, insertOffice, insertPlanDays } from '../../src/modules/remote-work/indicators/indicators.test-support.js';

let server: Server;
let browser: Browser;
let hr: { email: string; password: string };
let officer: { email: string; password: string };
let employee: { email: string; password: string };
const CUR = currentMonth();
const PREV = addMonths(CUR, -1);
const monthIt = (m: string) => new Intl.DateTimeFormat('it-IT', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-15T12:00:00Z`));

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const province = await organizationId(server.db, '046');
  const city = await organizationId(server.db, '046017');
  hr = await createUser(server.db, { email: 'personale.indicatori@e2e.example', displayName: 'Paola Personale', organizationId: province, roles: ['hr_manager', 'body_admin'] });
  employee = await createUser(server.db, { email: 'dipendente.indicatori@e2e.example', displayName: 'Dario Dipendente', organizationId: province, roles: ['employee'] });
  officer = await createUser(server.db, { email: 'regione.indicatori@e2e.example', displayName: 'Rita Regione', organizationId: await organizationId(server.db, '09'), roles: ['region_officer'] });
  await server.db.ownerTx(async (tx) => {
    const urp = await insertOffice(tx, province, 'URP');
    const rag = await insertOffice(tx, province, 'RAG');
    const people = [await insertEmployee(tx, province, urp), await insertEmployee(tx, province, urp), await insertEmployee(tx, province, urp), await insertEmployee(tx, province, rag), await insertEmployee(tx, province, rag)];
    const reg = { status: 'registered' as const, endsOn: null, withdrawalEffectiveOn: null, registered: true, startsOn: `${PREV}-01` };
    await insertAgreement(tx, province, people[0], reg);
    await insertAgreement(tx, province, people[3], reg);
    const days = daysOfMonth(CUR).slice(0, 10);
    await insertPlanDays(
      tx,
      people.flatMap((e, i) => days.map((day, d) => ({ organizationId: province, employeeId: e, officeId: i < 3 ? urp : rag, day, kind: (i === 0 || i === 3) && d % 2 === 0 ? 'remote' : 'onsite' }))),
    );
    const cityOffice = await insertOffice(tx, city, 'SEG');
    const c = await insertEmployee(tx, city, cityOffice);
    await insertAgreement(tx, city, c, reg);
  });
  await refreshIndicators(server.db);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the body’s dashboard', () => {
  it('HR sets the target of 60%, sees the gap, the charts, another month and the CSV', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, hr.email, hr.password);
    await page.getByRole('navigation', { name: 'Navigazione principale' }).getByRole('link', { name: 'Lavoro agile' }).click();
    await h1(page, 'Lavoro agile');
    await page.getByRole('link', { name: /^Apri\s?: Indicatori del lavoro agile$/ }).click();
    await h1(page, 'Indicatori del lavoro agile');
    await page.getByRole('heading', { name: `In sintesi: ${monthIt(CUR)}` }).waitFor();
    const kpis = page.locator('.rwi-kpis');
    await expect.poll(() => kpis.textContent()).toContain('40%');
    expect(await kpis.textContent()).toContain('2 su 5 persone in servizio');
    expect(await kpis.textContent()).toContain('Obiettivo raggiunto'); // 30% by default
    await expectAccessible(page, 'indicators dashboard');

    await page.getByLabel('Obiettivo (% del personale)').fill('160');
    await page.getByRole('button', { name: 'Salva l’obiettivo' }).click();
    await page.getByText('Scrivi un numero da 0 a 100').waitFor();
    await page.getByLabel('Obiettivo (% del personale)').fill('60');
    await page.getByRole('button', { name: 'Salva l’obiettivo' }).click();
    await page.getByText('Obiettivo salvato: 60%').waitFor();
    await expectAccessible(page, 'target saved');
    await refreshIndicators(server.db); // the job's next run
    await page.reload();
    await page.getByText('Mancano 20 punti percentuali (persone con accordo ancora necessarie: 1)').waitFor();

    // charts are images with a name and a data table
    await page.getByRole('img', { name: /negli ultimi 12 mesi/ }).waitFor();
    await page.getByRole('img', { name: /per ufficio/ }).waitFor();
    await page.getByRole('img', { name: /per giorno/ }).waitFor();
    await expect.poll(() => page.locator('table').count()).toBeGreaterThanOrEqual(3);

    // the CSV downloads answer with the figures
    const href = await page.getByRole('link', { name: /^Uffici, / }).getAttribute('href');
    const csv = await page.request.get(href!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('URP;Ufficio URP;3;');

    await page.getByRole('button', { name: 'Mese precedente' }).click();
    await page.getByRole('heading', { name: `In sintesi: ${monthIt(PREV)}` }).waitFor();
    await page.getByText('Nessun giorno pianificato in questo mese.').waitFor();
    await expectAccessible(page, 'previous month');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('works on a phone and in English', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/indicatori');
    await h1(page, 'Indicatori del lavoro agile');
    await page.getByRole('img', { name: /negli ultimi 12 mesi/ }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'dashboard (phone)');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await h1(page, 'Remote-work indicators');
    await page.getByText('20 percentage points to go (more people with an agreement needed: 1)').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'dashboard in English (phone)');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('tells an employee the dashboard is not for him', async () => {
    const { context, page } = await newPage(browser, server.baseUrl);
    await signIn(page, employee.email, employee.password);
    await page.goto('/lavoro-agile/indicatori');
    await h1(page, 'Indicatori del lavoro agile');
    await page.getByRole('alert').getByText('Gli indicatori dell’ente li vedono l’ufficio del personale').waitFor();
    await expectAccessible(page, 'dashboard refused');
    await context.close();
  });
});

describe('the territory', () => {
  it('a region officer compares the bodies of Tuscany, then a province and Italy', async () => {
    const { context, page, problems } = await newPage(browser, server.baseUrl);
    await signIn(page, officer.email, officer.password);
    await page.goto('/lavoro-agile');
    await page.getByRole('link', { name: /^Apri\s?: Lavoro agile nel territorio$/ }).click();
    await h1(page, 'Lavoro agile nel territorio');
    // his region by default
    await page.getByRole('heading', { name: `Toscana: ${monthIt(CUR)}` }).waitFor();
    const table = page.getByRole('table', { name: /enti, / });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.nth(0).textContent()).toContain('Lucca'); // the city, 100%
    expect(await rows.nth(1).textContent()).toContain('Provincia di Lucca');
    expect(await rows.nth(1).textContent()).toContain('−20 punti');
    await page.getByRole('img', { name: /per provincia/ }).waitFor();
    await expectAccessible(page, 'territory: region with bodies');

    await page.getByLabel('Ambito').selectOption('province');
    await page.getByLabel('Provincia', { exact: true }).selectOption({ label: 'Provincia di Lucca' });
    await page.getByRole('heading', { name: `Provincia di Lucca: ${monthIt(CUR)}` }).waitFor();
    // the heading changes first: wait for the province's rows, not the region's still on screen
    await expect.poll(() => page.getByRole('table', { name: /enti, / }).locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'territory: province');

    await page.getByLabel('Ambito').selectOption('nation');
    await page.getByRole('heading', { name: `Italia: ${monthIt(CUR)}` }).waitFor();
    await page.getByRole('img', { name: /per regione/ }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Gli enti a confronto' }).count()).toBe(0);
    await expectAccessible(page, 'territory: Italy');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('an HR officer sees Italy’s figures but not the bodies one by one', async () => {
    const { context, page } = await newPage(browser, server.baseUrl, PHONE);
    await signIn(page, hr.email, hr.password);
    await page.goto('/lavoro-agile/indicatori/territorio?livello=region&regione=09');
    await page.getByRole('heading', { name: `Toscana: ${monthIt(CUR)}` }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Gli enti a confronto' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await expectAccessible(page, 'territory (phone, HR)');
    await context.close();
  });
});
