import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { createTestDb } from '../../../test/helpers.js';
import type { Db } from '../../platform/db/index.js';
import type { AuthContext, Role } from '../../platform/auth/context.js';
import { AppError } from '../../platform/http/errors.js';
import { findOrganizationByCode, getOrganizationNames } from './index.js';
import { loadOfficialListIntoDb } from './load-official-list.js';
import { OFFICIAL_LIST_KEY } from './organizations.repo.js';
import { searchOrganizations } from './search-organizations.js';
import { showOrganization } from './show-organization.js';
import { listOrganizationChildren } from './list-organization-children.js';
import { createOrganization } from './create-organization.js';
import { updateOrganization } from './update-organization.js';
import { seedOrganizationsDemo, DEMO_UNION_MEMBERS } from './seed-demo.js';

let db: Db;
const as = (roles: Role[], organizationId: string | null = null): AuthContext => ({
  userId: randomUUID(),
  email: `${roles.join('+') || 'nobody'}@example.it`,
  displayName: 'Test',
  organizationId,
  roles,
  via: 'token',
});
const admin = as(['platform_admin']);
const page = { page: 1, pageSize: 20 };

async function rejects(p: Promise<unknown>, code: string, status: number) {
  const err = await p.then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect((err as AppError).status).toBe(status);
}

beforeAll(async () => {
  db = await createTestDb();
  await seedOrganizationsDemo(db);
});
afterAll(async () => db?.close());

describe('official list', () => {
  it('has every municipality, province-level body and region, with parent links', async () => {
    const r = await db.query<{ kind: string; n: number }>(`select kind, count(*)::int as n from organizations where source = 'istat' group by kind`);
    const n = Object.fromEntries(r.rows.map((x) => [x.kind, x.n]));
    expect(n.municipality).toBe(7896);
    expect(n.province + n.metropolitan_city).toBe(107);
    expect(n.metropolitan_city).toBe(14);
    expect(n.region).toBe(20);
    const orphans = await db.query(`select 1 from organizations o where o.kind = 'municipality'
      and (select count(*) from organization_links l where l.organization_id = o.id and l.relation = 'part_of') <> 2`);
    expect(orphans.rows).toHaveLength(0);
  });

  it('skips when the version is recorded and re-runs without duplicates when it is not', async () => {
    expect((await loadOfficialListIntoDb(db)).loaded).toBe(false);
    await db.query(`delete from platform_settings where key = $1`, [OFFICIAL_LIST_KEY]);
    await db.query(`update organizations set name = 'Nome vecchio' where istat_code = '001001'`);
    expect((await loadOfficialListIntoDb(db)).loaded).toBe(true);
    const r = await db.query<{ n: number }>(`select count(*)::int as n from organizations where source = 'istat'`);
    expect(r.rows[0].n).toBe(7896 + 107 + 20);
    expect((await findOrganizationByCode(db, '001001'))?.name).toBe('Agliè');
    const links = await db.query<{ n: number }>(`select count(*)::int as n from organization_links where relation = 'part_of'`);
    expect(links.rows[0].n).toBeGreaterThanOrEqual(7896 * 2 + 107);
  });

  it('finds bodies by ISTAT code, IPA code and sigla; names by id', async () => {
    const aglie = await findOrganizationByCode(db, '001001');
    expect(aglie).toMatchObject({ name: 'Agliè', kind: 'municipality' });
    expect(await findOrganizationByCode(db, 'to')).toMatchObject({ name: 'Città metropolitana di Torino', kind: 'metropolitan_city' });
    expect(await findOrganizationByCode(db, '01')).toMatchObject({ name: 'Regione Piemonte', kind: 'region' });
    expect(await findOrganizationByCode(db, 'ANCI_PIE')).toMatchObject({ name: 'ANCI Piemonte', kind: 'association' });
    expect(await findOrganizationByCode(db, '999999')).toBeNull();
    expect(await findOrganizationByCode(db, '')).toBeNull();
    const names = await getOrganizationNames(db, [aglie!.id, randomUUID(), 'not-a-uuid']);
    expect([...names.values()]).toEqual(['Agliè']);
  });
});

describe('search', () => {
  const user = as(['employee']);
  it('matches names with and without accents', async () => {
    for (const q of ['Aglie', 'agliè', 'AGLIÈ']) {
      const r = await searchOrganizations(db, user, { q, ...page });
      expect(r.items[0].name).toBe('Agliè');
    }
  });
  it('puts exact codes first, then exact names, then prefixes', async () => {
    expect((await searchOrganizations(db, user, { q: '001001', ...page })).items[0].name).toBe('Agliè');
    expect((await searchOrganizations(db, user, { q: 'TO', ...page })).items[0].kind).toBe('metropolitan_city');
    const torino = await searchOrganizations(db, user, { q: 'torino', ...page });
    expect(torino.items[0]).toMatchObject({ name: 'Torino', kind: 'municipality' });
    expect(torino.items.slice(0, 2).map((i) => i.name)).toEqual(['Torino', 'Torino di Sangro']); // exact, then prefix
    expect(torino.items.map((i) => i.name)).toContain('Città metropolitana di Torino'); // a word of the name
    expect(torino.items.map((i) => i.name)).not.toContain('Orino'); // fuzzy only when nothing contains the query
    const lucca = await searchOrganizations(db, user, { q: 'lucc', ...page });
    expect(lucca.items[0].name).toBe('Lucca');
  });
  it('pages through many results and filters by kind and territory', async () => {
    const first = await searchOrganizations(db, user, { q: 'san', page: 1, pageSize: 20 });
    expect(first.items).toHaveLength(20);
    expect(first.total).toBeGreaterThan(500);
    const second = await searchOrganizations(db, user, { q: 'san', page: 2, pageSize: 20 });
    expect(second.items.map((i) => i.id)).not.toContain(first.items[0].id);
    const beyond = await searchOrganizations(db, user, { q: 'san', page: 1000, pageSize: 20 });
    expect(beyond.items).toHaveLength(0);
    expect(beyond.total).toBe(first.total);
    const regions = await searchOrganizations(db, user, { kind: 'region', page: 1, pageSize: 100 });
    expect(regions.total).toBe(20);
    const to = await searchOrganizations(db, user, { kind: 'municipality', provinceCode: 'to', page: 1, pageSize: 1 });
    expect(to.total).toBe(312);
    const piemonte = await searchOrganizations(db, user, { q: 'aglie', regionCode: '08', ...page });
    expect(piemonte.items).toHaveLength(0);
  });
  it('falls back to similar names when nothing contains the query (typos)', async () => {
    const r = await searchOrganizations(db, user, { q: 'Agle', ...page });
    expect(r.items.map((i) => i.name)).toContain('Agliè');
    expect((await searchOrganizations(db, user, { q: 'xqzwv', ...page })).total).toBe(0);
  });
  it('treats LIKE wildcards as plain characters', async () => {
    expect((await searchOrganizations(db, user, { q: '%', ...page })).total).toBe(0);
    expect((await searchOrganizations(db, user, { q: '_', ...page })).total).toBe(0);
    expect((await searchOrganizations(db, user, { q: 'lucca', ...page })).total).toBeGreaterThan(0);
  });
});

describe('show and children', () => {
  it('shows a municipality with its province and region', async () => {
    const aglie = (await findOrganizationByCode(db, '001001'))!;
    const o = await showOrganization(db, as([]), aglie.id);
    expect(o.istatCode).toBe('001001');
    expect(o.parents.map((p) => p.name).sort()).toEqual(['Città metropolitana di Torino', 'Regione Piemonte']);
    await rejects(showOrganization(db, as([]), randomUUID()), 'organization.not_found', 404);
  });
  it('lists a union’s members', async () => {
    const union = (await findOrganizationByCode(db, 'um_vallanzo'))!;
    const c = await listOrganizationChildren(db, as([]), union.id, page);
    expect(c.items.map((i) => i.name).sort()).toEqual([...DEMO_UNION_MEMBERS].sort());
    expect(c.items.every((i) => i.relation === 'member_of')).toBe(true);
  });
});

describe('create and update', () => {
  it('lets a platform admin create a union with members, and records the audit entry', async () => {
    const members = await Promise.all(['001002', '001003'].map((c) => findOrganizationByCode(db, c)));
    const created = await createOrganization(db, admin, {
      kind: 'union_of_municipalities',
      name: 'Unione dei Comuni di Prova',
      ipaCode: 'UC_PROVA',
      memberIds: members.map((m) => m!.id),
      patronDay: '05-01',
    });
    expect(created).toMatchObject({ ipaCode: 'uc_prova', regionCode: '01', provinceCode: 'TO', source: 'operator' });
    const audit = await db.query<{ action: string; organization_id: string; before: unknown; after: { name: string } }>(
      `select action, organization_id, before, after from audit_log where entity_id = $1`,
      [created.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0]).toMatchObject({ action: 'organization.create', organization_id: created.id, before: null });
    expect(audit.rows[0].after.name).toBe('Unione dei Comuni di Prova');
    const found = await searchOrganizations(db, as([]), { q: 'comuni di prova', ...page });
    expect(found.items[0].id).toBe(created.id);
  });

  it('lets provider staff create, refuses an employee', async () => {
    const staff = as(['provider_staff'], (await findOrganizationByCode(db, 'csi_pie'))!.id);
    const p = await createOrganization(db, staff, { kind: 'association', name: 'Associazione di Prova' });
    expect(p.kind).toBe('association');
    await rejects(createOrganization(db, as(['employee', 'body_admin']), { kind: 'provider', name: 'Non ammesso' }), 'auth.forbidden', 403);
  });

  it('refuses a duplicate IPA code and invalid links, writing nothing', async () => {
    const before = await db.query<{ n: number }>(`select count(*)::int as n from organizations`);
    await rejects(createOrganization(db, admin, { kind: 'provider', name: 'Doppione', ipaCode: 'Lepida' }), 'organization.duplicate_code', 409);
    const province = (await findOrganizationByCode(db, 'TO'))!;
    await rejects(createOrganization(db, admin, { kind: 'union_of_municipalities', name: 'Unione errata', memberIds: [province.id] }), 'organization.invalid_link', 422);
    await rejects(createOrganization(db, admin, { kind: 'provider', name: 'Genitore inesistente', parentIds: [randomUUID()] }), 'organization.invalid_link', 422);
    const after = await db.query<{ n: number }>(`select count(*)::int as n from organizations`);
    expect(after.rows[0].n).toBe(before.rows[0].n);
  });

  it('lets a body admin change its own contacts and patron day only', async () => {
    const lucca = (await findOrganizationByCode(db, '046017'))!;
    const own = as(['body_admin'], lucca.id);
    const o = await updateOrganization(db, own, lucca.id, { patronDay: '07-12', pec: 'comune.lucca@postacert.toscana.it' });
    expect(o).toMatchObject({ patronDay: '07-12', pec: 'comune.lucca@postacert.toscana.it' });
    await rejects(updateOrganization(db, own, lucca.id, { ipaCode: 'c_e715' }), 'organization.field_not_allowed', 403);
    const torino = (await findOrganizationByCode(db, '001272'))!;
    await rejects(updateOrganization(db, own, torino.id, { patronDay: '01-01' }), 'auth.forbidden', 403);
    await rejects(updateOrganization(db, as(['employee'], lucca.id), lucca.id, { patronDay: '01-01' }), 'auth.forbidden', 403);
    await rejects(updateOrganization(db, own, randomUUID(), { patronDay: '01-01' }), 'organization.not_found', 404);
    const audit = await db.query<{ before: { patronDay: string | null }; after: { patronDay: string } }>(
      `select before, after from audit_log where entity_id = $1 and action = 'organization.update'`,
      [lucca.id],
    );
    expect(audit.rows).toHaveLength(1);
    expect(audit.rows[0].after.patronDay).toBe('07-12');
  });

  it('lets a platform admin set codes but not rename an official body; refuses a taken IPA code', async () => {
    const aglie = (await findOrganizationByCode(db, '001001'))!;
    const o = await updateOrganization(db, admin, aglie.id, { ipaCode: 'C_A074', taxCode: '00514490010' });
    expect(o.ipaCode).toBe('c_a074');
    await rejects(updateOrganization(db, admin, aglie.id, { name: 'Aglie nuova' }), 'organization.official_field_read_only', 422);
    await rejects(updateOrganization(db, admin, aglie.id, { ipaCode: 'anci_pie' }), 'organization.duplicate_code', 409);
    const anci = (await findOrganizationByCode(db, 'anci_pie'))!;
    const renamed = await updateOrganization(db, admin, anci.id, { name: 'ANCI Piemonte – Associazione dei Comuni' });
    expect((await searchOrganizations(db, as([]), { q: 'associazione dei comuni', ...page })).items[0].id).toBe(renamed.id);
  });

  it('the database refuses official rows and other bodies to the application role', async () => {
    const insert = db.tx({ userId: randomUUID(), organizationId: null }, (tx) =>
      tx.query(`insert into organizations (kind, name, search_name, source) values ('municipality', 'Finto', 'finto', 'operator')`),
    );
    await expect(insert).rejects.toThrow();
    const torino = (await findOrganizationByCode(db, '001272'))!;
    const lucca = (await findOrganizationByCode(db, '046017'))!;
    const r = await db.tx({ userId: randomUUID(), organizationId: lucca.id }, (tx) =>
      tx.query(`update organizations set website = 'https://x.example' where id = $1`, [torino.id]),
    );
    expect(r.rowCount).toBe(0);
  });
});
