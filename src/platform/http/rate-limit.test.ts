import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateWindows } from './rate-limit.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser, organizationId } from '../../../test/auth-helpers.js';

describe('RateWindows', () => {
  it('admits max requests per key and window, then refuses until the window ends', () => {
    const w = new RateWindows(3, 60_000);
    expect([1, 2, 3].map(() => w.hit('a', 1_000).remaining)).toEqual([2, 1, 0]);
    const over = w.hit('a', 30_000);
    expect(over).toEqual({ limit: 3, remaining: 0, resetSeconds: 31, exceeded: true });
    expect(w.hit('b', 30_000).exceeded).toBe(false); // another caller has its own window
    expect(w.hit('a', 60_999).exceeded).toBe(true); // the window started at 1,000 ends at 61,000
    expect(w.hit('a', 61_000)).toEqual({ limit: 3, remaining: 2, resetSeconds: 60, exceeded: false });
  });

  it('agrees with a model of fixed windows: never more than max admitted per window (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 200 }), (max, gaps) => {
        const w = new RateWindows(max, 100);
        let now = 0;
        let windowStart = -Infinity;
        let count = 0;
        for (const gap of gaps) {
          now += gap;
          if (now >= windowStart + 100) {
            windowStart = now;
            count = 0;
          }
          count++;
          const v = w.hit('k', now);
          expect(v.exceeded).toBe(count > max);
          expect(v.remaining).toBe(Math.max(0, max - count));
          expect(v.resetSeconds).toBe(Math.ceil((windowStart + 100 - now) / 1000));
        }
      }),
    );
  });

  it('forgets ended windows and keeps at most maxKeys keys', () => {
    const w = new RateWindows(1, 1_000, 50);
    for (let i = 0; i < 200; i++) w.hit(`k${i}`, 0);
    expect(w.size).toBe(50);
    w.hit('late', 5_000); // every earlier window has ended: swept
    expect(w.size).toBe(1);
  });
});

describe('RateWindows.peek', () => {
  it('tells the verdict without counting', () => {
    const w = new RateWindows(2, 60_000);
    expect(w.peek('a', 0)).toMatchObject({ remaining: 2, exceeded: false });
    w.hit('a', 0);
    w.hit('a', 0);
    expect(w.peek('a', 1_000)).toMatchObject({ remaining: 0, exceeded: true, resetSeconds: 59 });
    expect(w.peek('a', 1_000)).toMatchObject({ remaining: 0, exceeded: true });
    expect(w.peek('a', 60_000).exceeded).toBe(false);
  });
});

describe('rate limit over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '3', RATE_LIMIT_ADDRESS_MAX: '3', RATE_LIMIT_FAILED_AUTH_MAX: '3' });
  });
  afterAll(async () => t?.close());

  it('counts requests without credentials per address, says so in the headers and refuses the 4th with a 429 problem', async () => {
    const get = (ip: string) => t.app.inject({ method: 'GET', url: '/api/v1/status', remoteAddress: ip });
    const first = await get('10.0.0.1');
    expect(first.statusCode).toBe(200);
    expect(first.headers['x-ratelimit-limit']).toBe('3');
    expect(first.headers['x-ratelimit-remaining']).toBe('2');
    expect(Number(first.headers['x-ratelimit-reset'])).toBeGreaterThan(0);
    await get('10.0.0.1');
    expect((await get('10.0.0.1')).headers['x-ratelimit-remaining']).toBe('0');
    const refused = await get('10.0.0.1');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers['x-ratelimit-remaining']).toBe('0');
    expect(refused.json()).toMatchObject({ status: 429, code: 'request.rate_limited' });
    expect(refused.json().detail).toMatch(/^Limite di 3 richieste al minuto superato; riprova tra \d+ s\.$/);
    // another address is counted apart
    expect((await get('10.0.0.2')).statusCode).toBe(200);
  });

  it('ignores a forged X-Forwarded-For when no proxy is trusted (the default)', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.app.inject({ method: 'GET', url: '/api/v1/status', remoteAddress: '10.0.0.3', headers: { 'x-forwarded-for': `203.0.113.${i}` } });
      codes.push(r.statusCode);
    }
    expect(codes).toEqual([200, 200, 200, 429, 429]);
  });

  it('never counts what is not the API (the web app’s files)', async () => {
    for (let i = 0; i < 10; i++) {
      const r = await t.app.inject({ method: 'GET', url: `/assets/index-${i}.js`, remoteAddress: '10.0.0.4' });
      expect(r.statusCode).not.toBe(429);
      expect(r.headers['x-ratelimit-limit']).toBeUndefined();
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/status', remoteAddress: '10.0.0.4' })).headers['x-ratelimit-remaining']).toBe('2');
  });

  it('gives each signed-in person an allowance of their own, whatever address they share', async () => {
    const org = await organizationId(t.db, '046');
    const people = [];
    for (let i = 0; i < 2; i++) {
      const u = await createUser(t.db, { organizationId: org, roles: ['employee'] });
      // sign in from other addresses (the sign-in is anonymous and counts against its address)
      const s = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password }, remoteAddress: `10.1.0.${i}` });
      expect(s.statusCode).toBe(200);
      people.push(`agilepa_session=${s.cookies.find((c) => c.name === 'agilepa_session')!.value}`);
    }
    const session = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie }, remoteAddress: '10.0.0.5' });
    const a = [await session(people[0]), await session(people[0]), await session(people[0]), await session(people[0])].map((r) => r.statusCode);
    expect(a).toEqual([200, 200, 200, 429]);
    // the second person, from the same office address, still has all of theirs
    const b = await session(people[1]);
    expect(b.statusCode).toBe(200);
    expect(b.headers['x-ratelimit-remaining']).toBe('2');
  });

  it('turns away made-up tokens by address, before looking them up, however often they change', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const bad = { authorization: `Bearer apa_made-up-token-${i}-0123456789` };
      codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: bad, remoteAddress: '10.0.0.6' })).statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429, 429]);
    const refused = await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: { authorization: 'Bearer apa_another-one-0123456789' }, remoteAddress: '10.0.0.6' });
    expect(refused.json().detail).toMatch(/credenziali non valide/);
    // the same made-up tokens from another address start from zero
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: { authorization: 'Bearer apa_made-up-token-0-0123456789' }, remoteAddress: '10.0.0.7' })).statusCode).toBe(401);
  });
});

describe('behind a trusted proxy', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_ADDRESS_MAX: '2', TRUST_PROXY: '10.9.0.0/16' });
  });
  afterAll(async () => t?.close());

  it('counts the client the proxy names, and only when the proxy is trusted', async () => {
    const via = (proxy: string, client: string) =>
      t.app.inject({ method: 'GET', url: '/api/v1/status', remoteAddress: proxy, headers: { 'x-forwarded-for': `198.51.100.9, ${client}` } });
    expect([(await via('10.9.0.1', '192.0.2.1')).statusCode, (await via('10.9.0.2', '192.0.2.1')).statusCode, (await via('10.9.0.1', '192.0.2.1')).statusCode]).toEqual([200, 200, 429]);
    // another client behind the same proxy has its own window; the left-most (forgeable) entry is never used
    expect((await via('10.9.0.1', '192.0.2.2')).statusCode).toBe(200);
    // an untrusted peer's header is ignored: it is counted as itself
    expect([(await via('172.16.0.1', '192.0.2.3')).statusCode, (await via('172.16.0.1', '192.0.2.4')).statusCode, (await via('172.16.0.1', '192.0.2.5')).statusCode]).toEqual([200, 200, 429]);
  });

  it('refuses a TRUST_PROXY that is not an address, a CIDR or a hop count', async () => {
    const { loadConfig } = await import('../config.js');
    expect(() => loadConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY/);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8' }).trustProxy).toEqual(['127.0.0.1', '10.0.0.0/8']);
    expect(loadConfig({}).trustProxy).toBe(false);
  });
});
