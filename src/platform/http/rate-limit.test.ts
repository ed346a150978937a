import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateWindows } from './rate-limit.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

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

describe('rate limit over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_MAX: '3' });
  });
  afterAll(async () => t?.close());

  it('counts per caller, says so in the headers and refuses the 4th request with a 429 problem', async () => {
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

  it('turns a flood of bad tokens away before looking them up', async () => {
    const bad = { authorization: 'Bearer not-a-real-token-0123456789' };
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await t.app.inject({ method: 'GET', url: '/api/v1/organizations', headers: bad })).statusCode);
    expect(codes).toEqual([401, 401, 401, 429, 429]);
  });
});
