/**
 * Two live agreements of one person never overlap, even when requested at the same moment: on
 * PostgreSQL, 12 concurrent requests for one employee over overlapping periods (through the use
 * case, on a pool of 12 connections) give exactly one agreement and 11 `agreement.overlap`
 * refusals (the exclusion constraint's 23P01 for those that passed the read check together), never
 * a server error; a concurrent request of another person is untouched. On PGlite (one connection)
 * the same requests run one after the other, with the same outcome.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../../../test/helpers.js';
import { createUser, organizationId } from '../../../../test/auth-helpers.js';
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/http/errors.js';
import { requestAgreement, type RequestAgreementInput } from './request-agreement.js';
import { insertEmployee, insertOffice, terms } from './agreements.test-support.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { assertNoOverlap, overlapOf, termsOf, type AgreementTermsInput } from './agreement-terms.js';
import * as repo from './agreements.repo.js';

const onPg = backend() === 'postgresql';
const CLIENTS = 12;
let db: Db;
let anna: AuthContext;
let bruno: AuthContext;

const authOf = (u: { id: string; email: string }, organizationId: string): AuthContext => ({ userId: u.id, email: u.email, displayName: u.email, organizationId, roles: ['employee'], via: 'session' });

beforeAll(async () => {
  db = await createTestDb({ poolSize: CLIENTS + 2 });
  const lucca = await organizationId(db, '046');
  const office = await insertOffice(db, { organizationId: lucca, name: 'Ufficio Viabilità' });
  const a = await createUser(db, { organizationId: lucca, roles: ['employee'] });
  const b = await createUser(db, { organizationId: lucca, roles: ['employee'] });
  await insertEmployee(db, { organizationId: lucca, officeId: office, firstName: 'Anna', lastName: 'Rossi', userId: a.id });
  await insertEmployee(db, { organizationId: lucca, officeId: office, firstName: 'Bruno', lastName: 'Russo', userId: b.id });
  anna = authOf(a, lucca);
  bruno = authOf(b, lucca);
});
afterAll(async () => db?.close());

describe(`concurrent requests for one person (${onPg ? 'PostgreSQL, in parallel' : 'PGlite, serial'})`, () => {
  it('keeps exactly one of overlapping requests and refuses the others with agreement.overlap', async () => {
    const attempt = (i: number) =>
      requestAgreement(db, anna, terms(10 + i, 60) as unknown as RequestAgreementInput, { publicUrl: 'https://agilepa.example' }).then(
        (a) => ({ ok: true as const, id: a.id }),
        (e: unknown) => ({ ok: false as const, e }),
      );
    const outcomes = onPg
      ? await Promise.all([...Array.from({ length: CLIENTS }, (_, i) => attempt(i)), requestAgreement(db, bruno, terms(10, 60) as unknown as RequestAgreementInput, { publicUrl: 'x' }).then(() => ({ ok: true as const, id: 'bruno' }))])
      : await (async () => {
          const out = [];
          for (let i = 0; i < CLIENTS; i++) out.push(await attempt(i));
          await requestAgreement(db, bruno, terms(10, 60) as unknown as RequestAgreementInput, { publicUrl: 'x' });
          out.push({ ok: true as const, id: 'bruno' });
          return out;
        })();
    const created = outcomes.filter((o) => o.ok);
    const refused = outcomes.filter((o) => !o.ok);
    expect(created.length).toBe(2); // one of Anna's, and Bruno's
    expect(refused.length).toBe(CLIENTS - 1);
    for (const r of refused) {
      const e = (r as { e: unknown }).e;
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('agreement.overlap');
      expect((e as AppError).status).toBe(409);
    }
    // how many passed the read check together depends on timing; the next test forces that race
    const byConstraint = refused.filter((r) => /nello stesso momento/.test((r as { e: AppError }).e.detail ?? '')).length;
    console.info(`refused by the read check: ${refused.length - byConstraint}, by the exclusion constraint (23P01): ${byConstraint}`);
    const rows = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from rw_agreements where employee_id in (select id from rw_employees where user_id = $1)`, [anna.userId]));
    expect(rows.rows[0].n).toBe(1);
    const audits = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'agreement.request'`));
    expect(audits.rows[0].n).toBe(2);
  });

  it('refuses with agreement.overlap the second of two requests that both passed the read check (the exclusion constraint)', async () => {
    const chiara = await createUser(db, { organizationId: anna.organizationId!, roles: ['employee'] });
    const office = await insertOffice(db, { organizationId: anna.organizationId!, name: 'Ufficio Tributi' });
    const employeeId = await insertEmployee(db, { organizationId: anna.organizationId!, officeId: office, firstName: 'Chiara', lastName: 'Neri', userId: chiara.id });
    const auth = authOf(chiara, anna.organizationId!);
    const t = termsOf(terms(20, 90) as unknown as AgreementTermsInput);
    const row = (): repo.NewAgreement => ({ id: randomUUID(), organizationId: auth.organizationId!, employeeId, ...t, safetyInfoAcknowledged: false, requestedBy: auth.userId, renewedFrom: null });
    // both read "no overlap" before either writes: on PostgreSQL the two transactions are held
    // open at a barrier; on PGlite (one connection) the second read happens before the first write
    let bothRead!: () => void;
    const barrier = new Promise<void>((r) => (bothRead = r));
    let reads = 0;
    const read = async (tx: Parameters<typeof assertNoOverlap>[0]) => {
      await assertNoOverlap(tx, employeeId, t.startsOn, t.endsOn);
      if (++reads === 2) bothRead();
    };
    const insert = (tx: Parameters<typeof repo.insertAgreement>[0]) => repo.insertAgreement(tx, row()).catch((e: unknown) => { throw overlapOf(e); });
    const outcomes = onPg
      ? await Promise.allSettled([0, 1].map(() => db.tx(dbContext(auth), async (tx) => { await read(tx); await barrier; await insert(tx); })))
      : await (async () => {
          await db.tx(dbContext(auth), async (tx) => { await read(tx); await read(tx); });
          await barrier;
          return Promise.allSettled([0, 1].map(() => db.tx(dbContext(auth), (tx) => insert(tx))));
        })();
    expect(reads).toBe(2);
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    const [failure] = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
    expect(failure.reason).toBeInstanceOf(AppError);
    expect((failure.reason as AppError).code).toBe('agreement.overlap');
    expect((failure.reason as AppError).detail).toMatch(/nello stesso momento/);
    const rows = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from rw_agreements where employee_id = $1`, [employeeId]));
    expect(rows.rows[0].n).toBe(1);
  });
});
