/**
 * The agreements of the demo territory (after the offices' demo, through `findDemoEmployees`):
 * in the Provincia di Lucca about 55% of the employees have a registered agreement (one or two
 * remote days a week, some with a monthly cap, open-ended or for a year — some ending within the
 * next 60 days), a few requests wait for a decision, a few approved ones for registration, one
 * was refused. The demo employee (dipendente@lucca.agilepa.demo) has a registered agreement that
 * ends in 45 days, so he can see it, download it and ask for its renewal. Deterministic (from each
 * person's tax code) and written once: nothing happens when the body already has agreements.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { auditBy } from '../../../platform/audit.js';
import { findOrganizationByCode } from '../../organizations/index.js';
import { addDays, type Window } from './agreement-rules.js';
import { DEMO_BODY_CODE, DEMO_EMPLOYEE_EMAIL, DEMO_HR_EMAIL, findDemoEmployees } from '../offices/index.js';
import * as repo from './agreements.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

const WINDOWS: Window[] = [
  ['09:30', '12:30'],
  ['14:30', '16:00'],
];
const MEASURES = 'Nella fascia di disconnessione posta elettronica, chat e telefono di servizio non inviano notifiche; le richieste ricevute si trattano alla ripresa del servizio.';
const PLACE = 'Il domicilio o un altro luogo idoneo in Italia, comunicato al responsabile, che garantisca sicurezza e riservatezza.';
const EQUIPMENT = 'Computer portatile dell’ente con accesso VPN e cuffie; telefonia tramite l’applicazione di centralino dell’ente.';

/** A small stable number from a text (FNV-1a). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

export async function seedAgreementsDemo(db: Db, opts: { now?: number } = {}): Promise<number> {
  const today = romeDate(opts.now ?? clock.now());
  return db.ownerTx(async (tx) => {
    const body = await findOrganizationByCode(tx, DEMO_BODY_CODE);
    if (!body) return 0;
    if ((await repo.countAgreementsOf(tx, body.id)) > 0) return 0;
    const people = await findDemoEmployees(tx);
    if (!people.length) return 0;
    const hr = await repo.selectUserIdByEmail(tx, DEMO_HR_EMAIL);
    const instant = (day: string, hhmm: string) => `${day}T${hhmm}:00+01:00`;
    const rows: repo.SeededAgreement[] = [];
    for (const e of people) {
      const h = hash(e.taxCode);
      const bucket = h % 100;
      const demoEmployee = e.email?.toLowerCase() === DEMO_EMPLOYEE_EMAIL;
      const frontDesk = e.skills.includes('sportello');
      const weekdays = demoEmployee ? [1, 3, 5] : frontDesk ? [2, 4] : [1, 2, 3, 4, 5];
      const perWeek = demoEmployee ? 2 : frontDesk || h % 3 === 0 ? 1 : 2;
      const base = {
        id: randomUUID(),
        employeeId: e.id,
        maxRemotePerWeek: perWeek,
        maxRemotePerMonth: !frontDesk && h % 7 === 0 ? 6 : null,
        allowedWeekdays: weekdays,
        reachability: Object.fromEntries(weekdays.map((d) => [String(d), WINDOWS])),
        disconnectionMeasures: MEASURES,
        placeRules: PLACE,
        equipment: EQUIPMENT,
        activities: '',
        decisionReason: null,
      };
      if (demoEmployee || bucket < 55) {
        // registered: started 30 to 359 days ago; a year if fixed-term (so some end within 60 days)
        const ago = demoEmployee ? 320 : 30 + ((h >>> 8) % 330);
        const startsOn = addDays(today, -ago);
        const fixed = demoEmployee || (h >>> 4) % 2 === 0;
        const requestedOn = addDays(startsOn, -20);
        rows.push({
          ...base,
          status: 'registered',
          startsOn,
          endsOn: fixed ? addDays(startsOn, 364) : null,
          safetyInfoAcknowledgedAt: instant(requestedOn, '10:00'),
          requestedBy: e.userId,
          requestedAt: instant(requestedOn, '09:00'),
          decidedBy: hr,
          decidedAt: instant(addDays(requestedOn, 3), '11:00'),
          registeredBy: hr,
          registeredAt: instant(addDays(requestedOn, 7), '12:00'),
        });
      } else if (bucket < 60) {
        const startsOn = addDays(today, 14 + (h % 20));
        const approved = bucket >= 58;
        const refused = bucket === 59 && h % 2 === 0;
        rows.push({
          ...base,
          status: refused ? 'refused' : approved ? 'approved' : 'requested',
          startsOn,
          endsOn: addDays(startsOn, 364),
          safetyInfoAcknowledgedAt: approved ? instant(addDays(today, -3), '10:00') : null,
          requestedBy: e.userId,
          requestedAt: instant(addDays(today, -5), '09:00'),
          decidedBy: approved || refused ? hr : null,
          decidedAt: approved || refused ? instant(addDays(today, -2), '11:00') : null,
          decisionReason: refused ? 'Nel periodo richiesto il presidio dell’ufficio non è garantito: riproponi la richiesta da settembre.' : null,
          registeredBy: null,
          registeredAt: null,
        });
      }
    }
    await repo.insertSeededAgreements(tx, body.id, rows);
    const count = (s: string) => rows.filter((r) => r.status === s).length;
    await auditBy(tx, null, {
      organizationId: body.id,
      action: 'agreement.import',
      entityType: 'rw_agreement',
      after: { via: 'demo', registered: count('registered'), requested: count('requested'), approved: count('approved'), refused: count('refused') },
    });
    return rows.length;
  });
}
