/**
 * Two live agreements of one person never overlap, even when requested at the same moment: on
 * PostgreSQL, 12 concurrent requests for one employee over overlapping periods (through the use
 * case, on a pool of 12 connections) give exactly one agreement and 11 `agreement.overlap`
 * refusals (the exclusion constraint's 23P01 for those that passed the read check together), never
 * a server error; a concurrent request of another person is untouched. On PGlite (one connection)
 * the same requests run one after the other, with the same outcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backend, createTestDb } from '../../../test/helpers.js';
import { createUser, organizationId } from '../../../test/auth-helpers.js';
import type { Db } from '../../platform/db/index.js';
import type { AuthContext } from '../../platform/auth/context.js';
import { AppError } from '../../platform/http/errors.js';
import { requestAgreement, type RequestAgreementInput } from './request-agreement.js';
import { insertEmployee, insertOffice, terms } from './agreements.test-support.js';

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
    // on PostgreSQL some requests pass the read check together: the constraint refuses those
    const byConstraint = refused.filter((r) => /nello stesso momento/.test((r as { e: AppError }).e.detail ?? '')).length;
    console.info(`refused by the read check: ${refused.length - byConstraint}, by the exclusion constraint (23P01): ${byConstraint}`);
    if (onPg) expect(byConstraint).toBeGreaterThan(0);
    const rows = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from rw_agreements where employee_id in (select id from rw_employees where user_id = $1)`, [anna.userId]));
    expect(rows.rows[0].n).toBe(1);
    const audits = await db.ownerTx((tx) => tx.query<{ n: number }>(`select count(*)::int as n from audit_log where action = 'agreement.request'`));
    expect(audits.rows[0].n).toBe(2);
  });
});
