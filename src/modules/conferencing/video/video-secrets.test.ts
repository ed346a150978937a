/**
 * The video systems' secrets are stored sealed with the instance's key (src/platform/secret-box.ts):
 * the database never holds them in clear, and the server still signs links with them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import { jitsiSettingsOf, bbbSettingsOf } from './video-links.js';

const JITSI_SECRET = 'segreto-jitsi-0123456789abcdef';
const BBB_SECRET = 'segreto-bbb-0123456789abcdef';
const every = Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]]));
let t: TestApp;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  const pa = await createUser(t.db, { organizationId: await organizationId(t.db, '001003'), roles: ['platform_admin'] });
  const admin = (await login(t.app, pa.email, pa.password)).headers;
  const r = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: admin, payload: { kind: 'association', name: 'Associazione dei Segreti' } });
  expect(r.statusCode, r.body).toBe(201);
  const op = await createUser(t.db, { organizationId: r.json().id, roles: ['provider_staff'], email: `s-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  headers = (await login(t.app, op.email, op.password)).headers;
});
afterAll(async () => t?.close());

async function platformWith(video: Record<string, unknown>): Promise<string> {
  const p = await t.app.inject({
    method: 'POST',
    url: '/api/v1/conference-platforms',
    headers,
    payload: { name: `Piattaforma ${randomUUID().slice(0, 6)}`, capacity: 50, access: 'everyone', openingHours: every, videoSystem: video.videoSystem },
  });
  expect(p.statusCode, p.body).toBe(201);
  const id = p.json().id as string;
  const v = await t.app.inject({ method: 'PUT', url: `/api/v1/conference-platforms/${id}/video`, headers, payload: video });
  expect(v.statusCode, v.body).toBe(200);
  expect(v.body).not.toContain('segreto-');
  return id;
}

describe('sealed video secrets', () => {
  it('stores Jitsi and BigBlueButton secrets sealed and opens them to sign', async () => {
    const j = await platformWith({ videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'agilepa', jitsiAppSecret: JITSI_SECRET });
    const b = await platformWith({ videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api', bbbSecret: BBB_SECRET });
    const rows = await t.db.ownerTx((tx) =>
      tx.query<{ platform_id: string; jitsi_app_secret: string | null; bbb_secret: string | null }>(
        'select platform_id, jitsi_app_secret, bbb_secret from conference_platform_video where platform_id = any($1::uuid[])',
        [[j, b]],
      ),
    );
    const byId = new Map(rows.rows.map((r) => [r.platform_id, r]));
    const jr = byId.get(j)!;
    const br = byId.get(b)!;
    expect(jr.jitsi_app_secret).toMatch(/^v1:/);
    expect(br.bbb_secret).toMatch(/^v1:/);
    expect(JSON.stringify(rows.rows)).not.toContain('segreto-');
    const row = { videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'agilepa', jitsiAppSecret: jr.jitsi_app_secret } as never;
    expect(jitsiSettingsOf(row)?.appSecret).toBe(JITSI_SECRET);
    const brow = { videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api', bbbSecret: br.bbb_secret, bbbChecksum: 'sha256' } as never;
    expect(bbbSettingsOf(brow)?.secret).toBe(BBB_SECRET);
  });

  it('keeps the stored secret when a change leaves it out, but not across video systems', async () => {
    const id = await platformWith({ videoSystem: 'jitsi', jitsiDomain: 'meet.example.it', jitsiAppId: 'agilepa', jitsiAppSecret: JITSI_SECRET });
    const put = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: `/api/v1/conference-platforms/${id}/video`, headers, payload });
    const kept = await put({ videoSystem: 'jitsi', jitsiDomain: 'video.example.it', jitsiAppId: 'agilepa2' });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json()).toMatchObject({ jitsiDomain: 'video.example.it', videoConfigured: true });
    const row = await t.db.ownerTx((tx) =>
      tx.query<{ jitsi_domain: string; jitsi_app_id: string; jitsi_app_secret: string }>('select jitsi_domain, jitsi_app_id, jitsi_app_secret from conference_platform_video where platform_id = $1', [id]),
    );
    const r = row.rows[0];
    expect(jitsiSettingsOf({ videoSystem: 'jitsi', jitsiDomain: r.jitsi_domain, jitsiAppId: r.jitsi_app_id, jitsiAppSecret: r.jitsi_app_secret } as never)?.appSecret).toBe(JITSI_SECRET);
    const switched = await put({ videoSystem: 'bbb', bbbApiUrl: 'https://bbb.example.it/bigbluebutton/api' });
    expect(switched.statusCode).toBe(422);
    expect(switched.json().code).toBe('video.settings_invalid');
  });
});
