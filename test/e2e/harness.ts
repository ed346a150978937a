/**
 * Browser-test harness: the real server in-process on 127.0.0.1 (random port) over a fresh test
 * database, Debian's Chromium through playwright-core, and an axe-core check for every page.
 */
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'vitest';
import { buildApp } from '../../src/app/build-app.js';
import { createMailer } from '../../src/platform/mail/index.js';
import { createTestDb, testConfig } from '../helpers.js';
import type { Db } from '../../src/platform/db/index.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Server {
  baseUrl: string;
  db: Db;
  close(): Promise<void>;
}

export async function startServer(): Promise<Server> {
  const db = await createTestDb();
  const config = testConfig();
  const app = await buildApp({ config, db, mailer: createMailer(config) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    db,
    close: async () => {
      await app.close();
      await db.close();
      fs.rmSync(config.dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 375, height: 812 };

/** A fresh context (own cookies) whose page fails the test on CSP violations and uncaught errors. */
export async function newPage(browser: Browser, baseUrl: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  // reduced motion: no CSS transitions, so axe never measures a colour halfway through one
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'it-IT', timezoneId: 'Europe/Rome', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(`csp: ${text}`);
  });
  page.on('requestfailed', (r) => {
    if (!r.url().startsWith(baseUrl)) problems.push(`external request: ${r.url()}`);
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(baseUrl) && !u.startsWith('data:')) problems.push(`external request: ${u}`);
  });
  return { context, page, problems };
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Runs axe on the page and fails on any serious or critical violation, printing them. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (bad.length) {
    const report = bad
      .map((v) => `[${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `   ${n.target.join(' ')} — ${n.failureSummary?.split('\n').join(' ')}`).join('\n')}`)
      .join('\n');
    console.error(`axe violations on ${name} (${page.url()}):\n${report}`);
  }
  expect(bad.map((v) => `${v.id} (${v.nodes.length})`), `serious/critical axe violations on ${name}`).toEqual([]);
}

/** Signs in through the form and waits for the home page. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/accedi');
  await page.getByLabel('Indirizzo e-mail').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('heading', { level: 1, name: /Benvenuto/ }).waitFor();
}

/** Waits until the page's only h1 reads `text` (lazy pages show a spinner first) and returns it. */
export async function h1(page: Page, text: string): Promise<string> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  expect(await page.locator('h1').count(), 'exactly one h1').toBe(1);
  return (await page.locator('h1').textContent())?.trim() ?? '';
}
