import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser, organizationId, tokenFor } from '../../../test/auth-helpers.js';
import { recordAudit } from '../../platform/audit.js';
import { createMailer } from '../../platform/mail/index.js';
import { enqueue } from '../../platform/jobs/index.js';
import { exportAuditEntries } from './audit/export-audit-entries.js';
import type { AuthContext } from '../../platform/auth/context.js';

let t: TestApp;
let aglie: string;
let airasca: string;
const auth: Record<string, Record<string, string>> = {};

async function bearer(opts: Parameters<typeof createUser>[1]) {
  const u = await createUser(t.db, opts);
  return { authorization: `Bearer ${await tokenFor(t.db, u.id)}` };
}

beforeAll(async () => {
  t = await createTestApp();
  aglie = await organizationId(t.db, '001001');
  airasca = await organizationId(t.db, '001002');
  auth.bodyAdmin = await bearer({ organizationId: aglie, roles: ['body_admin'] });
  auth.otherAdmin = await bearer({ organizationId: airasca, roles: ['body_admin'] });
  auth.employee = await bearer({ organizationId: aglie, roles: ['employee'] });
  auth.platform = await bearer({ organizationId: await organizationId(t.db, '001003'), roles: ['platform_admin'] });
  for (let i = 1; i <= 5; i++) {
    await t.db.tx({ organizationId: aglie }, (tx) =>
      recordAudit(tx, {
        organizationId: aglie,
        actorUserId: null,
        actorLabel: i === 5 ? '=HYPERLINK("http://x")' : 'sindaco@comune.aglie.to.it',
        action: 'test.update',
        entityType: 'test.entity',
        entityId: `e${i}`,
        before: { n: i - 1 },
        after: { n: i, nota: 'città, "virgolette"; e punto e virgola' },
      }),
    );
  }
  await t.db.tx({ organizationId: airasca }, (tx) =>
    recordAudit(tx, { organizationId: airasca, actorUserId: null, actorLabel: 'x@airasca.it', action: 'test.update', entityType: 'test.entity', entityId: 'z1', after: { n: 1 } }),
  );
});
afterAll(async () => t?.close());

const get = (url: string, headers?: Record<string, string>) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/v1/audit-entries', () => {
  it('requires a signed-in body administrator', async () => {
    expect((await get('/api/v1/audit-entries')).statusCode).toBe(401);
    const res = await get('/api/v1/audit-entries', auth.employee);
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('shows the body administrator its own body’s chain, newest first, with filters and pages', async () => {
    const res = await get('/api/v1/audit-entries?entityType=test.entity&pageSize=2', auth.bodyAdmin);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ page: 1, pageSize: 2, total: 5 });
    expect(body.items.map((i: { entityId: string }) => i.entityId)).toEqual(['e5', 'e4']);
    expect(body.items[1]).toMatchObject({ action: 'test.update', entityType: 'test.entity', before: { n: 3 }, after: { n: 4 }, actor: 'sindaco@comune.aglie.to.it' });
    expect(body.items[1].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(body.items[0].seq).toBe(body.items[1].seq + 1);
    const page3 = (await get('/api/v1/audit-entries?entityType=test.entity&pageSize=2&page=3', auth.bodyAdmin)).json();
    expect(page3.items.map((i: { entityId: string }) => i.entityId)).toEqual(['e1']);
    const byActor = (await get('/api/v1/audit-entries?entityType=test.entity&actor=sindaco', auth.bodyAdmin)).json();
    expect(byActor.total).toBe(4);
    const other = (await get('/api/v1/audit-entries?entityType=test.entity', auth.otherAdmin)).json();
    expect(other.items.map((i: { entityId: string }) => i.entityId)).toEqual(['z1']);
    const future = (await get('/api/v1/audit-entries?from=2099-01-01', auth.bodyAdmin)).json();
    expect(future.total).toBe(0);
  });

  it('refuses another body’s chain to a body administrator, and lets a platform administrator choose', async () => {
    const res = await get(`/api/v1/audit-entries?organizationId=${airasca}`, auth.bodyAdmin);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('audit.other_body');
    const own = await get(`/api/v1/audit-entries?organizationId=${aglie}&entityType=test.entity`, auth.bodyAdmin);
    expect(own.json().total).toBe(5);
    const platform = await get(`/api/v1/audit-entries?organizationId=${airasca}&entityType=test.entity`, auth.platform);
    expect(platform.statusCode).toBe(200);
    expect(platform.json().items.map((i: { entityId: string }) => i.entityId)).toEqual(['z1']);
  });

  it('answers bad filters with 400 and the field list', async () => {
    for (const [q, field] of [
      ['from=2026-13-01', 'querystring.from'],
      ['from=1900-01-01', 'querystring.from'],
      ['to=ieri', 'querystring.to'],
      ['organizationId=123', 'querystring.organizationId'],
      ['action=DROP%20TABLE', 'querystring.action'],
      ['pageSize=101', 'querystring.pageSize'],
      ['page=0', 'querystring.page'],
    ]) {
      const res = await get(`/api/v1/audit-entries?${q}`, auth.bodyAdmin);
      expect(res.statusCode, q).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field), q).toContain(field);
    }
    const range = await get('/api/v1/audit-entries?from=2026-05-02&to=2026-05-01', auth.bodyAdmin);
    expect(range.statusCode).toBe(400);
    expect(range.json().code).toBe('audit.invalid_range');
  });
});

describe('GET /api/v1/audit-entries/export', () => {
  it('downloads CSV with a BOM, a header row, quoting and defused formulas', async () => {
    const res = await get('/api/v1/audit-entries/export?entityType=test.entity', auth.bodyAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="registro-attivita-[0-9a-f-]+-\d{8}\.csv"$/);
    const raw = res.rawPayload;
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = raw.toString('utf8').slice(1).trimEnd().split('\r\n');
    // semicolons by default: an Italian spreadsheet opens it as columns
    expect(lines[0]).toBe('id;sequenza;istante;autore;id_autore;azione;tipo_oggetto;id_oggetto;prima;dopo;ip;hash_precedente;hash');
    expect(lines).toHaveLength(6);
    expect(lines[1]).toContain(';e1;');
    expect(lines[1]).toContain('"{""n"":1,""nota"":""città, \\""virgolette\\""; e punto e virgola""}"');
    expect(lines[5]).toContain(`"'=HYPERLINK(""http://x"")"`);
    const comma = await get('/api/v1/audit-entries/export?entityType=test.entity&separator=comma', auth.bodyAdmin);
    const commaLines = comma.rawPayload.toString('utf8').slice(1).split('\r\n');
    expect(commaLines[0]).toBe('id,sequenza,istante,autore,id_autore,azione,tipo_oggetto,id_oggetto,prima,dopo,ip,hash_precedente,hash');
    expect(commaLines[1]).toContain(',e1,');
  });

  it('downloads JSON with the same filters, only the caller’s body', async () => {
    const res = await get('/api/v1/audit-entries/export?format=json&entityType=test.entity&actor=sindaco', auth.bodyAdmin);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = res.json();
    expect(items.map((i: { entityId: string }) => i.entityId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    expect((await get(`/api/v1/audit-entries/export?organizationId=${aglie}`, auth.otherAdmin)).statusCode).toBe(403);
    expect((await get('/api/v1/audit-entries/export?format=xml', auth.bodyAdmin)).statusCode).toBe(400);
    expect((await get('/api/v1/audit-entries/export', auth.employee)).statusCode).toBe(403);
  });

  it('reads in batches: every entry once, in order, whatever the batch size', async () => {
    const me: AuthContext = { userId: '00000000-0000-4000-8000-000000000001', email: 'a@b.it', displayName: 'a', organizationId: aglie, roles: ['body_admin'], via: 'token' };
    const out = await exportAuditEntries(t.db, me, { format: 'json', separator: 'comma', entityType: 'test.entity' }, 2);
    let text = '';
    for await (const c of out.chunks) text += c;
    expect(JSON.parse(text).map((i: { entityId: string }) => i.entityId)).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
  });
});

describe('GET /api/v1/audit-entries/verification', () => {
  it('reports a valid chain, then the first broken seq after tampering', async () => {
    const ok = await get('/api/v1/audit-entries/verification', auth.otherAdmin);
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ valid: true });
    const before = (await get('/api/v1/audit-entries/verification', auth.bodyAdmin)).json();
    expect(before.valid).toBe(true);
    expect(before.entries).toBeGreaterThanOrEqual(5);
    const target = (await get('/api/v1/audit-entries?entityType=test.entity&pageSize=5', auth.bodyAdmin)).json().items.find((i: { entityId: string }) => i.entityId === 'e3');
    await t.db.ownerTx(async (tx) => {
      await tx.query(`select set_config('app.audit_restore', 'on', true)`);
      await tx.query(`update audit_log set after = '{"n":333}' where id = $1`, [target.id]);
    });
    const broken = (await get('/api/v1/audit-entries/verification', auth.bodyAdmin)).json();
    expect(broken).toMatchObject({ valid: false, entries: before.entries, firstBrokenSeq: target.seq, problem: 'content does not match its hash' });
    expect((await get(`/api/v1/audit-entries/verification?organizationId=${aglie}`, auth.platform)).json().firstBrokenSeq).toBe(target.seq);
    expect((await get(`/api/v1/audit-entries/verification?organizationId=${aglie}`, auth.otherAdmin)).statusCode).toBe(403);
    expect((await get('/api/v1/audit-entries/verification', auth.employee)).statusCode).toBe(403);
  });
});

describe('outbox', () => {
  it('lists the outbox newest first and shows a message, for platform administrators only', async () => {
    const mailer = createMailer(t.config);
    await mailer.send({ to: 'primo@comune.example.it', subject: 'Primo', text: 'uno' });
    await new Promise((r) => setTimeout(r, 5));
    await mailer.send({ to: 'secondo@comune.example.it', subject: 'Invito alla seduta del Consiglio', text: 'La seduta è convocata per lunedì.' });
    expect((await get('/api/v1/outbox-messages', auth.bodyAdmin)).statusCode).toBe(403);
    expect((await get('/api/v1/outbox-messages')).statusCode).toBe(401);
    const res = await get('/api/v1/outbox-messages?pageSize=1', auth.platform);
    expect(res.statusCode).toBe(200);
    const list = res.json();
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 1 });
    expect(list.items[0]).toMatchObject({ to: 'secondo@comune.example.it', subject: 'Invito alla seduta del Consiglio' });
    const one = await get(`/api/v1/outbox-messages/${encodeURIComponent(list.items[0].id)}`, auth.platform);
    expect(one.statusCode).toBe(200);
    expect(one.json().text).toContain('La seduta è convocata per lunedì.');
    expect(one.json().headers).toContainEqual({ name: 'Subject', value: 'Invito alla seduta del Consiglio' });
    expect((await get(`/api/v1/outbox-messages/${list.items[0].id}`, auth.bodyAdmin)).statusCode).toBe(403);
  });

  it('refuses path traversal and unknown ids', async () => {
    for (const id of ['..%2F..%2Fetc%2Fpasswd', '..%2Fsecret.eml', '.hidden.eml', 'nota.txt', '%2Fetc%2Fpasswd.eml', '%2E%2E%5Cwin.eml', 'a%00.eml']) {
      const res = await get(`/api/v1/outbox-messages/${id}`, auth.platform);
      expect(res.statusCode, id).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // A bare ".." is resolved away by URL normalisation before routing: never a file read.
    const dots = await get('/api/v1/outbox-messages/%2E%2E', auth.platform);
    expect(dots.statusCode).toBe(404);
    expect(dots.json().code).toBe('route.not_found');
    const missing = await get('/api/v1/outbox-messages/2026-01-01T00-00-00-000Z-abcd.eml', auth.platform);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('outbox.not_found');
  });
});

describe('GET /api/v1/jobs', () => {
  it('counts jobs per status and lists the latest failures, for platform administrators only', async () => {
    const id = await t.db.tx({ organizationId: aglie }, (tx) => enqueue(tx, 'test.broken', {}));
    await t.db.ownerTx((tx) => tx.query(`update jobs set status = 'failed', attempts = 5, last_error = 'SMTP 550 casella inesistente', finished_at = now() where id = $1`, [id]));
    await t.db.ownerTx((tx) => enqueue(tx, 'test.waiting', {}, { runAt: new Date(Date.now() + 3_600_000) }));
    expect((await get('/api/v1/jobs', auth.bodyAdmin)).statusCode).toBe(403);
    const res = await get('/api/v1/jobs', auth.platform);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ failed: 1, queued: 1, running: 0 });
    expect(body.status).toBe('failed');
    expect(body.items[0]).toMatchObject({ id, type: 'test.broken', attempts: 5, maxAttempts: 5, lastError: 'SMTP 550 casella inesistente' });
    const queued = (await get('/api/v1/jobs?status=queued', auth.platform)).json();
    expect(queued.items.map((j: { type: string }) => j.type)).toEqual(['test.waiting']);
    expect((await get('/api/v1/jobs?status=lost', auth.platform)).statusCode).toBe(400);
    expect((await get('/api/v1/jobs?limit=1000', auth.platform)).statusCode).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the admin operations, the export as CSV or JSON', async () => {
    const doc = (await get('/api/v1/openapi.json')).json();
    const ops = Object.values<Record<string, { operationId: string }>>(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId));
    for (const op of ['listAuditEntries', 'exportAuditEntries', 'verifyAuditChain', 'listOutboxMessages', 'showOutboxMessage', 'summarizeJobs']) expect(ops).toContain(op);
    const exp = doc.paths['/api/v1/audit-entries/export'].get.responses['200'].content;
    expect(Object.keys(exp).sort()).toEqual(['application/json', 'text/csv']);
  });
});
