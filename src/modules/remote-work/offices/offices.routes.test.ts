import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { Role } from '../../../platform/auth/context.js';
import { makeCodiceFiscale } from './codice-fiscale.js';
import { MAX_IMPORT_BYTES } from './employee-csv.js';

let t: TestApp;
let lucca: string;
let hr: Record<string, string>;
let otherHr: Record<string, string>;
let admin: Record<string, string>;
let plainEmployee: Record<string, string>;
let plainEmployeeUser: { id: string; email: string };
let manager: Record<string, string>;
let managerUser: { id: string };

const HEADER = 'codice_fiscale;nome;cognome;email;codice_ufficio;competenze;giorni_preferiti;lavoratore_fragile';
let seq = 0;
/** A distinct valid codice fiscale per call. */
function cf(surname = 'Rossi', name = 'Mario', sex: 'M' | 'F' = 'M'): string {
  seq++;
  const d = new Date(Date.UTC(1960, 0, 1) + seq * 86_400_000 * 3).toISOString().slice(0, 10);
  return makeCodiceFiscale({ surname, name, birthDate: d, sex, placeCode: 'E715' });
}

async function as(org: string, roles: Role[], email?: string) {
  const u = await createUser(t.db, { organizationId: org, roles, email: email ?? `u-${randomUUID().slice(0, 8)}@test.agilepa.example` });
  return { headers: (await login(t.app, u.email, u.password)).headers, user: u };
}

const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({ method, url: `/api/v1/remote-work${url}`, headers, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }) });

async function office(code: string, extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/offices', hr, { code, name: `Ufficio ${code}`, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers.location).toBe(`/api/v1/remote-work/offices/${res.json().id}`);
  return res.json().id as string;
}

async function employee(officeId: string, extra: Record<string, unknown> = {}) {
  const res = await call('POST', '/employees', hr, { taxCode: cf(), firstName: 'Mario', lastName: 'Rossi', officeId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers.location).toBe(`/api/v1/remote-work/employees/${res.json().id}`);
  return res.json() as { id: string; taxCode: string; userId: string | null; officeId: string };
}

const count = async (sql: string, params: unknown[] = []) => (await t.db.query<{ n: number }>(sql, params)).rows[0].n;
const auditCount = (action: string) => count(`select count(*)::int as n from audit_log where organization_id = $1 and action = $2`, [lucca, action]);

beforeAll(async () => {
  t = await createTestApp();
  lucca = await organizationId(t.db, '046');
  const torino = await organizationId(t.db, '001272');
  hr = (await as(lucca, ['hr_manager'])).headers;
  otherHr = (await as(torino, ['hr_manager', 'body_admin'])).headers;
  admin = (await as(lucca, ['platform_admin'])).headers;
  const e = await as(lucca, ['employee'], `dipendente-${randomUUID().slice(0, 6)}@test.agilepa.example`);
  plainEmployee = e.headers;
  plainEmployeeUser = e.user;
  const m = await as(lucca, ['office_manager']);
  manager = m.headers;
  managerUser = m.user;
});
afterAll(async () => t?.close());

describe('offices', () => {
  it('creates offices in a tree, refuses repeated codes (any case), unknown parents and managers outside the body, and audits', async () => {
    const before = await auditCount('office.create');
    const root = await office('DIR');
    const child = await office('dir-2', { parentId: root, managerUserId: managerUser.id });
    const detail = await call('GET', `/offices/${child}`, hr);
    expect(detail.json()).toMatchObject({ code: 'dir-2', parentId: root, managerUserId: managerUser.id, activeEmployees: 0, coverage: [], activities: [] });
    expect(await auditCount('office.create')).toBe(before + 2);

    const dup = await call('POST', '/offices', hr, { code: 'Dir', name: 'Doppione' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'office.code_taken' });
    expect(dup.headers['content-type']).toContain('application/problem+json');

    const badParent = await call('POST', '/offices', hr, { code: 'X1', name: 'X', parentId: randomUUID() });
    expect(badParent.json()).toMatchObject({ status: 422, code: 'office.invalid_parent' });

    const outsider = await createUser(t.db, { organizationId: await organizationId(t.db, '001001'), roles: ['employee'] });
    const badManager = await call('POST', '/offices', hr, { code: 'X2', name: 'X', managerUserId: outsider.id });
    expect(badManager.json()).toMatchObject({ status: 422, code: 'office.invalid_manager' });

    const badCode = await call('POST', '/offices', hr, { code: 'con spazi', name: 'X' });
    expect(badCode.statusCode).toBe(400);
  });

  it('refuses a loop in the tree', async () => {
    const a = await office('LOOP-A');
    const b = await office('LOOP-B', { parentId: a });
    const c = await office('LOOP-C', { parentId: b });
    const loop = await call('PATCH', `/offices/${a}`, hr, { parentId: c });
    expect(loop.json()).toMatchObject({ status: 422, code: 'office.invalid_parent' });
    const self = await call('PATCH', `/offices/${a}`, hr, { parentId: a });
    expect(self.json()).toMatchObject({ status: 422, code: 'office.invalid_parent' });
    const ok = await call('PATCH', `/offices/${c}`, hr, { parentId: a, name: 'Spostato' });
    expect(ok.json()).toMatchObject({ parentId: a, name: 'Spostato' });
  });

  it('lists the body’s offices to everyone in the body, and to nobody else', async () => {
    const id = await office('VISIBLE');
    const list = await call('GET', '/offices', plainEmployee);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((o: { id: string }) => o.id)).toContain(id);
    const other = await call('GET', '/offices', otherHr);
    expect(other.json().items.map((o: { id: string }) => o.id)).not.toContain(id);
    expect((await call('GET', `/offices/${id}`, otherHr)).json()).toMatchObject({ status: 404, code: 'office.not_found' });
    expect((await call('PATCH', `/offices/${id}`, otherHr, { name: 'preso' })).statusCode).toBe(404);
    expect((await call('DELETE', `/offices/${id}`, otherHr)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/offices' })).statusCode).toBe(401);
  });

  it('lets only HR and body administrators create, change and delete offices', async () => {
    const id = await office('ONLYHR');
    for (const h of [plainEmployee, manager]) {
      expect((await call('POST', '/offices', h, { code: 'NOPE', name: 'No' })).json()).toMatchObject({ status: 403, code: 'remote_work.forbidden' });
      expect((await call('PATCH', `/offices/${id}`, h, { name: 'No' })).statusCode).toBe(403);
      expect((await call('DELETE', `/offices/${id}`, h)).statusCode).toBe(403);
    }
    expect((await call('GET', `/offices/${id}`, hr)).json().name).toBe('Ufficio ONLYHR');
  });

  it('refuses to delete an office with people or sub-offices, then deletes it once empty', async () => {
    const parent = await office('DEL-P');
    const child = await office('DEL-C', { parentId: parent });
    const e = await employee(parent);
    const withPeople = await call('DELETE', `/offices/${parent}`, hr);
    expect(withPeople.statusCode).toBe(409);
    expect(withPeople.json()).toMatchObject({ code: 'office.has_people', dependents: { employees: 1, children: 1 } });
    expect(withPeople.json().detail).toContain('1 persona');
    // deactivated people still belong to the office
    expect((await call('PATCH', `/employees/${e.id}`, hr, { active: false })).statusCode).toBe(200);
    expect((await call('DELETE', `/offices/${parent}`, hr)).statusCode).toBe(409);
    expect((await call('PATCH', `/employees/${e.id}`, hr, { officeId: child })).statusCode).toBe(200);
    expect((await call('DELETE', `/offices/${parent}`, hr)).statusCode).toBe(409); // the sub-office
    expect((await call('PATCH', `/offices/${child}`, hr, { parentId: null })).statusCode).toBe(200);
    const before = await auditCount('office.delete');
    expect((await call('DELETE', `/offices/${parent}`, hr)).statusCode).toBe(204);
    expect((await call('GET', `/offices/${parent}`, hr)).statusCode).toBe(404);
    expect(await auditCount('office.delete')).toBe(before + 1);
  });
});

describe('coverage rules', () => {
  let urp: string;
  let people: { id: string }[];
  beforeAll(async () => {
    urp = await office('URP', { managerUserId: managerUser.id });
    people = [
      await employee(urp, { skills: ['sportello'] }),
      await employee(urp, { skills: ['sportello', 'protocollo'] }),
      await employee(urp),
    ];
  });

  it('accepts minima up to the office’s active people, in total and per skill', async () => {
    const res = await call('PUT', `/offices/${urp}/coverage-rules`, hr, {
      rules: [
        { weekday: 1, minOnSite: 3, skills: [{ skill: 'sportello', minOnSite: 2 }] },
        { weekday: 3, minOnSite: 1, skills: [{ skill: 'Protocollo', minOnSite: 1 }] },
        { weekday: 5, minOnSite: 0, skills: [{ skill: 'sportello', minOnSite: 1 }] },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().coverage).toEqual([
      { weekday: 1, minOnSite: 3, skills: [{ skill: 'sportello', minOnSite: 2 }] },
      { weekday: 3, minOnSite: 1, skills: [{ skill: 'protocollo', minOnSite: 1 }] },
      { weekday: 5, minOnSite: 0, skills: [{ skill: 'sportello', minOnSite: 1 }] },
    ]);
    expect(res.json().skillCounts).toEqual([
      { skill: 'protocollo', people: 1 },
      { skill: 'sportello', people: 2 },
    ]);
    expect(await auditCount('office.coverage_set')).toBeGreaterThan(0);
  });

  it('refuses a minimum larger than the office, or a skill minimum larger than the people with it, with the numbers', async () => {
    const tooMany = await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 2, minOnSite: 4 }] });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: 'office.coverage_exceeds_staff', shortfalls: [{ weekday: 2, skill: '', required: 4, available: 3 }] });
    expect(tooMany.json().detail).toContain('martedì: il presidio richiede 4 persone in sede, l’ufficio ne ha 3');
    const skill = await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 1, minOnSite: 1, skills: [{ skill: 'sportello', minOnSite: 3 }] }] });
    expect(skill.json()).toMatchObject({ code: 'office.coverage_exceeds_staff', shortfalls: [{ weekday: 1, skill: 'sportello', required: 3, available: 2 }] });
    const unknownSkill = await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 1, minOnSite: 1, skills: [{ skill: 'ragioneria', minOnSite: 1 }] }] });
    expect(unknownSkill.json()).toMatchObject({ code: 'office.coverage_exceeds_staff' });
    // nothing changed
    expect((await call('GET', `/offices/${urp}`, hr)).json().coverage[0]).toEqual({ weekday: 1, minOnSite: 3, skills: [{ skill: 'sportello', minOnSite: 2 }] });
  });

  it('refuses malformed rules', async () => {
    const twice = await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 1, minOnSite: 1 }, { weekday: 1, minOnSite: 2 }] });
    expect(twice.json()).toMatchObject({ status: 422, code: 'office.invalid_coverage' });
    const skillTwice = await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 1, minOnSite: 1, skills: [{ skill: 'a', minOnSite: 0 }, { skill: 'a', minOnSite: 0 }] }] });
    expect(skillTwice.json()).toMatchObject({ status: 422, code: 'office.invalid_coverage' });
    for (const bad of [{ weekday: 0, minOnSite: 1 }, { weekday: 8, minOnSite: 1 }, { weekday: 1, minOnSite: -1 }, { weekday: 1, minOnSite: 1.5 }]) {
      expect((await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [bad] })).statusCode).toBe(400);
    }
  });

  it('lets the office’s manager set its rules, but not another office’s; employees never', async () => {
    const mine = await call('PUT', `/offices/${urp}/coverage-rules`, manager, { rules: [{ weekday: 1, minOnSite: 3, skills: [{ skill: 'sportello', minOnSite: 2 }] }] });
    expect(mine.statusCode, mine.body).toBe(200);
    const other = await office('NOT-MINE');
    expect((await call('PUT', `/offices/${other}/coverage-rules`, manager, { rules: [] })).json()).toMatchObject({ status: 403, code: 'remote_work.forbidden' });
    expect((await call('PUT', `/offices/${urp}/coverage-rules`, plainEmployee, { rules: [] })).statusCode).toBe(403);
  });

  it('refuses to deactivate, move or strip the skill of someone the coverage needs; allows it once the rule is lowered', async () => {
    const deact = await call('PATCH', `/employees/${people[2].id}`, hr, { active: false });
    expect(deact.statusCode).toBe(409);
    expect(deact.json()).toMatchObject({ code: 'office.coverage_exceeds_staff' });
    expect(deact.json().detail).toContain('Disattivando');
    const elsewhere = await office('ELSEWHERE');
    expect((await call('PATCH', `/employees/${people[2].id}`, hr, { officeId: elsewhere })).statusCode).toBe(409);
    expect((await call('PATCH', `/employees/${people[0].id}`, hr, { skills: [] })).json()).toMatchObject({ code: 'office.coverage_exceeds_staff' });
    expect((await call('GET', `/employees/${people[2].id}`, hr)).json()).toMatchObject({ active: true, officeId: urp });
    expect((await call('PUT', `/offices/${urp}/coverage-rules`, hr, { rules: [{ weekday: 1, minOnSite: 2, skills: [{ skill: 'sportello', minOnSite: 2 }] }] })).statusCode).toBe(200);
    const ok = await call('PATCH', `/employees/${people[2].id}`, hr, { active: false });
    expect(ok.json()).toMatchObject({ active: false });
    expect(await auditCount('employee.deactivate')).toBeGreaterThan(0);
    expect((await call('GET', `/offices/${urp}`, hr)).json().activeEmployees).toBe(2);
  });

  it('keeps the activities of an office, remotable or not', async () => {
    const res = await call('PUT', `/offices/${urp}/activities`, hr, {
      activities: [
        { name: 'Sportello al pubblico', remotable: false },
        { name: 'Istruttoria delle pratiche', remotable: true },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().activities.map((a: { name: string; remotable: boolean }) => [a.name, a.remotable])).toEqual([
      ['Istruttoria delle pratiche', true],
      ['Sportello al pubblico', false],
    ]);
    const dup = await call('PUT', `/offices/${urp}/activities`, hr, { activities: [{ name: 'A', remotable: true }, { name: 'a', remotable: false }] });
    expect(dup.json()).toMatchObject({ status: 422, code: 'office.invalid_activities' });
    expect((await call('PUT', `/offices/${urp}/activities`, plainEmployee, { activities: [] })).statusCode).toBe(403);
    expect(await auditCount('office.activities_set')).toBe(1);
  });
});

describe('employees', () => {
  let tributi: string;
  let personale: string;
  beforeAll(async () => {
    tributi = await office('TRIB', { managerUserId: managerUser.id });
    personale = await office('PERS');
  });

  it('validates the codice fiscale and refuses duplicates of tax code and e-mail in the body', async () => {
    const bad = await call('POST', '/employees', hr, { taxCode: 'RSSMRA85T10A562T', firstName: 'Mario', lastName: 'Rossi', officeId: tributi });
    expect(bad.json()).toMatchObject({ status: 422, code: 'employee.invalid_tax_code', errors: [{ field: 'body.taxCode' }] });
    expect(bad.json().detail).toContain('carattere di controllo');
    const badName = await call('POST', '/employees', hr, { taxCode: cf(), firstName: '=1+1', lastName: '', officeId: tributi });
    expect(badName.json()).toMatchObject({ status: 422, code: 'employee.invalid' });
    expect(badName.json().errors.map((e: { field: string }) => e.field)).toEqual(['body.firstName', 'body.lastName']);
    const code = cf();
    const first = await call('POST', '/employees', hr, { taxCode: code.toLowerCase(), firstName: 'Anna', lastName: 'Neri', officeId: tributi, email: 'Anna.Neri@provincia.lucca.it' });
    expect(first.json()).toMatchObject({ taxCode: code, email: 'anna.neri@provincia.lucca.it', officeCode: 'TRIB', active: true });
    expect((await call('POST', '/employees', hr, { taxCode: code, firstName: 'Anna', lastName: 'Neri', officeId: tributi })).json()).toMatchObject({ status: 409, code: 'employee.duplicate_tax_code' });
    expect((await call('POST', '/employees', hr, { taxCode: cf(), firstName: 'Bea', lastName: 'Neri', officeId: tributi, email: 'anna.neri@provincia.lucca.it' })).json()).toMatchObject({
      status: 409,
      code: 'employee.duplicate_email',
    });
    expect((await call('POST', '/employees', hr, { taxCode: cf(), firstName: 'Bea', lastName: 'Neri', officeId: randomUUID() })).json()).toMatchObject({ status: 404, code: 'office.not_found' });
    // the same tax code is fine in another body
    const torinoOffice = await call('POST', '/offices', otherHr, { code: 'TRIB', name: 'Tributi Torino' });
    expect((await call('POST', '/employees', otherHr, { taxCode: code, firstName: 'Anna', lastName: 'Neri', officeId: torinoOffice.json().id })).statusCode).toBe(201);
    // but never into another body's office
    expect((await call('POST', '/employees', otherHr, { taxCode: cf(), firstName: 'Anna', lastName: 'Neri', officeId: tributi })).statusCode).toBe(404);
  });

  it('links the employee to the platform account of the body with the same e-mail, and shows it as "me"', async () => {
    expect((await call('GET', '/employees/me', plainEmployee)).json()).toMatchObject({ status: 404, code: 'employee.not_found' });
    const e = await employee(tributi, { email: plainEmployeeUser.email.toUpperCase(), firstName: 'Luca', lastName: 'Dipendente' });
    expect(e.userId).toBe(plainEmployeeUser.id);
    const me = await call('GET', '/employees/me', plainEmployee);
    expect(me.json()).toMatchObject({ id: e.id, userId: plainEmployeeUser.id });
    expect((await call('GET', `/employees/${e.id}`, plainEmployee)).statusCode).toBe(200);
    // changing the e-mail drops the link
    const changed = await call('PATCH', `/employees/${e.id}`, hr, { email: 'altro@provincia.lucca.it' });
    expect(changed.json().userId).toBeNull();
    expect((await call('PATCH', `/employees/${e.id}`, hr, { email: plainEmployeeUser.email })).json().userId).toBe(plainEmployeeUser.id);
    // an account of another body with that e-mail is not linked
    const foreign = await createUser(t.db, { organizationId: await organizationId(t.db, '001001'), roles: ['employee'] });
    expect((await employee(tributi, { email: foreign.email })).userId).toBeNull();
  });

  it('lists with pagination, office, text and status filters; others’ employees never', async () => {
    const pOffice = await office('PAG');
    for (let i = 0; i < 5; i++) await employee(pOffice, { lastName: `Pagina${String.fromCharCode(65 + i)}`, firstName: 'Test' });
    const p1 = await call('GET', `/employees?officeId=${pOffice}&pageSize=2&page=1`, hr);
    expect(p1.json()).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(p1.json().items.map((e: { lastName: string }) => e.lastName)).toEqual(['PaginaA', 'PaginaB']);
    const p3 = await call('GET', `/employees?officeId=${pOffice}&pageSize=2&page=3`, hr);
    expect(p3.json().items.map((e: { lastName: string }) => e.lastName)).toEqual(['PaginaE']);
    expect((await call('GET', `/employees?q=paginac`, hr)).json().items.map((e: { lastName: string }) => e.lastName)).toEqual(['PaginaC']);
    const id = p1.json().items[0].id;
    await call('PATCH', `/employees/${id}`, hr, { active: false });
    expect((await call('GET', `/employees?officeId=${pOffice}&status=active`, hr)).json().total).toBe(4);
    expect((await call('GET', `/employees?officeId=${pOffice}&status=inactive`, hr)).json().total).toBe(1);
    expect((await call('GET', `/employees?officeId=${pOffice}&pageSize=101`, hr)).statusCode).toBe(400);
    expect((await call('GET', `/employees?officeId=${pOffice}`, otherHr)).json().total).toBe(0);
    expect((await call('GET', `/employees/${id}`, otherHr)).statusCode).toBe(404);
    expect((await call('GET', '/employees', plainEmployee)).json()).toMatchObject({ status: 403, code: 'employee.not_own_office' });
  });

  it('lets an office manager see and change only the people of his offices, and move them only among them', async () => {
    const mine = await employee(tributi, { lastName: 'Mio' });
    const notMine = await employee(personale, { lastName: 'Altrui' });
    const list = await call('GET', '/employees?pageSize=100', manager);
    const offices = new Set(list.json().items.map((e: { officeId: string }) => e.officeId));
    expect([...offices].every((o) => o !== personale)).toBe(true);
    expect((await call('GET', `/employees?officeId=${personale}`, manager)).statusCode).toBe(403);
    expect((await call('GET', `/employees/${notMine.id}`, manager)).statusCode).toBe(403);
    expect((await call('PATCH', `/employees/${notMine.id}`, manager, { skills: ['x'] })).json()).toMatchObject({ status: 403, code: 'employee.not_own_office' });
    expect((await call('PATCH', `/employees/${mine.id}`, manager, { preferredWeekdays: [5, 1, 5] })).json().preferredWeekdays).toEqual([1, 5]);
    expect((await call('PATCH', `/employees/${mine.id}`, manager, { officeId: personale })).statusCode).toBe(403);
    expect((await call('POST', '/employees', manager, { taxCode: cf(), firstName: 'A', lastName: 'B', officeId: tributi })).statusCode).toBe(403);
  });
});

describe('CSV import and export', () => {
  let ragioneria: string;
  beforeAll(async () => {
    ragioneria = await office('RAG');
  });
  const importCsv = (mode: string, content: string, headers = hr) => t.app.inject({ method: 'POST', url: `/api/v1/remote-work/employees/import?mode=${mode}`, headers, payload: { content } });

  it('previews every row with its errors and writes nothing, not even on commit', async () => {
    const good = cf('Bianchi', 'Giulia', 'F');
    const content = [
      HEADER,
      `${good};Giulia;Bianchi;giulia.bianchi@provincia.lucca.it;rag;sportello;lun,mer;no`,
      `${good};Giulia;Bianchi;;RAG;;;no`,
      `RSSMRA85T10A562T;Mario;Rossi;;RAG;;;no`,
      `${cf()};Mario;Rossi;mario@;NESSUNO;;dom;forse`,
    ].join('\r\n');
    const n = await count(`select count(*)::int as n from rw_employees where organization_id = $1`, [lucca]);
    const preview = await importCsv('preview', content);
    expect(preview.statusCode, preview.body).toBe(200);
    const r = preview.json();
    expect(r).toMatchObject({ clean: false, committed: false, totalRows: 4, rowsWithErrors: 3 });
    expect(r.rows.map((x: { line: number; errors: { code: string }[] }) => [x.line, x.errors.map((e) => e.code)])).toEqual([
      [2, []],
      [3, ['tax_code.duplicate_in_file']],
      [4, ['tax_code.check']],
      [5, ['email.invalid', 'office.unknown', 'fragile.invalid']],
    ]);
    const commit = await importCsv('commit', content);
    expect(commit.statusCode).toBe(422);
    expect(commit.headers['content-type']).toContain('application/problem+json');
    expect(commit.json()).toMatchObject({ code: 'employee.import_invalid', report: { clean: false, committed: false, rowsWithErrors: 3 } });
    expect(commit.json().report.rows).toEqual(r.rows);
    expect(commit.json().errors[0]).toMatchObject({ field: 'riga 3: codice_fiscale' });
    expect(await count(`select count(*)::int as n from rw_employees where organization_id = $1`, [lucca])).toBe(n);
    expect(await auditCount('employee.import')).toBe(0);
  });

  it('refuses wrong columns for the whole file', async () => {
    const res = await importCsv('preview', `codice_fiscale;nome;cognome;ufficio_xyz\n${cf()};Mario;Rossi;RAG\n`);
    expect(res.json().fileErrors.map((e: { code: string }) => e.code).sort()).toEqual(['columns.missing', 'columns.unknown']);
  });

  it('imports a clean file in one go (create and update by tax code), links accounts, and audits each change', async () => {
    const existing = await employee(ragioneria, { lastName: 'Verdi', firstName: 'Luca', taxCode: makeCodiceFiscale({ surname: 'Verdi', name: 'Luca', birthDate: '1971-04-04', sex: 'M', placeCode: 'E715' }) });
    const user = await createUser(t.db, { organizationId: lucca, roles: ['employee'], email: `csv-${randomUUID().slice(0, 6)}@provincia.lucca.it` });
    const a = cf('Gialli', 'Paolo');
    const content = '\uFEFF' + HEADER.replace(/;/g, ',') + '\n' + [`${a},Paolo,Gialli,${user.email},RAG,"sportello,protocollo",1 3,sì`, `${existing.taxCode},Luca,Verdi,,rag,protocollo,,no`].join('\n') + '\n';
    const preview = await importCsv('preview', content);
    expect(preview.json()).toMatchObject({ separator: ',', clean: true, creates: 1, updates: 1, unchanged: 0 });
    const commit = await importCsv('commit', content);
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ committed: true, creates: 1, updates: 1 });
    const list = (await call('GET', `/employees?officeId=${ragioneria}&pageSize=100`, hr)).json().items;
    const paolo = list.find((e: { taxCode: string }) => e.taxCode === a);
    expect(paolo).toMatchObject({ firstName: 'Paolo', skills: ['protocollo', 'sportello'], preferredWeekdays: [1, 3], disabledWorker: true, userId: user.id });
    expect(list.find((e: { id: string }) => e.id === existing.id)).toMatchObject({ skills: ['protocollo'] });
    expect(await auditCount('employee.import')).toBe(1);
    // who, before and after of each changed employee, in the import's audit entries
    const rows = await t.db.query<{ after: { employees: { id: string; action: string; before: { skills: string[] } | null; after: { taxCode: string; skills: string[] } }[] } }>(
      `select after from audit_log where organization_id = $1 and action = 'employee.import_rows'`,
      [lucca],
    );
    const audited = rows.rows.flatMap((r) => (typeof r.after === 'string' ? JSON.parse(r.after) : r.after).employees);
    expect(audited.map((e) => [e.action, e.after.taxCode]).sort()).toEqual([['create', a], ['update', existing.taxCode]].sort());
    expect(audited.find((e) => e.action === 'update')).toMatchObject({ id: existing.id, before: { skills: [] }, after: { skills: ['protocollo'] } });
    // the same file again changes nothing
    expect((await importCsv('preview', content)).json()).toMatchObject({ clean: true, creates: 0, updates: 0, unchanged: 2 });
  });

  it('refuses a file whose moves would leave an office below its coverage', async () => {
    const desk = await office('DESK');
    const p = await employee(desk, { lastName: 'Presidio', firstName: 'Sara', taxCode: makeCodiceFiscale({ surname: 'Presidio', name: 'Sara', birthDate: '1980-02-02', sex: 'F', placeCode: 'E715' }) });
    expect((await call('PUT', `/offices/${desk}/coverage-rules`, hr, { rules: [{ weekday: 2, minOnSite: 1 }] })).statusCode).toBe(200);
    const res = await importCsv('commit', `${HEADER}\n${p.taxCode};Sara;Presidio;;RAG;;;no\n`);
    expect(res.statusCode).toBe(422);
    expect(res.json().report.fileErrors[0]).toMatchObject({ code: 'coverage.exceeds_staff' });
    expect(res.json().report.fileErrors[0].message).toContain('martedì');
    expect((await call('GET', `/employees/${p.id}`, hr)).json().officeId).toBe(desk);
  });

  it('exports the active employees in the import’s columns, and the export imports back unchanged', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/employees/export?officeId=${ragioneria}`, headers: hr });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="dipendenti-\d{4}-\d{2}-\d{2}\.csv"/);
    const text = res.body;
    expect(text.startsWith('\uFEFF' + HEADER + '\r\n')).toBe(true);
    expect(text).toContain(';Paolo;Gialli;');
    expect(text).toContain(';protocollo,sportello;lun,mer;sì\r\n');
    const back = await importCsv('preview', text);
    const lines = text.trim().split('\r\n').length - 1;
    expect(back.json()).toMatchObject({ clean: true, unchanged: lines, creates: 0, updates: 0 });
    const comma = await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/employees/export?separator=comma`, headers: hr });
    expect((await importCsv('preview', comma.body)).json()).toMatchObject({ clean: true, separator: ',', creates: 0, updates: 0 });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/employees/export', headers: plainEmployee })).statusCode).toBe(403);
  });

  it('refuses files over 5 MB with a clear error, and imports by anyone but HR', async () => {
    const big = HEADER + '\n' + 'x'.repeat(MAX_IMPORT_BYTES);
    const res = await importCsv('preview', big);
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'employee.import_too_large', title: expect.stringContaining('5 MB') });
    expect((await importCsv('preview', `${HEADER}\n`, manager)).statusCode).toBe(403);
    expect((await importCsv('preview', `${HEADER}\n`, plainEmployee)).statusCode).toBe(403);
    expect((await importCsv('nope', `${HEADER}\n`)).statusCode).toBe(400);
  });
});

describe('absences and closures', () => {
  let emp: { id: string };
  let mine: { id: string };
  beforeAll(async () => {
    const o = await office('ASS');
    emp = await employee(o);
    const me = await call('GET', '/employees/me', plainEmployee);
    mine = me.json();
  });

  it('records absences per day over a range, lists and removes them', async () => {
    const set = await call('PUT', `/employees/${emp.id}/absences`, hr, { from: '2027-03-01', to: '2027-03-05', kind: 'training' });
    expect(set.json()).toEqual({ employeeId: emp.id, from: '2027-03-01', to: '2027-03-05', days: 5 });
    await call('PUT', `/employees/${emp.id}/absences`, hr, { from: '2027-03-03', to: '2027-03-03', kind: 'sick' });
    const list = await call('GET', `/absences?from=2027-03-01&to=2027-03-31&employeeId=${emp.id}`, hr);
    expect(list.json().items.map((a: { day: string; kind: string }) => `${a.day}:${a.kind}`)).toEqual([
      '2027-03-01:training',
      '2027-03-02:training',
      '2027-03-03:sick',
      '2027-03-04:training',
      '2027-03-05:training',
    ]);
    const del = await call('DELETE', `/employees/${emp.id}/absences?from=2027-03-04&to=2027-03-10`, hr);
    expect(del.json().days).toBe(2);
    expect((await call('GET', `/absences?from=2027-03-01&to=2027-03-31&employeeId=${emp.id}`, hr)).json().items).toHaveLength(3);
    expect(await auditCount('absence.set')).toBe(2);
  });

  it('refuses bad ranges and other people’s absences', async () => {
    expect((await call('PUT', `/employees/${emp.id}/absences`, hr, { from: '2027-03-05', to: '2027-03-01' })).json()).toMatchObject({ status: 422, code: 'absence.invalid_range' });
    expect((await call('PUT', `/employees/${emp.id}/absences`, hr, { from: '2027-01-01', to: '2028-01-02' })).json()).toMatchObject({ status: 422, code: 'absence.invalid_range' });
    expect((await call('PUT', `/employees/${emp.id}/absences`, hr, { from: '2027-02-30', to: '2027-03-01' })).statusCode).toBe(400);
    expect((await call('GET', '/absences?from=2027-01-01&to=2028-01-02', hr)).json()).toMatchObject({ code: 'absence.range_too_wide' });
    expect((await call('PUT', `/employees/${emp.id}/absences`, plainEmployee, { from: '2027-03-01', to: '2027-03-01' })).statusCode).toBe(403);
    expect((await call('PUT', `/employees/${emp.id}/absences`, otherHr, { from: '2027-03-01', to: '2027-03-01' })).statusCode).toBe(404);
    // an employee sees his own absences only
    await call('PUT', `/employees/${mine.id}/absences`, hr, { from: '2027-03-10', to: '2027-03-10' });
    const own = await call('GET', '/absences?from=2027-03-01&to=2027-03-31', plainEmployee);
    expect(own.json().items).toEqual([{ employeeId: mine.id, day: '2027-03-10', kind: 'leave' }]);
    expect((await call('GET', `/absences?from=2027-03-01&to=2027-03-31&employeeId=${emp.id}`, plainEmployee)).statusCode).toBe(403);
  });

  it('keeps the body’s closures: HR sets and removes, everyone reads', async () => {
    const set = await call('PUT', '/closures/2027-08-16', hr, { reason: 'Chiusura estiva' });
    expect(set.json()).toEqual({ day: '2027-08-16', reason: 'Chiusura estiva' });
    expect((await call('PUT', '/closures/2027-08-16', hr, { reason: 'Ponte di Ferragosto' })).json().reason).toBe('Ponte di Ferragosto');
    expect((await call('GET', '/closures?from=2027-01-01&to=2027-12-31', plainEmployee)).json()).toEqual([{ day: '2027-08-16', reason: 'Ponte di Ferragosto' }]);
    expect((await call('GET', '/closures?from=2027-01-01&to=2027-12-31', otherHr)).json()).toEqual([]);
    expect((await call('PUT', '/closures/2027-08-17', plainEmployee, { reason: 'no' })).statusCode).toBe(403);
    expect((await call('PUT', '/closures/2027-13-01', hr, { reason: 'no' })).statusCode).toBe(400);
    expect((await call('DELETE', '/closures/2027-08-16', otherHr)).statusCode).toBe(404);
    expect((await call('DELETE', '/closures/2027-08-16', hr)).statusCode).toBe(204);
    expect((await call('DELETE', '/closures/2027-08-16', hr)).statusCode).toBe(404);
    expect(await auditCount('closure.set')).toBe(2);
    expect(await auditCount('closure.remove')).toBe(1);
  });
});

describe('platform administrators', () => {
  it('act on the body they have chosen', async () => {
    const res = await call('POST', '/offices', admin, { code: 'ADM', name: 'Creato da un amministratore' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().organizationId).toBe(lucca);
  });
});
