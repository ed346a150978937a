/**
 * The remote-work module's part of the demo territory: the Provincia di Lucca (ISTAT '046') with
 * its offices (a tree under the Direzione generale), their on-site coverage (the URP, the
 * Protocollo and the Tributi keep front-desk people, skill `sportello`, every weekday), their
 * activities, about 600 employees with valid codici fiscali (deterministic: the same on every
 * start), a few closures, and the demo employee dipendente@lucca.agilepa.demo linked to his record.
 * Written in bulk (one statement per table) so that a first start stays quick.
 *
 * Other areas add their demo data after this one through `findDemoEmployees`, never by editing
 * this file.
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../../platform/db/index.js';
import { auditBy } from '../../../platform/audit.js';
import { findOrganizationByCode } from '../../organizations/index.js';
import { makeCodiceFiscale } from './codice-fiscale.js';
import type { CoverageRuleRow } from './employee-rules.js';
import * as repo from './offices.repo.js';
import { clock } from '../../../platform/clock.js';

export const DEMO_BODY_CODE = '046';
export const DEMO_EMPLOYEE_EMAIL = 'dipendente@lucca.agilepa.demo';
export const DEMO_HR_EMAIL = 'hr@lucca.agilepa.demo';

interface DemoOffice {
  code: string;
  name: string;
  parent: string | null;
  people: number;
  /** skill → how many of the office's people have it */
  skills?: Record<string, number>;
  /** Monday–Friday minimum on site, and per skill */
  onSite: number;
  skillOnSite?: Record<string, number>;
  activities: [string, boolean][];
}

/**
 * An office of the demo: `people` employees, `onSite` of them on site every weekday; per skill, how
 * many of its people hold it and how many of those must be on site every weekday (none: no rule).
 */
function office(code: string, name: string, parent: string | null, people: number, onSite: number, activities: [string, boolean][], skills: Record<string, [held: number, onSite?: number]> = {}): DemoOffice {
  const held = Object.entries(skills);
  if (held.length === 0) return { code, name, parent, people, onSite, activities };
  const skillOnSite = Object.fromEntries(held.flatMap(([skill, [, n]]) => (n === undefined ? [] : [[skill, n]])));
  return { code, name, parent, people, skills: Object.fromEntries(held.map(([skill, [n]]) => [skill, n])), onSite, skillOnSite, activities };
}

export const DEMO_OFFICES: DemoOffice[] = [
  office('DIR', 'Direzione generale', null, 15, 4, [['Coordinamento dei servizi', true], ['Controllo di gestione', true]]),
  office('SEG', 'Segreteria generale', 'DIR', 20, 6, [['Atti del Consiglio provinciale', true], ['Assistenza alle sedute', false]]),
  office('URP', 'Ufficio Relazioni con il Pubblico', 'SEG', 30, 10, [['Sportello al pubblico', false], ['Risposte scritte e PEC', true], ['Sportello digitale SPID, CIE e firma', false]], { sportello: [18, 6] }),
  office('PROT', 'Protocollo e archivio', 'SEG', 35, 12, [['Protocollazione della posta in arrivo', false], ['Protocollo informatico e PEC', true], ['Archivio di deposito', false]], { sportello: [10, 3], protocollo: [28] }),
  office('FIN', 'Servizi finanziari e Ragioneria', 'DIR', 40, 12, [['Bilancio e rendiconto', true], ['Mandati e reversali', true]]),
  office('TRIB', 'Tributi', 'FIN', 45, 14, [['Ricevimento dei contribuenti', false], ['Accertamenti', true], ['Rimborsi', true]], { sportello: [12, 4] }),
  office('PERS', 'Personale e organizzazione', 'DIR', 30, 8, [['Gestione giuridica ed economica', true], ['Accordi di lavoro agile e POLA', true]]),
  office('TEC', 'Servizi tecnici ed edilizia scolastica', 'DIR', 70, 25, [['Progettazione', true], ['Sopralluoghi nelle scuole', false]], { cantiere: [20, 8] }),
  office('VIAB', 'Viabilità e strade provinciali', 'TEC', 120, 60, [['Manutenzione delle strade', false], ['Autorizzazioni e concessioni', true], ['Pronto intervento neve e frane', false]], { cantiere: [70, 40] }),
  office('AMB', 'Ambiente e pianificazione territoriale', 'TEC', 55, 15, [['Autorizzazioni ambientali', true], ['Controlli sul territorio', false]]),
  office('IST', 'Istruzione e formazione professionale', 'DIR', 70, 20, [['Orientamento', false], ['Programmazione della rete scolastica', true]], { sportello: [8, 2] }),
  office('POL', 'Polizia provinciale', 'DIR', 40, 25, [['Vigilanza ittico-venatoria', false], ['Verbali e contenzioso', true]]),
  office('CED', 'Sistemi informativi e transizione digitale', 'DIR', 25, 5, [['Assistenza alle postazioni', false], ['Sviluppo dei servizi online', true]]),
];

const MALE = ['Marco', 'Luca', 'Andrea', 'Matteo', 'Alessandro', 'Francesco', 'Lorenzo', 'Davide', 'Simone', 'Federico', 'Riccardo', 'Giovanni', 'Stefano', 'Paolo', 'Roberto', 'Massimo', 'Fabio', 'Nicola', 'Claudio', 'Giuseppe', 'Antonio', 'Filippo', 'Niccolò', 'Jacopo', 'Tommaso'];
const FEMALE = ['Giulia', 'Francesca', 'Sara', 'Chiara', 'Elena', 'Martina', 'Valentina', 'Alessia', 'Laura', 'Silvia', 'Federica', 'Anna', 'Paola', 'Roberta', 'Cristina', 'Elisa', 'Monica', 'Barbara', 'Simona', 'Serena', 'Ilaria', 'Beatrice', 'Caterina', 'Lucia', 'Maria Grazia'];
const SURNAMES = [
  'Rossi', 'Bianchi', 'Lucchesi', 'Pardini', 'Bertolucci', 'Giannini', 'Benedetti', 'Nieri', 'Guidi', 'Bertini', 'Puccini', 'Martinelli', 'Pieroni', 'Lazzari',
  'Del Carlo', 'Dal Porto', 'Tognetti', 'Fontana', 'Marchi', 'Baroni', 'Matteucci', 'Pellegrini', 'Grossi', 'Orsi', 'Franceschi', 'Casali', 'Bonuccelli',
  'Lenzi', 'D’Angelo', 'Giusti', 'Landucci', 'Mazzoni', 'Parenti', 'Salvetti', 'Tomei', 'Vannucci', 'Ricci', 'Santini', 'Moretti', 'Galli',
];
/** Belfiore codes of places around Lucca (and two abroad). */
const PLACES = ['E715', 'E715', 'E715', 'L833', 'B648', 'G702', 'D612', 'F023', 'G628', 'B455', 'A241', 'A657', 'Z110', 'Z129'];

/** A small deterministic generator (mulberry32), so the demo is the same on every start. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function slug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

export interface DemoPerson {
  officeCode: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
}

/** The demo's people (pure and deterministic): codici fiscali unique, made omocodic on a clash as the Agenzia does. */
export function demoPeople(): DemoPerson[] {
  const rnd = prng(46);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const taken = new Set<string>();
  const emails = new Set<string>();
  const out: DemoPerson[] = [];
  for (const o of DEMO_OFFICES) {
    const skilled = Object.entries(o.skills ?? {});
    for (let i = 0; i < o.people; i++) {
      const female = rnd() < 0.55;
      const firstName = pick(female ? FEMALE : MALE);
      const lastName = pick(SURNAMES);
      const y = 1960 + Math.floor(rnd() * 40);
      const m = 1 + Math.floor(rnd() * 12);
      const d = 1 + Math.floor(rnd() * 28);
      const birthDate = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
      const placeCode = pick(PLACES);
      let omocodia = 0;
      let taxCode = makeCodiceFiscale({ surname: lastName, name: firstName, birthDate, sex: female ? 'F' : 'M', placeCode });
      while (taken.has(taxCode)) taxCode = makeCodiceFiscale({ surname: lastName, name: firstName, birthDate, sex: female ? 'F' : 'M', placeCode, omocodia: ++omocodia });
      taken.add(taxCode);
      const base = `${slug(firstName)}.${slug(lastName)}`;
      let email = `${base}@provincia.lucca.it`;
      for (let k = 2; emails.has(email); k++) email = `${base}${k}@provincia.lucca.it`;
      emails.add(email);
      // the first people of the office hold its skills, in the numbers the office needs
      const skills = skilled.filter(([, n]) => i < n).map(([s]) => s);
      const days = new Set<number>();
      const wanted = Math.floor(rnd() * 3);
      while (days.size < wanted) days.add(1 + Math.floor(rnd() * 5));
      out.push({ officeCode: o.code, taxCode, firstName, lastName, email, skills, preferredWeekdays: [...days].sort(), disabledWorker: rnd() < 0.03 });
    }
  }
  return out;
}

/** The demo employee who signs in as dipendente@lucca.agilepa.demo (Tributi, prefers Monday and Friday). */
export const DEMO_EMPLOYEE: DemoPerson = {
  officeCode: 'TRIB',
  taxCode: makeCodiceFiscale({ surname: 'Dipendente', name: 'Luca', birthDate: '1984-05-21', sex: 'M', placeCode: 'E715' }),
  firstName: 'Luca',
  lastName: 'Dipendente',
  email: DEMO_EMPLOYEE_EMAIL,
  skills: [],
  preferredWeekdays: [1, 5],
  disabledWorker: false,
};

export async function seedRemoteWorkDemo(db: Db): Promise<void> {
  await db.ownerTx(async (tx) => {
    const body = await findOrganizationByCode(tx, DEMO_BODY_CODE);
    if (!body) throw new Error(`demo: no body with code ${DEMO_BODY_CODE}`);
    const organizationId = body.id;
    if ((await repo.selectOffices(tx, organizationId)).length > 0) return; // loaded already
    const hrUserId = await repo.selectUserIdByEmail(tx, DEMO_HR_EMAIL);
    const ids = new Map<string, string>();
    for (const o of DEMO_OFFICES) {
      const id = randomUUID();
      ids.set(o.code, id);
      await repo.insertOffice(tx, organizationId, id, { code: o.code, name: o.name, parentId: o.parent ? ids.get(o.parent)! : null, managerUserId: o.code === 'PERS' ? hrUserId : null });
      const rules: CoverageRuleRow[] = [];
      for (let w = 1; w <= 5; w++) {
        rules.push({ officeId: id, weekday: w, skill: '', minOnSite: o.onSite });
        for (const [skill, n] of Object.entries(o.skillOnSite ?? {})) rules.push({ officeId: id, weekday: w, skill, minOnSite: n });
      }
      await repo.replaceCoverageRules(tx, organizationId, id, rules);
      await repo.replaceActivities(tx, organizationId, id, o.activities.map(([name, remotable]) => ({ name, remotable })));
      await auditBy(tx, null, { organizationId, action: 'office.create', entityType: 'rw_office', entityId: id, before: null, after: { code: o.code, name: o.name, via: 'demo' } });
    }
    const people = [...demoPeople(), DEMO_EMPLOYEE];
    await repo.upsertEmployees(
      tx,
      organizationId,
      people.map((p) => ({ ...p, id: randomUUID(), officeId: ids.get(p.officeCode)! })),
    );
    await repo.relinkUsers(tx, organizationId, null);
    const year = clock.date().getUTCFullYear();
    for (const y of [year, year + 1]) {
      await repo.upsertClosure(tx, organizationId, `${y}-08-14`, 'Chiusura estiva degli uffici');
      await repo.upsertClosure(tx, organizationId, `${y}-12-24`, 'Vigilia di Natale: uffici chiusi');
    }
    await auditBy(tx, null, { organizationId, action: 'employee.import', entityType: 'rw_employee_import', after: { rows: people.length, creates: people.length, via: 'demo' } });
  });
}

export interface DemoEmployee {
  organizationId: string;
  id: string;
  officeId: string;
  officeCode: string;
  userId: string | null;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  skills: string[];
  preferredWeekdays: number[];
}

/**
 * The demo employees of the Provincia di Lucca, for other areas' demo data (agreements, plans):
 * optionally of one office (by code), alphabetical, at most `limit`. Empty before the seed ran.
 */
export async function findDemoEmployees(db: Queryable, opts: { officeCode?: string; limit?: number } = {}): Promise<DemoEmployee[]> {
  const body = await findOrganizationByCode(db, DEMO_BODY_CODE);
  if (!body) return [];
  const offices = await repo.selectOffices(db, body.id);
  const officeIds = opts.officeCode ? offices.filter((o) => o.code.toUpperCase() === opts.officeCode!.toUpperCase()).map((o) => o.id) : null;
  if (officeIds && officeIds.length === 0) return [];
  const { items } = await repo.selectEmployees(db, body.id, { officeIds, active: true }, Math.min(opts.limit ?? 10_000, 10_000), 0);
  return items.map((e) => ({
    organizationId: e.organizationId,
    id: e.id,
    officeId: e.officeId,
    officeCode: e.officeCode,
    userId: e.userId,
    taxCode: e.taxCode,
    firstName: e.firstName,
    lastName: e.lastName,
    email: e.email,
    skills: e.skills,
    preferredWeekdays: e.preferredWeekdays,
  }));
}
