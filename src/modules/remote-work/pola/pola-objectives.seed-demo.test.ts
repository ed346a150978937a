/**
 * The POLA's and the objectives' demo: after the whole demo territory is loaded, the POLA preview
 * of the Provincia di Lucca has the declarations and the 2027–2029 targets up to the body's 60%;
 * HR sees the five objectives with the expected progress (on track, late, achieved, not started);
 * the demo employee sees his own and may report on it; a second run writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { login, organizationId } from '../../../../test/auth-helpers.js';
import { seedDemo } from '../../../app/prepare.js';
import { DEMO_PASSWORD } from '../../people/index.js';
import { DEMO_EMPLOYEE_EMAIL, DEMO_HR_EMAIL } from '../offices/offices.seed-demo.js';
import { DEMO_DECLARATIONS, DEMO_TARGETS, DEMO_TEAM_NAME, seedPolaObjectivesDemo } from './pola-objectives.seed-demo.js';

let t: TestApp;
let lucca: string;
let hr: Record<string, string>;

const COUNTED = ['rw_pola_settings', 'rw_pola_declarations', 'rw_pola_targets', 'rw_teams', 'rw_team_members', 'rw_objectives', 'rw_objective_indicators', 'rw_objective_responsibles', 'rw_objective_reports', 'rw_objective_report_values', 'audit_log'];

async function counts(): Promise<Record<string, number>> {
  return t.db.ownerTx(async (tx) => {
    const out: Record<string, number> = {};
    for (const table of COUNTED) out[table] = Number((await tx.query<{ n: number }>(`select count(*)::int as n from ${table} where organization_id = $1`, [lucca])).rows[0].n);
    return out;
  });
}

beforeAll(async () => {
  t = await createTestApp();
  await seedDemo(t.db);
  lucca = await organizationId(t.db, '046');
  hr = (await login(t.app, DEMO_HR_EMAIL, DEMO_PASSWORD)).headers;
});
afterAll(async () => t?.close());

describe('POLA and objectives demo', () => {
  it('gives Lucca’s POLA its declarations and the 2027–2029 targets, reaching the body’s 60%', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/pola', headers: hr });
    expect(res.statusCode).toBe(200);
    const pola = res.json();
    expect(pola.years).toEqual([2027, 2028, 2029]);
    expect(pola.headcount).toBeGreaterThan(500);
    expect(pola.simplified.applied).toBe(false);
    const { updatedAt, ...declared } = pola.declarations;
    expect(updatedAt).toBeTruthy();
    expect(declared).toEqual(DEMO_DECLARATIONS);
    for (const k of ['devicesProvided', 'vpn', 'intranet', 'collaborationTools', 'remoteAppsPercent', 'digitalSignatureHolders', 'digitisedProcessesPercent']) {
      expect(pola.digital[k], k).toEqual({ value: DEMO_DECLARATIONS[k as keyof typeof DEMO_DECLARATIONS], source: 'declared' });
    }
    expect(pola.implementation.targetPercent).toBe(60);
    const byKey = new Map<string, { baseline: number | null; targets: { year: number; value: number | null; isDefault: boolean }[] }>(pola.programme.indicators.map((i: { key: string }) => [i.key, i]));
    expect(byKey.size).toBe(Object.keys(DEMO_TARGETS).length);
    for (const [key, values] of Object.entries(DEMO_TARGETS)) {
      expect(byKey.get(key)!.targets, key).toEqual(values.map((value, k) => ({ year: 2027 + k, value, isDefault: false })));
    }
    const share = byKey.get('impl.agreement_share')!;
    expect(share.targets[2].value).toBe(60);
    // the first year's target is a step up from where the body stands today
    expect(share.baseline).toBeGreaterThan(45);
    expect(share.baseline).toBeLessThan(share.targets[0].value!);
    // the digital part of the document says where the figures come from
    expect(JSON.stringify(pola.document)).toContain('dichiarato dall’ente');
  });

  it('shows HR the five objectives with their progress: on track, late, achieved, not started', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/objectives?period=all&pageSize=100', headers: hr });
    expect(res.statusCode).toBe(200);
    const list = res.json();
    const status = Object.fromEntries(list.items.map((o: { title: string; progress: { status: string } }) => [o.title, o.progress.status]));
    expect(status).toEqual({
      'Ridurre i tempi dei rimborsi dei tributi provinciali': 'on_track',
      'Protocollo in entrata interamente digitale': 'late',
      'Servizi di pagamento su pagoPA e app IO': 'achieved',
      'Istruttoria delle istanze di rimborso in lavoro agile': 'on_track',
      'Formazione per il lavoro agile 2027': 'not_started',
    });
    const scopes = list.items.map((o: { scope: string }) => o.scope).sort();
    expect(scopes).toEqual(['office', 'office', 'office', 'person', 'team']);
    const team = list.items.find((o: { scope: string }) => o.scope === 'team');
    expect(team.ownerName).toBe(DEMO_TEAM_NAME);
    for (const o of list.items) {
      expect(o.canReport).toBe(true);
      expect(o.lastReportOn === null).toBe(o.progress.status === 'not_started');
    }
    const late = list.items.find((o: { progress: { status: string } }) => o.progress.status === 'late');
    expect(late.progress.achievedPercent).toBeLessThan(late.progress.expectedPercent);
    // the POLA counts the objectives in force and the reports of the last 90 days
    const pola = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/pola', headers: hr })).json();
    expect(pola.people.objectives.activeObjectives).toBe(4);
    expect(pola.people.objectives.reportsLast90Days).toBeGreaterThan(0);
    expect(pola.people.objectives.employeesCovered).toBeGreaterThan(50);
  });

  it('lets the demo employee see his own objective, and report on it', async () => {
    const me = (await login(t.app, DEMO_EMPLOYEE_EMAIL, DEMO_PASSWORD)).headers;
    const list = (await t.app.inject({ method: 'GET', url: '/api/v1/remote-work/objectives?period=all&pageSize=100', headers: me })).json();
    expect(list.items.map((o: { title: string; scope: string; ownerName: string }) => [o.title, o.scope, o.ownerName])).toEqual([
      ['Istruttoria delle istanze di rimborso in lavoro agile', 'person', 'Luca Dipendente'],
    ]);
    expect(list.canCreate).toBe(false);
    const detail = (await t.app.inject({ method: 'GET', url: `/api/v1/remote-work/objectives/${list.items[0].id}`, headers: me })).json();
    expect(detail.canReport).toBe(true);
    expect(detail.reports).toHaveLength(2);
    expect(detail.progress.status).toBe('on_track');
  });

  it('writes nothing the second time', async () => {
    const before = await counts();
    expect(before.rw_objectives).toBe(5);
    expect(before.rw_objective_reports).toBe(11);
    expect(before.rw_teams).toBe(1);
    expect(before.rw_pola_targets).toBe(Object.keys(DEMO_TARGETS).length * 3);
    expect(await seedPolaObjectivesDemo(t.db)).toEqual({ settings: false, declarations: false, targets: 0, teams: 0, objectives: 0, reports: 0 });
    expect(await counts()).toEqual(before);
  });
});
