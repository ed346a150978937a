/**
 * Test support of the agreements: offices and employees inserted directly (as the owner), so the
 * agreements' tests do not depend on the offices area; a complete, valid set of terms.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { addDays } from './agreement-rules.js';
import { clock } from '../../../platform/clock.js';

export async function insertOffice(db: Db, o: { organizationId: string; name: string; code?: string; managerUserId?: string | null }): Promise<string> {
  const id = randomUUID();
  await db.ownerTx((tx) =>
    tx.query(`insert into rw_offices (id, organization_id, code, name, manager_user_id) values ($1, $2, $3, $4, $5)`, [
      id,
      o.organizationId,
      o.code ?? `U${randomBytes(4).toString('hex')}`,
      o.name,
      o.managerUserId ?? null,
    ]),
  );
  return id;
}

/** A random string that fits the tax-code column (the agreements do not validate codici fiscali). */
export function fakeTaxCode(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
  return Array.from(randomBytes(16), (b) => chars[b % chars.length]).join('');
}

export async function insertEmployee(
  db: Db,
  e: { organizationId: string; officeId: string; firstName: string; lastName: string; userId?: string | null; email?: string | null; disabledWorker?: boolean; active?: boolean; taxCode?: string },
): Promise<string> {
  const id = randomUUID();
  await db.ownerTx((tx) =>
    tx.query(
      `insert into rw_employees (id, organization_id, office_id, tax_code, first_name, last_name, email, user_id, disabled_worker, active)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [id, e.organizationId, e.officeId, e.taxCode ?? fakeTaxCode(), e.firstName, e.lastName, e.email ?? null, e.userId ?? null, e.disabledWorker ?? false, e.active ?? true],
    ),
  );
  return id;
}

/** Valid terms starting `fromToday` days after today (Rome), fixed-term for `days` days or open-ended. */
export function terms(fromToday = 7, days: number | null = 180, over: Record<string, unknown> = {}): Record<string, unknown> {
  const startsOn = addDays(clock.today(), fromToday);
  return {
    startsOn,
    endsOn: days === null ? null : addDays(startsOn, days - 1),
    maxRemotePerWeek: 2,
    allowedWeekdays: [1, 3, 5],
    reachability: { '1': [['09:30', '12:30']], '3': [['09:30', '12:30']], '5': [['09:30', '12:30'], ['14:30', '16:00']] },
    workingFrom: '08:00',
    workingTo: '19:00',
    disconnectionFrom: '19:00',
    disconnectionTo: '08:00',
    disconnectionMeasures: 'Notifiche disattivate su posta e chat dalle 19:00 alle 08:00.',
    placeRules: 'Domicilio o altro luogo idoneo comunicato al responsabile.',
    equipment: 'Computer portatile e cuffie forniti dall’ente; accesso VPN.',
    activities: 'Istruttoria delle pratiche, redazione di atti.',
    ...over,
  };
}

/** The e-mails queued since the start of the database (the mail.send jobs' payloads). */
export async function queuedMails(db: Db): Promise<{ to: string; subject: string; text: string }[]> {
  const r = await db.ownerTx((tx) => tx.query<{ payload: unknown }>(`select payload from jobs where type = 'mail.send' order by id`));
  return r.rows.map((x) => (typeof x.payload === 'string' ? JSON.parse(x.payload) : x.payload) as { to: string; subject: string; text: string });
}
