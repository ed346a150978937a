/**
 * SPID/CIE sign-in end to end against a real OpenID provider (oidc-provider) started here on
 * 127.0.0.1: the app redirects to it, the test "logs in" an account with a fiscal_number claim
 * through the provider's interaction endpoint, and the callback opens an Agile PA session.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, organizationId } from './auth-helpers.js';
import { identityFromClaims } from '../src/modules/people/oidc-sign-in.js';

const CLIENT_ID = 'agilepa-test';
const CLIENT_SECRET = crypto.randomBytes(24).toString('hex');
const PUBLIC_URL = 'http://localhost:3999';

interface Person {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  fiscal_number?: string;
}

const people = new Map<string, Person>();
let signInAs = '';
let server: http.Server;
let issuer: string;
let t: TestApp;
let aglie: string;

async function startProvider(): Promise<void> {
  let handler: http.RequestListener = (_req, res) => res.end();
  server = http.createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const mod = 'oidc-provider';
  const { default: Provider } = (await import(mod)) as { default: any };
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [`${PUBLIC_URL}/api/v1/auth/oidc/callback`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'test-key', use: 'sig', alg: 'RS256' }] },
    cookies: { keys: [crypto.randomBytes(16).toString('hex')] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name', 'given_name', 'family_name', 'fiscal_number'],
    },
    features: { devInteractions: { enabled: false } },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
    findAccount: async (_ctx: unknown, id: string) => {
      const p = people.get(id);
      if (!p) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, name: [p.given_name, p.family_name].filter(Boolean).join(' '), ...p }) };
    },
    // first-party client: no consent screen, the grant covers what was asked
    loadExistingGrant: async (ctx: any) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'given_name', 'family_name', 'fiscal_number']);
      await grant.save();
      return grant;
    },
  });
  const callback = provider.callback();
  handler = async (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      // the login page of the identity provider, answered programmatically for `signInAs`
      await provider.interactionDetails(req, res);
      await provider.interactionFinished(req, res, { login: { accountId: signInAs } }, { mergeWithLastSubmission: false });
      return;
    }
    callback(req, res);
  };
}

/** Follows the provider's redirects with a cookie jar until it sends the browser back to the app. */
async function throughProvider(authorizationUrl: string): Promise<string> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let i = 0; i < 10; i++) {
    if (url.startsWith(PUBLIC_URL)) return url;
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair.indexOf('=');
      jar.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    const location = res.headers.get('location');
    if (!location) throw new Error(`provider answered ${res.status} without redirect: ${await res.text()}`);
    url = new URL(location, url).toString();
  }
  throw new Error('too many redirects');
}

async function signIn(accountId: string) {
  signInAs = accountId;
  const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
  expect(start.statusCode).toBe(302);
  const back = new URL(await throughProvider(start.headers.location as string));
  return t.app.inject({ method: 'GET', url: back.pathname + back.search });
}

beforeAll(async () => {
  await startProvider();
  t = await createTestApp({ PUBLIC_URL, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: CLIENT_ID, OIDC_CLIENT_SECRET: CLIENT_SECRET });
  aglie = await organizationId(t.db, '001001');
});
afterAll(async () => {
  await t?.close();
  await new Promise((r) => server?.close(r));
});

describe('OIDC sign-in (SPID/CIE through a broker)', () => {
  it('sends the browser to the provider with PKCE, state and nonce', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    expect(res.statusCode).toBe(302);
    const u = new URL(res.headers.location as string);
    expect(u.origin).toBe(issuer);
    expect(u.searchParams.get('client_id')).toBe(CLIENT_ID);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(u.searchParams.get('state')).toBeTruthy();
    expect(u.searchParams.get('nonce')).toBeTruthy();
    expect(u.searchParams.get('redirect_uri')).toBe(`${PUBLIC_URL}/api/v1/auth/oidc/callback`);
  });

  it('finds the person by e-mail, links the tax code, and next time by tax code alone', async () => {
    const u = await createUser(t.db, { email: 'mario.rossi@aglie.example', organizationId: aglie, roles: ['employee'] });
    people.set('spid-1', { email: 'Mario.Rossi@aglie.example', given_name: 'Mario', family_name: 'Rossi', fiscal_number: 'TINIT-RSSMRA80A01L219X' });
    const cb = await signIn('spid-1');
    expect(cb.statusCode).toBe(302);
    expect(cb.headers.location).toBe('/');
    const cookie = cb.cookies.find((c) => c.name === 'agilepa_session');
    expect(cookie?.httpOnly).toBe(true);
    const session = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `agilepa_session=${cookie!.value}` } });
    expect(session.statusCode).toBe(200);
    expect(session.json().user.id).toBe(u.id);
    expect(session.json().organization.id).toBe(aglie);

    // the broker now sends a different e-mail: the linked tax code still finds the person
    people.set('spid-1b', { email: 'm.rossi@elsewhere.example', fiscal_number: 'RSSMRA80A01L219X' });
    const again = await signIn('spid-1b');
    expect(again.statusCode).toBe(302);
    const c2 = again.cookies.find((c) => c.name === 'agilepa_session')!;
    const s2 = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `agilepa_session=${c2.value}` } });
    expect(s2.json().user.id).toBe(u.id);
  });

  it('refuses a person no body has invited with 403 auth.oidc_unknown_user', async () => {
    people.set('spid-2', { email: 'stranger@example.org', given_name: 'Nessuno', family_name: 'Invitato', fiscal_number: 'NSSNVT80A01H501Z' });
    const cb = await signIn('spid-2');
    expect(cb.statusCode).toBe(403);
    expect(cb.json().code).toBe('auth.oidc_unknown_user');
    expect(cb.headers['set-cookie']).toBeUndefined();
  });

  it('refuses an e-mail whose account is linked to another tax code', async () => {
    await createUser(t.db, { email: 'linked@aglie.example', organizationId: aglie, roles: ['employee'], taxCode: 'LNKDDD80A01H501A' });
    people.set('spid-3', { email: 'linked@aglie.example', fiscal_number: 'TINIT-THRPRS80A01H501B' });
    const cb = await signIn('spid-3');
    expect(cb.statusCode).toBe(403);
    expect(cb.json().code).toBe('auth.oidc_identity_mismatch');
  });

  it('refuses a replayed or forged state', async () => {
    people.set('spid-4', { email: 'mario.rossi@aglie.example', fiscal_number: 'RSSMRA80A01L219X' });
    signInAs = 'spid-4';
    const start = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/login' });
    const back = new URL(await throughProvider(start.headers.location as string));
    const first = await t.app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(first.statusCode).toBe(302);
    const replay = await t.app.inject({ method: 'GET', url: back.pathname + back.search });
    expect(replay.statusCode).toBe(400);
    expect(replay.json().code).toBe('auth.oidc_state_invalid');
    const forged = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=abc&state=forged' });
    expect(forged.json().code).toBe('auth.oidc_state_invalid');
    const denied = await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?error=access_denied' });
    expect(denied.statusCode).toBe(401);
    expect(denied.json().code).toBe('auth.oidc_failed');
  });

  it('answers 404 auth.oidc_not_configured without configuration', async () => {
    const bare = await createTestApp();
    try {
      for (const url of ['/api/v1/auth/oidc/login', '/api/v1/auth/oidc/callback?code=x&state=y']) {
        const res = await bare.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('auth.oidc_not_configured');
      }
    } finally {
      await bare.close();
    }
  });

  it('reads the claim names brokers use', () => {
    expect(identityFromClaims({ sub: 'x', fiscalNumber: 'tinit-rssmra80a01l219x', email: 'A@B.IT' })).toMatchObject({ taxCode: 'RSSMRA80A01L219X', email: 'a@b.it' });
    expect(identityFromClaims({ sub: 'x', given_name: 'Anna', family_name: 'Bianchi', fiscal_number: 'bad' })).toMatchObject({ name: 'Anna Bianchi', taxCode: null });
    expect(identityFromClaims({ sub: 'x', email: 'a@b.it', email_verified: false }).emailVerified).toBe(false);
  });
});
