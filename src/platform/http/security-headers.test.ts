import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { securityHeaders } from './security-headers.js';
import { createTestApp, type TestApp } from '../../../test/helpers.js';

describe('security headers', () => {
  it('are helmet’s, computed once with the CSP directives', () => {
    const h = securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self'"], frameAncestors: ["'none'"], upgradeInsecureRequests: null } } });
    expect(h['content-security-policy']).toContain("default-src 'self'");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('refuses invalid directives at start-up', () => {
    expect(() => securityHeaders({ contentSecurityPolicy: { directives: { defaultSrc: ["'self';"] } } })).toThrow();
  });

  describe('on every response of the app', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await createTestApp();
    });
    afterAll(async () => t?.close());

    it('API answers, errors included, carry the API set: nothing allowed to render, not cached', async () => {
      for (const url of ['/api/v1/status', '/api/v1/organizations', '/api/v1/nowhere']) {
        const res = await t.app.inject({ method: 'GET', url });
        expect(res.headers['content-security-policy'], url).toBe("default-src 'none'; frame-ancestors 'none'");
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['x-frame-options'], url).toBe('DENY');
        expect(res.headers['cross-origin-resource-policy'], url).toBe('same-origin');
        expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
        expect(res.headers['cache-control'], url).toBe('no-store');
        expect(res.headers['cross-origin-opener-policy'], url).toBeUndefined();
      }
    });

    it('the web app carries helmet’s page set with the page CSP', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/' });
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
    });
  });
});
