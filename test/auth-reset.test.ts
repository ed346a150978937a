/** Password reset by e-mail, end to end through the outbox (DATA_DIR/outbox). */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './helpers.js';
import { createUser, login, tokenFor } from './auth-helpers.js';
import { outboxDir } from '../src/platform/mail/index.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: 'https://agilepa.example.it' });
});
afterAll(async () => t?.close());

function decodeBody(eml: string): string {
  const [head, ...rest] = eml.split(/\r?\n\r?\n/);
  const body = rest.join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(head)) return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (/content-transfer-encoding:\s*quoted-printable/i.test(head)) {
    return Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

/** Waits for a message to the address (the route answers before the mail is written). */
async function mailTo(address: string, waitMs = 5000): Promise<string[]> {
  const dir = outboxDir(t.config);
  for (let i = 0; i < waitMs / 50; i++) {
    const found = (fs.existsSync(dir) ? fs.readdirSync(dir) : [])
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .filter((m) => new RegExp(`^To: ${address.replace(/[.]/g, '\\.')}`, 'mi').test(m));
    if (found.length) return found.map(decodeBody);
    await new Promise((r) => setTimeout(r, 50));
  }
  return [];
}

describe('password reset', () => {
  it('mails a single-use link, sets the new password and ends every session', async () => {
    const u = await createUser(t.db, { email: 'smemorato@comune.example' });
    const before = await login(t.app, u.email, u.password);
    const req = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'Smemorato@Comune.example' } });
    expect(req.statusCode).toBe(202);
    const [mail] = await mailTo(u.email);
    expect(mail).toBeDefined();
    const token = /reimposta-password\?token=([\w-]+)/.exec(mail)![1];
    expect(mail).toContain('https://agilepa.example.it/reimposta-password?token=');
    // only the hash is stored
    const stored = await t.db.query<{ token_hash: string }>('select token_hash from password_resets');
    expect(stored.rows.map((r) => r.token_hash)).not.toContain(token);

    const weak = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'corta' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('auth.weak_password');

    const bearer = { authorization: `Bearer ${await tokenFor(t.db, u.id)}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer })).statusCode).toBe(200);
    const ok = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'nuova-password-sicura' } });
    expect(ok.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: before.cookie } })).statusCode).toBe(401);
    // the API tokens end too: whoever had the old password may have made one
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: bearer })).statusCode).toBe(401);
    const old = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    expect(old.statusCode).toBe(401);
    await login(t.app, u.email, 'nuova-password-sicura');

    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'ancora-un-altra-password' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('auth.reset_token_invalid');
  });

  it('answers 202 for an unknown address and sends nothing', async () => {
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: 'nessuno@comune.example' } });
    expect(r.statusCode).toBe(202);
    expect(r.json()).toEqual({ status: 'accepted' });
    expect(await mailTo('nessuno@comune.example', 500)).toEqual([]);
  });

  it('refuses an expired link', async () => {
    const u = await createUser(t.db, { email: 'lento@comune.example' });
    await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', payload: { email: u.email } });
    const token = /token=([\w-]+)/.exec((await mailTo(u.email))[0])![1];
    await t.db.query(`update password_resets set expires_at = now() - interval '1 second'`);
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset/confirm', payload: { token, password: 'nuova-password-sicura' } });
    expect(r.json().code).toBe('auth.reset_token_invalid');
  });

  it('sets a Secure cookie on https, and the reset routes need no CSRF token even with a session', async () => {
    const u = await createUser(t.db, {});
    const r = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: u.email, password: u.password } });
    expect(String(r.headers['set-cookie'])).toMatch(/; Secure/);
    const s = await login(t.app, u.email, u.password);
    const reset = await t.app.inject({ method: 'POST', url: '/api/v1/auth/password-reset', headers: { cookie: s.cookie }, payload: { email: u.email } });
    expect(reset.statusCode).toBe(202);
  });
});
