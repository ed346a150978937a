/**
 * The common start of the videoconference browser tests: the server and the browser; Agliè and
 * Airasca; a platform administrator, who creates an association through the API; the
 * association's operator (provider staff) and Agliè's council secretary. Each test file names its
 * people under its own e-mail domain, so that the files never share an account.
 */
import type { Browser } from 'playwright-core';
import { expect } from 'vitest';
import { createUser, organizationId, type TestUser } from '../auth-helpers.js';
import { launchBrowser, startServer, type Server } from './harness.js';

/** A caller of the API as one person: the answer's status, its body as text, and as JSON when it is JSON. */
export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: any; text: string }>;

/** Signs in through the API and returns a caller with the session cookie and the CSRF token. */
export async function apiAs(baseUrl: string, email: string, password: string): Promise<Call> {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return async (method, path, body) => {
    const r = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    return { status: r.status, text, json: text && r.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
  };
}

export interface ConferencingSetup {
  server: Server;
  browser: Browser;
  aglie: string;
  airasca: string;
  admin: TestUser;
  associationId: string;
  operator: TestUser;
  secretary: TestUser;
  /** A caller of this server's API as the person with `email` and `password`. */
  apiAs(email: string, password: string): Promise<Call>;
}

/**
 * Starts the server and the browser and creates the people. `domain` is the people's e-mail
 * domain (admin@, operatore@, segretaria@); when a step fails, what was started is closed.
 */
export async function setUpConferencing(names: { domain: string; association: string; operatorName: string }): Promise<ConferencingSetup> {
  const server = await startServer();
  let browser: Browser | undefined;
  try {
    browser = await launchBrowser();
    const caller = (email: string, password: string) => apiAs(server.baseUrl, email, password);
    const aglie = await organizationId(server.db, '001001');
    const airasca = await organizationId(server.db, '001002');
    const admin = await createUser(server.db, { email: `admin@${names.domain}`, organizationId: await organizationId(server.db, '046'), roles: ['platform_admin'] });
    const asAdmin = await caller(admin.email, admin.password);
    const assoc = await asAdmin('POST', '/organizations', { kind: 'association', name: names.association });
    expect(assoc.status, JSON.stringify(assoc.json)).toBe(201);
    const associationId: string = assoc.json.id;
    const operator = await createUser(server.db, { email: `operatore@${names.domain}`, displayName: names.operatorName, organizationId: associationId, roles: ['provider_staff'] });
    const secretary = await createUser(server.db, { email: `segretaria@${names.domain}`, displayName: 'Maria Segretaria', organizationId: aglie, roles: ['council_secretary', 'employee'] });
    return { server, browser, aglie, airasca, admin, associationId, operator, secretary, apiAs: caller };
  } catch (err) {
    await browser?.close();
    await server.close();
    throw err;
  }
}
