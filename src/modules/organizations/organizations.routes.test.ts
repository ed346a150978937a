import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../test/helpers.js';
import { createUser, organizationId, tokenFor } from '../../../test/auth-helpers.js';

let t: TestApp;
let adminAuth: Record<string, string>;
let employeeAuth: Record<string, string>;
let aglieId: string;

beforeAll(async () => {
  t = await createTestApp();
  aglieId = await organizationId(t.db, '001001');
  const admin = await createUser(t.db, { organizationId: aglieId, roles: ['platform_admin'] });
  const employee = await createUser(t.db, { organizationId: aglieId, roles: ['employee'] });
  adminAuth = { authorization: `Bearer ${await tokenFor(t.db, admin.id)}` };
  employeeAuth = { authorization: `Bearer ${await tokenFor(t.db, employee.id)}` };
});
afterAll(async () => t?.close());

describe('GET /api/v1/organizations', () => {
  it('requires a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organizations?q=aglie' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('auth.unauthenticated');
  });

  it('finds Agliè without the accent, and by ISTAT code', async () => {
    for (const q of ['Aglie', 'agli%C3%A8', '001001']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?q=${q}`, headers: employeeAuth });
      expect(res.statusCode).toBe(200);
      expect(res.json().items[0]).toMatchObject({ name: 'Agliè', istatCode: '001001', provinceCode: 'TO', regionCode: '01' });
    }
  });

  it('pages by 20 by default and refuses page sizes out of bounds with the field list', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organizations?q=san', headers: employeeAuth });
    expect(res.json()).toMatchObject({ page: 1, pageSize: 20 });
    expect(res.json().items).toHaveLength(20);
    for (const size of ['0', '101', 'abc']) {
      const bad = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?pageSize=${size}`, headers: employeeAuth });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().code).toBe('request.invalid');
      expect(bad.json().errors.map((e: { field: string }) => e.field)).toContain('querystring.pageSize');
    }
    const badKind = await t.app.inject({ method: 'GET', url: '/api/v1/organizations?kind=castle', headers: employeeAuth });
    expect(badKind.statusCode).toBe(400);
  });
});

describe('GET /api/v1/organizations/{id}', () => {
  it('shows a body, 404 for an unknown id, 400 for a malformed one', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${aglieId}`, headers: employeeAuth });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().parents).toHaveLength(2);
    const missing = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${randomUUID()}`, headers: employeeAuth });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('organization.not_found');
    const bad = await t.app.inject({ method: 'GET', url: '/api/v1/organizations/not-a-uuid', headers: employeeAuth });
    expect(bad.statusCode).toBe(400);
    const children = await t.app.inject({ method: 'GET', url: `/api/v1/organizations/${await organizationId(t.db, 'TO')}/children?pageSize=5`, headers: employeeAuth });
    expect(children.json()).toMatchObject({ total: 312, pageSize: 5 });
  });
});

describe('POST and PATCH /api/v1/organizations', () => {
  const union = { kind: 'union_of_municipalities', name: 'Unione del Canavese di Prova', ipaCode: 'uc_canav' };

  it('lets a platform admin create a union and writes the audit entry; refuses an employee', async () => {
    const members = [await organizationId(t.db, '001002'), await organizationId(t.db, '001004')];
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: adminAuth, payload: { ...union, memberIds: members } });
    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe(`/api/v1/organizations/${res.json().id}`);
    const audit = await t.db.query(`select 1 from audit_log where entity_id = $1 and action = 'organization.create' and organization_id = $2`, [res.json().id, res.json().id]);
    expect(audit.rows).toHaveLength(1);
    const denied = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: employeeAuth, payload: { ...union, ipaCode: 'uc_other' } });
    expect(denied.statusCode).toBe(403);
  });

  it('answers 409 to a duplicate IPA code and 400 to bad fields, in Italian', async () => {
    const dup = await t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: adminAuth, payload: { ...union, ipaCode: 'UC_CANAV' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('organization.duplicate_code');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organizations',
      headers: adminAuth,
      payload: { kind: 'municipality', name: 'X', ipaCode: 'no spaces', patronDay: '02-30', taxCode: '12345678901', extra: 1 },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad.json().errors.map((e: { field: string }) => e.field);
    for (const f of ['body.kind', 'body.name', 'body.ipaCode', 'body.patronDay', 'body.taxCode']) expect(fields).toContain(f);
  });

  it('lets a body admin set its patron day, not another body’s', async () => {
    const lucca = await organizationId(t.db, '046017');
    const bodyAdmin = await createUser(t.db, { organizationId: lucca, roles: ['body_admin'] });
    const headers = { authorization: `Bearer ${await tokenFor(t.db, bodyAdmin.id)}` };
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${lucca}`, headers, payload: { patronDay: '07-12' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().patronDay).toBe('07-12');
    const other = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${aglieId}`, headers, payload: { patronDay: '07-12' } });
    expect(other.statusCode).toBe(403);
    const field = await t.app.inject({ method: 'PATCH', url: `/api/v1/organizations/${lucca}`, headers, payload: { population: 1 } });
    expect(field.statusCode).toBe(403);
    expect(field.json().code).toBe('organization.field_not_allowed');
  });
});

describe('text people type', () => {
  it('refuses a line break in a body’s name and a bidi override anywhere, naming the field', async () => {
    const post = (payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: '/api/v1/organizations', headers: { ...adminAuth, 'content-type': 'application/json' }, payload });
    const broken = await post({ kind: 'association', name: 'Associazione\r\nBcc: tutti@ente.it' });
    expect(broken.statusCode).toBe(400);
    expect(broken.headers['content-type']).toContain('application/problem+json');
    expect(broken.json().errors).toEqual([{ field: 'body.name', message: 'deve stare su una riga' }]);
    const reversed = await t.app.inject({ method: 'GET', url: `/api/v1/organizations?q=${encodeURIComponent('agli\u202e')}`, headers: employeeAuth });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().errors[0].field).toBe('query.q');
    expect((await post({ kind: 'association', name: 'Associazione su una riga' })).statusCode).toBe(201);
  });
});

