/**
 * The POLA routes: the preview and the documents carry the body's own figures (PDF text, DOCX
 * word/document.xml with every part's heading), never another body's; the simplified form
 * switches at 50/51 active employees and can be forced; HR's settings, declarations and targets
 * are validated (nothing written on a bad entry) and audited; who may not see it gets a problem.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { createUser, login, organizationId } from '../../../../test/auth-helpers.js';
import type { Role } from '../../../platform/auth/context.js';
import { docxText, pdfText, unzip } from '../../../platform/documents/read-documents.test-support.js';
import { currentMonth } from '../indicators/indicator-rules.js';
import { refreshIndicators } from '../indicators/refresh-indicators.js';
import { insertAgreement, insertEmployee, insertOffice, insertPlanDays } from '../indicators/indicators.test-support.js';
import { PART_HEADINGS } from './pola-document.js';
import { clock } from '../../../platform/clock.js';

let t: TestApp;
const CUR = currentMonth();
const YEAR = Number(clock.today().slice(0, 4));
const H: Record<string, Record<string, string>> = {};
let province: string;
let city: string;
let small: string;
let smallOffice: string;

async function as(name: string, org: string | null, roles: Role[], displayName?: string) {
  const u = await createUser(t.db, { organizationId: org ?? undefined, roles, displayName, email: `${name}-${Math.random().toString(36).slice(2, 8)}@test.agilepa.example` });
  H[name] = (await login(t.app, u.email, u.password)).headers;
  return u;
}

const URL = '/api/v1/remote-work/pola';
const get = (who: string | null, url = '') => t.app.inject({ method: 'GET', url: `${URL}${url}`, headers: who ? H[who] : {} });
const put = (who: string, url: string, payload: unknown) => t.app.inject({ method: 'PUT', url: `${URL}${url}`, headers: H[who], payload: payload as object });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) {
  expect(res.statusCode, JSON.stringify(res.json())).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}

const DECLARED = {
  devicesProvided: 37,
  vpn: true,
  intranet: false,
  collaborationTools: true,
  toolsNote: 'Videoconferenza e documenti condivisi',
  remoteAppsPercent: 75.5,
  digitalSignatureHolders: 3,
  digitisedProcessesPercent: 42,
  helpdesk: true,
  managersTrainedPercent: 50,
  workersTrainedPercent: null,
  trainingCostCents: 1234567,
  hardwareInvestmentCents: 9876500,
  digitisationInvestmentCents: null,
};

async function activities(orgId: string, officeId: string, list: [string, boolean][]) {
  await t.db.ownerTx((tx) =>
    tx.query(
      `insert into rw_office_activities (office_id, organization_id, name, remotable) select $1::uuid, $2::uuid, n, r from unnest($3::text[], $4::boolean[]) as x(n, r)`,
      [officeId, orgId, list.map((a) => a[0]), list.map((a) => a[1])],
    ),
  );
}

beforeAll(async () => {
  t = await createTestApp();
  province = await organizationId(t.db, '046');
  city = await organizationId(t.db, '046017');
  small = await organizationId(t.db, '001001');
  await as('hr', province, ['hr_manager'], 'Marta Personale');
  await as('admin', province, ['body_admin']);
  const manager = await as('manager', province, ['office_manager'], 'Rino Responsabile');
  await as('employee', province, ['employee']);
  await as('cityHr', city, ['hr_manager']);
  await as('smallHr', small, ['hr_manager']);
  await as('nobody', null, []);

  await t.db.ownerTx(async (tx) => {
    const tributi = await insertOffice(tx, province, 'TRIB', manager.id);
    await tx.query(`update rw_offices set name = 'Ufficio Tributi Provinciali' where id = $1`, [tributi]);
    const urp = await insertOffice(tx, province, 'URP');
    await tx.query(`update rw_offices set name = 'Sportello URP Lucca' where id = $1`, [urp]);
    await tx.query(
      `insert into rw_coverage_rules (office_id, organization_id, weekday, skill, min_on_site)
       select $1::uuid, $2::uuid, w, '', 2 from generate_series(1, 5) w union all select $1::uuid, $2::uuid, w, 'sportello', 1 from generate_series(1, 5) w`,
      [urp, province],
    );
    const trib: string[] = [];
    for (let i = 0; i < 8; i++) trib.push(await insertEmployee(tx, province, tributi));
    const front: string[] = [];
    for (let i = 0; i < 4; i++) front.push(await insertEmployee(tx, province, urp));
    await insertEmployee(tx, province, urp, false); // left: not counted
    const reg = { status: 'registered' as const, endsOn: null, withdrawalEffectiveOn: null, registered: true };
    for (const e of trib.slice(0, 4)) await insertAgreement(tx, province, e, { ...reg, startsOn: `${CUR}-01` });
    await insertAgreement(tx, province, front[0], { ...reg, startsOn: `${CUR}-01` });
    await insertAgreement(tx, province, front[1], { ...reg, status: 'requested', registered: false, startsOn: `${CUR}-01` });
    await tx.query(
      `update rw_agreements set equipment = 'Computer portatile e cuffie', working_from = '08:30', working_to = '18:30',
         reachability = '{"1": [["09:30", "12:30"]], "2": [["09:30", "12:30"]]}', safety_info_acknowledged_at = now()
        where organization_id = $1 and status = 'registered'`,
      [province],
    );
    const p = (employeeId: string, officeId: string, day: string, kind: string) => ({ organizationId: province, employeeId, officeId, day, kind });
    await insertPlanDays(tx, [
      p(trib[0], tributi, `${CUR}-02`, 'remote'),
      p(trib[1], tributi, `${CUR}-02`, 'remote'),
      p(trib[2], tributi, `${CUR}-02`, 'onsite'),
      p(front[0], urp, `${CUR}-02`, 'onsite'),
      p(front[2], urp, `${CUR}-02`, 'onsite'),
    ]);
    // another body, with names and figures that must never reach the province's documents
    const secret = await insertOffice(tx, city, 'SEGR');
    await tx.query(`update rw_offices set name = 'Ufficio Riservato Cittadino' where id = $1`, [secret]);
    const c1 = await insertEmployee(tx, city, secret);
    await insertAgreement(tx, city, c1, { ...reg, startsOn: `${CUR}-01` });
    // a small body for the 50/51 switch
    smallOffice = await insertOffice(tx, small, 'SEG');
    for (let i = 0; i < 50; i++) await insertEmployee(tx, small, smallOffice);
    await insertEmployee(tx, small, smallOffice, false);
  });
  await activities(province, (await t.db.ownerTx((tx) => tx.query<{ id: string }>(`select id from rw_offices where organization_id = $1 and code = 'TRIB'`, [province]))).rows[0].id, [
    ['Accertamenti tributari', true],
    ['Ricevimento contribuenti', false],
  ]);
  expect((await t.app.inject({ method: 'PUT', url: '/api/v1/remote-work/indicators/target', headers: H.hr, payload: { targetPercent: 60 } })).statusCode).toBe(200);
  expect((await put('hr', '/declarations', DECLARED)).statusCode).toBe(200);
  expect((await put('cityHr', '/declarations', { ...DECLARED, devicesProvided: 4321, toolsNote: 'Piattaforma riservata del Comune' })).statusCode).toBe(200);
  await refreshIndicators(t.db);
});
afterAll(async () => t?.close());

describe('the preview', () => {
  it('gives the body’s figures for every part, the programme with live baselines and the document blocks', async () => {
    const res = await get('hr');
    expect(res.statusCode, res.body.slice(0, 400)).toBe(200);
    const v = res.json();
    expect(v).toMatchObject({ organizationId: province, headcount: 12, years: [YEAR, YEAR + 1, YEAR + 2] });
    expect(v.simplified).toEqual({ applied: true, automatic: true, override: null, threshold: 50 });
    expect(v.implementation.summary).toMatchObject({ withAgreement: 5, agreementSharePercent: 41.7, remoteDays: 2, onsiteDays: 3, remoteSharePercent: 40 });
    expect(v.implementation).toMatchObject({ targetPercent: 60, gapPoints: 18.3 });
    expect(v.implementation.agreementStatus).toMatchObject({ registered: 5, requested: 1 });
    expect(v.organisation.terms).toMatchObject({ inForce: 5, safetyAcknowledged: 5, equipmentStandard: 0 });
    expect(v.organisation.terms.equipment).toEqual([{ value: 'Computer portatile e cuffie', agreements: 5 }]);
    expect(v.organisation.terms.reachability).toEqual([{ value: '09:30–12:30', agreements: 5 }]);
    const urp = v.organisation.offices.find((o: { code: string }) => o.code === 'URP');
    expect(urp.coverage).toEqual([{ skill: '', text: 'lun–ven: 2' }, { skill: 'sportello', text: 'lun–ven: 1' }]);
    expect(v.people.hrManagers).toEqual(['Marta Personale']);
    expect(v.digital.devicesProvided).toEqual({ value: 37, source: 'declared' });
    expect(v.digital.workersTrainedPercent).toBeUndefined();
    const ind = Object.fromEntries(v.programme.indicators.map((x: { key: string }) => [x.key, x]));
    // simplified: only the essential indicators
    expect(ind['org.coverage_rules']).toBeUndefined();
    expect(ind['impl.agreement_share'].baseline).toBe(41.7);
    // default targets: equal steps from 41.7 to the body's 60 in the third year
    expect(ind['impl.agreement_share'].targets.map((x: { value: number }) => x.value)).toEqual([47.8, 53.9, 60]);
    expect(ind['org.activities_mapped'].baseline).toBe(50);
    expect(ind['dig.devices'].baseline).toBe(100); // 37 devices for 5 remote workers: capped at 100%
    expect(ind['dig.vpn'].baseline).toBe(1);
    expect(ind['eco.hardware'].baseline).toBe(9876500);
    const headings = v.document.blocks.filter((b: { kind: string; level?: number }) => b.kind === 'heading' && b.level === 1).map((b: { text: string }) => b.text);
    expect(headings).toEqual(Object.values(PART_HEADINGS));
  });

  it('HR forces the ordinary form: per-office tables and every indicator appear', async () => {
    const s = await put('hr', '/settings', { firstYear: YEAR, simplifiedOverride: false, notes: { organisation: 'Il regolamento interno è stato adottato con decreto n. 12.' } });
    expect(s.statusCode, s.body).toBe(200);
    expect(s.json()).toMatchObject({ firstYear: YEAR, simplifiedOverride: false, notes: { organisation: 'Il regolamento interno è stato adottato con decreto n. 12.' } });
    const v = (await get('admin')).json();
    expect(v.simplified).toEqual({ applied: false, automatic: true, override: false, threshold: 50 });
    expect(v.programme.indicators).toHaveLength(19);
    const captions = v.document.blocks.filter((b: { kind: string }) => b.kind === 'table').map((b: { caption: string }) => b.caption);
    expect(captions).toEqual(expect.arrayContaining([expect.stringMatching(/^Tabella 2 – Attuazione per ufficio/), 'Tabella 4 – Attività per ufficio', 'Tabella 5 – Presidio minimo in sede per ufficio']));
  });
});

describe('the documents', () => {
  beforeAll(async () => {
    expect((await put('hr', '/settings', { firstYear: YEAR, simplifiedOverride: false, notes: { programme: 'Nota del personale sul programma.' } })).statusCode).toBe(200);
    const r = await put('hr', '/targets', { targets: [{ indicator: 'dig.remote_apps', year: YEAR + 2, value: 90 }, { indicator: 'eco.training', year: YEAR, value: 2500000 }] });
    expect(r.statusCode, r.body).toBe(200);
  });

  it('PDF: the title, every part, the body’s figures, declared items and HR’s targets', async () => {
    const r = await get('hr', '/document.pdf');
    expect(r.statusCode, r.body.slice(0, 300)).toBe(200);
    expect(r.headers['content-type']).toBe('application/pdf');
    expect(r.headers['content-disposition']).toBe(`attachment; filename="pola-piao-provincia-di-lucca-${YEAR}-${YEAR + 2}.pdf"`);
    const text = pdfText(r.rawPayload);
    for (const s of [
      `Organizzazione del lavoro agile – PIAO ${YEAR}–${YEAR + 2}`,
      ...Object.values(PART_HEADINGS),
      'Provincia di Lucca',
      '12 dipendenti in servizio',
      '5 hanno un accordo individuale',
      '41,7%',
      'il 60%',
      'mancano 18,3 punti',
      'Ufficio Tributi Provinciali',
      'Sportello URP Lucca',
      'Accertamenti tributari',
      'Ricevimento contribuenti',
      'lun–ven: 2',
      'Computer portatile e cuffie',
      '09:30–12:30',
      'Marta Personale',
      'Rino Responsabile',
      'dichiarato dall’ente',
      'Videoconferenza e documenti condivisi',
      '75,5%',
      '98.765,00 €',
      '25.000,00 €',
      '90%',
      'Fase di sviluppo avanzato',
      'Nota del personale sul programma.',
      'modello ordinario',
    ]) {
      expect(text, s).toContain(s);
    }
  });

  it('DOCX: word/document.xml holds each part’s heading and the body’s figures', async () => {
    const r = await get('admin', '/document.docx');
    expect(r.statusCode).toBe(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const files = unzip(r.rawPayload);
    expect(Object.keys(files)).toContain('word/document.xml');
    const xml = files['word/document.xml'].toString('utf8');
    for (const heading of Object.values(PART_HEADINGS)) expect(xml, heading).toContain(heading);
    const text = docxText(r.rawPayload);
    for (const s of ['12 dipendenti in servizio', '41,7%', 'Ufficio Tributi Provinciali', 'Computer portatile e cuffie', '98.765,00 €', 'dichiarato dall’ente', String(YEAR + 2)]) {
      expect(text, s).toContain(s);
    }
  });

  it('another body’s data never appears, and that body sees only its own', async () => {
    // ids are left out: a random uuid may hold the digits 4321
    const noIds = (text: string) => text.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '<id>');
    const pdf = noIds(pdfText((await get('hr', '/document.pdf')).rawPayload));
    const docx = noIds(docxText((await get('hr', '/document.docx')).rawPayload));
    const preview = noIds((await get('hr')).body);
    for (const s of ['Ufficio Riservato Cittadino', 'Piattaforma riservata del Comune', '4321', '4.321', 'Comune di Lucca']) {
      expect(pdf, s).not.toContain(s);
      expect(docx, s).not.toContain(s);
      expect(preview, s).not.toContain(s);
    }
    const own = await get('cityHr');
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ organizationId: city, headcount: 1 });
    expect(own.json().digital.devicesProvided.value).toBe(4321);
    for (const s of ['Ufficio Tributi Provinciali', 'Sportello URP Lucca', 'Marta Personale', 'Videoconferenza e documenti condivisi']) expect(own.body, s).not.toContain(s);
    expect(own.body).toContain('Ufficio Riservato Cittadino');
    const cityPdf = pdfText((await get('cityHr', '/document.pdf')).rawPayload);
    expect(cityPdf).toContain('Dispositivi forniti dall’ente per il lavoro agile 4321');
    expect(cityPdf).not.toContain('Ufficio Tributi Provinciali');
    expect(cityPdf).not.toContain('Marta Personale');
  });
});

describe('the simplified form', () => {
  it('applies up to 50 active employees and not from 51; HR can force it', async () => {
    const v50 = (await get('smallHr')).json();
    expect(v50.headcount).toBe(50);
    expect(v50.simplified).toEqual({ applied: true, automatic: true, override: null, threshold: 50 });
    expect(v50.document.reference).toContain('modello semplificato per le amministrazioni fino a 50 dipendenti');
    expect(pdfText((await get('smallHr', '/document.pdf')).rawPayload)).toContain('modello semplificato');

    await t.db.ownerTx((tx) => insertEmployee(tx, small, smallOffice));
    await refreshIndicators(t.db);
    const v51 = (await get('smallHr')).json();
    expect(v51.headcount).toBe(51);
    expect(v51.simplified).toEqual({ applied: false, automatic: false, override: null, threshold: 50 });
    expect(v51.document.reference).toContain('modello ordinario');
    expect(v51.programme.indicators).toHaveLength(19);

    expect((await put('smallHr', '/settings', { firstYear: YEAR, simplifiedOverride: true })).statusCode).toBe(200);
    const forced = (await get('smallHr')).json();
    expect(forced.simplified).toEqual({ applied: true, automatic: false, override: true, threshold: 50 });
    expect(forced.programme.indicators.every((x: { simplified: boolean }) => x.simplified)).toBe(true);
    expect((await put('smallHr', '/settings', { firstYear: YEAR, simplifiedOverride: null })).json().simplifiedOverride).toBeNull();
    expect((await get('smallHr')).json().simplified.applied).toBe(false);
  });
});

describe('targets, declarations and settings', () => {
  it('saves targets by indicator and year, null removes one, and the programme shows them', async () => {
    const r = await put('hr', '/targets', {
      targets: [
        { indicator: 'impl.agreement_share', year: YEAR, value: 45 },
        { indicator: 'dig.vpn', year: YEAR + 1, value: 1 },
        { indicator: 'eco.training', year: YEAR, value: null },
      ],
    });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json().targets).toEqual(
      expect.arrayContaining([
        { indicator: 'impl.agreement_share', year: YEAR, value: 45 },
        { indicator: 'dig.vpn', year: YEAR + 1, value: 1 },
      ]),
    );
    expect(r.json().targets.find((x: { indicator: string }) => x.indicator === 'eco.training')).toBeUndefined();
    const ind = (await get('hr')).json().programme.indicators.find((x: { key: string }) => x.key === 'impl.agreement_share');
    expect(ind.targets[0]).toEqual({ year: YEAR, value: 45, isDefault: false });
    expect(ind.targets[2]).toEqual({ year: YEAR + 2, value: 60, isDefault: true });
  });

  it('refuses a bad entry with its code and writes none of the request', async () => {
    const before = (await t.db.ownerTx((tx) => tx.query(`select indicator, year, value::text from rw_pola_targets where organization_id = $1 order by 1, 2`, [province]))).rows;
    const ok = { indicator: 'dig.processes', year: YEAR, value: 30 };
    expectProblem(await put('hr', '/targets', { targets: [ok, { indicator: 'dig.teleport', year: YEAR, value: 1 }] }), 422, 'pola.unknown_indicator');
    expectProblem(await put('hr', '/targets', { targets: [ok, { indicator: 'dig.vpn', year: YEAR + 3, value: 1 }] }), 422, 'pola.year_outside_plan');
    expectProblem(await put('hr', '/targets', { targets: [ok, { indicator: 'dig.remote_apps', year: YEAR, value: 101 }] }), 422, 'pola.invalid_target');
    expectProblem(await put('hr', '/targets', { targets: [ok, { indicator: 'dig.vpn', year: YEAR, value: 2 }] }), 422, 'pola.invalid_target');
    expectProblem(await put('hr', '/targets', { targets: [ok, { indicator: 'eco.hardware', year: YEAR, value: 10.5 }] }), 422, 'pola.invalid_target');
    expectProblem(await put('hr', '/targets', { targets: [ok, ok] }), 422, 'pola.invalid_target');
    expectProblem(await put('hr', '/targets', { targets: [{ ...ok, value: -1 }] }), 400, 'request.invalid');
    expectProblem(await put('hr', '/targets', { targets: [] }), 400, 'request.invalid');
    const after = (await t.db.ownerTx((tx) => tx.query(`select indicator, year, value::text from rw_pola_targets where organization_id = $1 order by 1, 2`, [province]))).rows;
    expect(after).toEqual(before);
  });

  it('refuses bad settings and declarations', async () => {
    expectProblem(await put('hr', '/settings', { firstYear: 1999, simplifiedOverride: null }), 400, 'request.invalid');
    expectProblem(await put('hr', '/settings', { firstYear: YEAR, simplifiedOverride: 'yes' }), 400, 'request.invalid');
    expectProblem(await put('hr', '/settings', { firstYear: YEAR, simplifiedOverride: null, notes: { other: 'x' } }), 400, 'request.invalid');
    expectProblem(await put('hr', '/declarations', { ...DECLARED, remoteAppsPercent: 101 }), 400, 'request.invalid');
    expectProblem(await put('hr', '/declarations', { ...DECLARED, devicesProvided: 2.5 }), 400, 'request.invalid');
    const { vpn: _vpn, ...missing } = DECLARED;
    expectProblem(await put('hr', '/declarations', missing), 400, 'request.invalid');
  });

  it('audits every write with before and after', async () => {
    const rows = (
      await t.db.ownerTx((tx) =>
        tx.query<{ action: string; after: Record<string, unknown> }>(`select action, after from audit_log where organization_id = $1 and action like 'remote_work_pola%' order by seq`, [province]),
      )
    ).rows;
    const actions = rows.map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['remote_work_pola_declarations.update', 'remote_work_pola_settings.update', 'remote_work_pola_targets.update']));
    expect(rows.find((r) => r.action === 'remote_work_pola_declarations.update')!.after).toMatchObject({ devicesProvided: 37, vpn: true });
  });
});

describe('who may', () => {
  it('only HR and the body’s administrators; others get a problem', async () => {
    for (const url of ['', '/document.pdf', '/document.docx']) {
      expectProblem(await get('employee', url), 403, 'pola.forbidden');
      expectProblem(await get('manager', url), 403, 'pola.forbidden');
      expectProblem(await get('nobody', url), 403, 'pola.no_body');
      expectProblem(await get(null, url), 401, 'auth.unauthenticated');
    }
    expectProblem(await put('manager', '/targets', { targets: [{ indicator: 'dig.vpn', year: YEAR, value: 1 }] }), 403, 'pola.forbidden');
    expectProblem(await put('employee', '/declarations', DECLARED), 403, 'pola.forbidden');
    expectProblem(await put('employee', '/settings', { firstYear: YEAR, simplifiedOverride: null }), 403, 'pola.forbidden');
  });
});
