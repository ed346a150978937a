/**
 * The POLA's and the objectives' part of the demo territory, written by the demo HR user
 * (hr@lucca.agilepa.demo) through the area's own use cases, after the offices, agreements, plan
 * and indicators of the Provincia di Lucca:
 *
 * - the POLA for 2027–2029: the body's declarations (devices, VPN, intranet, collaboration tools,
 *   remote access to applications, digital signature, digitised processes, help desk, training,
 *   spending — figures of a Province with about 600 people, 330 of them remote workers), a target
 *   for every indicator and year, the share of remote workers reaching the body's 60% in 2029;
 * - a team and five objectives: Tributi (on track), Protocollo (late), the pagoPA / app IO team
 *   of Sistemi informativi (achieved), the demo employee's own (on track; he is one of its
 *   responsible people, so he can report), Personale (starts next year), with periodic reports
 *   dated from today so the progress reads as said on the day the demo is loaded.
 *
 * Idempotent: what is already there is kept (settings, declarations, targets as a whole; teams and
 * objectives by name and title, their reports filed only with a new objective), so a second run
 * writes nothing.
 */
import type { Db } from '../../../platform/db/index.js';
import type { AuthContext } from '../../../platform/auth/context.js';
import { DEMO_PEOPLE } from '../../people/index.js';
import { findOrganizationByCode } from '../../organizations/index.js';
import { addDays } from '../agreements/index.js';
import { createObjective } from '../objectives/index.js';
import { createObjectiveReport } from '../objectives/index.js';
import { createTeam } from '../objectives/index.js';
import { listObjectives } from '../objectives/index.js';
import { listTeams } from '../objectives/index.js';
import type { IndicatorInput } from '../objectives/index.js';
import { selectUserIdByEmail } from '../offices/index.js';
import * as polaRepo from './pola.repo.js';
import { planYears } from './pola-indicators.js';
import { DEMO_BODY_CODE, DEMO_EMPLOYEE_EMAIL, DEMO_HR_EMAIL, findDemoEmployees, type DemoEmployee } from '../offices/index.js';
import { updatePolaDeclarations } from './update-pola-declarations.js';
import { updatePolaSettings } from './update-pola-settings.js';
import { updatePolaTargets, type TargetInput } from './update-pola-targets.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export const DEMO_POLA_FIRST_YEAR = 2027;

export const DEMO_DECLARATIONS: polaRepo.Declarations = {
  devicesProvided: 290,
  vpn: true,
  intranet: true,
  collaborationTools: true,
  toolsNote:
    'Portatili dell’ente con VPN e autenticazione a due fattori; videoconferenza, chat e documenti condivisi sulla piattaforma di collaborazione dell’ente; centralino VoIP con applicazione sul portatile; protocollo informatico e gestione documentale accessibili via web.',
  remoteAppsPercent: 75,
  digitalSignatureHolders: 140,
  digitisedProcessesPercent: 48,
  helpdesk: true,
  managersTrainedPercent: 65,
  workersTrainedPercent: 40,
  trainingCostCents: 1_850_000,
  hardwareInvestmentCents: 24_500_000,
  digitisationInvestmentCents: 38_000_000,
};

/** Per indicator, the targets of 2027, 2028 and 2029. */
export const DEMO_TARGETS: Record<string, [number, number, number]> = {
  'impl.agreement_share': [56, 58, 60],
  'impl.remote_day_share': [29, 31, 33],
  'org.activities_mapped': [100, 100, 100],
  'org.coverage_rules': [100, 100, 100],
  'org.objectives_coverage': [40, 65, 90],
  'org.helpdesk': [1, 1, 1],
  'prof.safety_acknowledged': [100, 100, 100],
  'prof.managers_trained': [80, 90, 100],
  'prof.workers_trained': [55, 70, 85],
  'dig.devices': [92, 96, 100],
  'dig.vpn': [1, 1, 1],
  'dig.intranet': [1, 1, 1],
  'dig.collaboration': [1, 1, 1],
  'dig.remote_apps': [82, 90, 95],
  'dig.signature': [50, 65, 80],
  'dig.processes': [58, 70, 80],
  'eco.training': [2_000_000, 2_200_000, 2_500_000],
  'eco.hardware': [12_000_000, 9_000_000, 8_000_000],
  'eco.digitisation': [30_000_000, 25_000_000, 20_000_000],
};

const NOTES = {
  implementation:
    'Il lavoro agile è regolato da accordi individuali di uno o due giorni a settimana; gli sportelli (URP, Protocollo, Tributi) mantengono ogni giorno il presidio minimo in sede.',
  programme:
    'Nel triennio 2027–2029 la Provincia porta la quota di personale con un accordo di lavoro agile al 60%, estende il lavoro per obiettivi a tutti gli uffici e completa la digitalizzazione del protocollo e dei servizi di pagamento.',
};

export const DEMO_TEAM_NAME = 'Gruppo pagoPA e app IO';

interface DemoReport {
  /** Days from today (negative: in the past). */
  day: number;
  comment: string;
  values: number[];
}

interface DemoObjective {
  title: string;
  description: string;
  owner: { scope: 'office'; officeCode: string } | { scope: 'team' } | { scope: 'person' };
  /** Days from today, or a fixed day. */
  startsOn: number | string;
  endsOn: number | string;
  indicators: IndicatorInput[];
  reports: DemoReport[];
}

const ind = (name: string, unit: string, valueType: IndicatorInput['valueType'], baseline: number, target: number): IndicatorInput => ({
  name,
  unit,
  valueType,
  baseline,
  target,
  direction: target > baseline ? 'increase' : 'decrease',
});

const office = (officeCode: string): DemoObjective['owner'] => ({ scope: 'office', officeCode });

/** A report `day` days from today, with the values of the objective's indicators in their order. */
const report = (day: number, comment: string, ...values: number[]): DemoReport => ({ day, comment, values });

/** An objective of `owner` from `startsOn` to `endsOn` (days from today, or fixed days). */
const objective = (
  title: string,
  owner: DemoObjective['owner'],
  startsOn: number | string,
  endsOn: number | string,
  { description, indicators, reports = [] }: { description: string; indicators: IndicatorInput[]; reports?: DemoReport[] },
): DemoObjective => ({ title, description, owner, startsOn, endsOn, indicators, reports });

/** The demo's objectives; the statuses are those of the day the demo is loaded. */
export function demoObjectives(today: string): DemoObjective[] {
  const nextYear = Number(today.slice(0, 4)) + 1;
  return [
    // on track: 41% of the period gone, 53% of the way done
    objective('Ridurre i tempi dei rimborsi dei tributi provinciali', office('TRIB'), -150, 215, {
      description: 'Istruttoria delle istanze di rimborso dell’imposta provinciale di trascrizione e del tributo ambientale in lavoro agile, con la gestione documentale.',
      indicators: [ind('Tempo medio di risposta alle istanze', 'giorni', 'number', 45, 30), ind('Istanze evase entro 60 giorni', '%', 'percent', 60, 90)],
      reports: [
        report(-120, 'Avviata l’istruttoria da remoto con il fascicolo informatico.', 44, 63),
        report(-60, 'Smaltito l’arretrato di marzo; due persone in più sull’istruttoria.', 41, 71),
        report(-10, 'Tempi in calo costante, in linea con il programma.', 38, 78),
      ],
    }),
    // late: two thirds of the period gone, a fifth of the way done
    objective('Protocollo in entrata interamente digitale', office('PROT'), -240, 125, {
      description: 'Scansione e protocollazione digitale della posta cartacea in entrata e apertura dei fascicoli informatici, così che le pratiche si lavorino anche da remoto.',
      indicators: [ind('Documenti in entrata protocollati in formato digitale', '%', 'percent', 55, 95), ind('Fascicoli informatici aperti', 'fascicoli', 'integer', 0, 1200)],
      reports: [
        report(-180, 'Installati gli scanner di sportello; formazione degli operatori in corso.', 57, 80),
        report(-100, 'Ritardo nella fornitura del sistema di gestione documentale.', 60, 190),
        report(-20, 'Il nuovo sistema è in collaudo: serve un piano di recupero.', 63, 300),
      ],
    }),
    // achieved: every indicator at its target
    objective('Servizi di pagamento su pagoPA e app IO', { scope: 'team' }, -300, 65, {
      description: 'Portare su pagoPA i pagamenti dei servizi provinciali e renderli disponibili, con i loro avvisi, sull’app IO.',
      indicators: [ind('Servizi integrati con pagoPA', 'servizi', 'integer', 4, 12), ind('Servizi disponibili sull’app IO', 'servizi', 'integer', 2, 8)],
      reports: [
        report(-240, 'Integrati i pagamenti dei canoni e delle autorizzazioni ai trasporti eccezionali.', 6, 3),
        report(-150, 'Attivati gli avvisi di pagamento sull’app IO.', 9, 6),
        report(-30, 'Obiettivo raggiunto in anticipo: tutti i servizi previsti sono attivi.', 12, 9),
      ],
    }),
    // on track: a quarter of the period gone, 45% of the way done
    objective('Istruttoria delle istanze di rimborso in lavoro agile', { scope: 'person' }, -90, 275, {
      description: 'Obiettivo individuale legato all’accordo di lavoro agile: istruttoria completa delle istanze assegnate, nei tempi.',
      indicators: [ind('Istanze istruite', 'istanze', 'integer', 0, 240), ind('Istanze istruite entro 30 giorni', '%', 'percent', 70, 90)],
      reports: [report(-45, 'Primo mese e mezzo: ritmo regolare.', 50, 76), report(-5, 'In anticipo sul programma.', 96, 80)],
    }),
    // not started: the POLA's first year
    objective('Formazione per il lavoro agile 2027', office('PERS'), `${nextYear}-01-01`, `${nextYear}-12-31`, {
      description: 'Formazione dei responsabili sulla gestione per obiettivi e dei lavoratori agili sulle competenze digitali, come previsto dal POLA.',
      indicators: [ind('Responsabili formati sulla gestione per obiettivi', '%', 'percent', 65, 80), ind('Lavoratori agili formati sulle competenze digitali', '%', 'percent', 40, 55)],
    }),
  ];
}

export interface PolaObjectivesSeedResult {
  settings: boolean;
  declarations: boolean;
  targets: number;
  teams: number;
  objectives: number;
  reports: number;
}

/** The demo HR user as the use cases see a signed-in person (his roles as the people's demo gives them). */
function demoHrAuth(userId: string, organizationId: string): AuthContext {
  const p = DEMO_PEOPLE.find((x) => x.email === DEMO_HR_EMAIL)!;
  return { userId, email: p.email, displayName: p.displayName, organizationId, roles: p.roles, via: 'session' };
}

export async function seedPolaObjectivesDemo(db: Db, opts: { now?: number } = {}): Promise<PolaObjectivesSeedResult> {
  const done: PolaObjectivesSeedResult = { settings: false, declarations: false, targets: 0, teams: 0, objectives: 0, reports: 0 };
  const now = opts.now ?? clock.now();
  const today = romeDate(now);
  const found = await db.ownerTx(async (tx) => {
    const body = await findOrganizationByCode(tx, DEMO_BODY_CODE);
    const hr = body ? await selectUserIdByEmail(tx, DEMO_HR_EMAIL) : null;
    const employee = body ? await selectUserIdByEmail(tx, DEMO_EMPLOYEE_EMAIL) : null;
    const people = body && hr ? await findDemoEmployees(tx) : [];
    return body && hr && people.length ? { body, hr, employee, people } : null;
  });
  if (!found) return done;
  const { body, hr, people } = found;
  const auth = demoHrAuth(hr, body.id);

  // ---- the POLA: settings, declarations, targets (each kept when already there)
  const years = planYears(DEMO_POLA_FIRST_YEAR);
  const saved = await db.tx({ organizationId: body.id }, async (tx) => ({
    settings: await polaRepo.selectSettings(tx, body.id),
    declarations: await polaRepo.selectDeclarations(tx, body.id),
    targets: await polaRepo.selectTargets(tx, body.id, years),
  }));
  if (!saved.settings) {
    await updatePolaSettings(db, auth, { firstYear: DEMO_POLA_FIRST_YEAR, simplifiedOverride: null, notes: NOTES });
    done.settings = true;
  }
  if (!saved.declarations) {
    await updatePolaDeclarations(db, auth, DEMO_DECLARATIONS);
    done.declarations = true;
  }
  if (saved.targets.length === 0 && (saved.settings?.firstYear ?? DEMO_POLA_FIRST_YEAR) === DEMO_POLA_FIRST_YEAR) {
    const targets: TargetInput[] = Object.entries(DEMO_TARGETS).flatMap(([indicator, values]) => values.map((value, k) => ({ indicator, year: years[k], value })));
    await updatePolaTargets(db, auth, { targets });
    done.targets = targets.length;
  }

  // ---- the team and the objectives
  const byOffice = (code: string) => people.filter((p) => p.officeCode === code);
  const me = people.find((p) => p.email?.toLowerCase() === DEMO_EMPLOYEE_EMAIL);
  const ced = byOffice('CED');
  let teamId = (await listTeams(db, auth)).items.find((t) => t.name === DEMO_TEAM_NAME)?.id;
  if (!teamId && ced.length) {
    teamId = (await createTeam(db, auth, { name: DEMO_TEAM_NAME, officeId: ced[0].officeId, memberIds: ced.slice(0, 6).map((p) => p.id) })).id;
    done.teams++;
  }
  const existing = (await listObjectives(db, auth, { period: 'all', page: 1, pageSize: 500 }, { now })).items;
  const officeOf = (code: string): DemoEmployee | undefined => byOffice(code)[0];
  for (const d of demoObjectives(today)) {
    let ownerId: string | undefined;
    if (d.owner.scope === 'office') ownerId = officeOf(d.owner.officeCode)?.officeId;
    else if (d.owner.scope === 'team') ownerId = teamId;
    else ownerId = me?.id;
    if (!ownerId) continue;
    const responsibleUserIds = d.owner.scope === 'person' && found.employee ? [hr, found.employee] : [hr];
    if (existing.some((o) => o.title === d.title && o.scope === d.owner.scope)) continue;
    const created = await createObjective(db, auth, {
      title: d.title,
      description: d.description,
      scope: d.owner.scope,
      ownerId,
      startsOn: typeof d.startsOn === 'number' ? addDays(today, d.startsOn) : d.startsOn,
      endsOn: typeof d.endsOn === 'number' ? addDays(today, d.endsOn) : d.endsOn,
      indicators: d.indicators,
      responsibleUserIds,
    });
    done.objectives++;
    // its reports, in order, only with the objective (dated from today: a later run must not add others)
    for (const r of d.reports) {
      const values = created.indicators.map((i, k) => ({ indicatorId: i.id, value: r.values[k] }));
      await createObjectiveReport(db, auth, created.id, { reportedOn: addDays(today, r.day), comment: r.comment, values }, { now });
      done.reports++;
    }
  }
  return done;
}
