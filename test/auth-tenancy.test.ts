/**
 * The tenancy test of the issue: as the application role, a query with no tenant context and one
 * with another body's context see none of body A's rows (memberships, users, audit_log), while
 * body A's own context sees them (so the test can fail). Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/platform/db/index.js';
import { createTestDb } from './helpers.js';
import { createUser, organizationId } from './auth-helpers.js';

let db: Db;
let bodyA: string;
let bodyB: string;
let userA: string;
let userB: string;

beforeAll(async () => {
  db = await createTestDb();
  bodyA = await organizationId(db, '001001');
  bodyB = await organizationId(db, '046');
  userA = (await createUser(db, { organizationId: bodyA, roles: ['body_admin', 'employee'] })).id;
  userB = (await createUser(db, { organizationId: bodyB, roles: ['body_admin'] })).id;
});
afterAll(async () => db?.close());

async function countAs(ctx: Parameters<Db['tx']>[0], sql: string, params: unknown[]): Promise<number> {
  return db.tx(ctx, async (tx) => (await tx.query<{ n: number }>(sql, params)).rows[0].n);
}

const MEMBERSHIPS_OF = 'select count(*)::int as n from memberships where organization_id = $1';
const AUDIT_OF = 'select count(*)::int as n from audit_log where organization_id = $1';

describe('row-level security keeps body A’s people and audit log from everyone else', () => {
  it('the rows exist and body A sees them', async () => {
    expect(await countAs({ organizationId: bodyA, userId: userA }, MEMBERSHIPS_OF, [bodyA])).toBe(2);
    expect(await countAs({ organizationId: bodyA, userId: userA }, AUDIT_OF, [bodyA])).toBeGreaterThan(0);
    expect(await countAs({ organizationId: bodyA }, 'select count(*)::int as n from users where id = $1', [userA])).toBe(1);
  });

  it('no tenant context: none of body A’s rows', async () => {
    expect(await countAs({}, 'select count(*)::int as n from memberships', [])).toBe(0);
    expect(await countAs({}, 'select count(*)::int as n from users', [])).toBe(0);
    expect(await countAs({}, AUDIT_OF, [bodyA])).toBe(0);
  });

  it('body B’s context: none of body A’s rows, only B’s', async () => {
    const ctxB = { organizationId: bodyB, userId: userB };
    expect(await countAs(ctxB, MEMBERSHIPS_OF, [bodyA])).toBe(0);
    expect(await countAs(ctxB, 'select count(*)::int as n from memberships', [])).toBe(1);
    expect(await countAs(ctxB, 'select count(*)::int as n from users where id = $1', [userA])).toBe(0);
    expect(await countAs(ctxB, AUDIT_OF, [bodyA])).toBe(0);
    expect(await countAs(ctxB, AUDIT_OF, [bodyB])).toBeGreaterThan(0);
  });

  it('body B cannot write into body A: memberships and audit entries are refused', async () => {
    const ctxB = { organizationId: bodyB, userId: userB };
    await expect(
      db.tx(ctxB, (tx) => tx.query(`insert into memberships (user_id, organization_id, role) values ($1, $2, 'body_admin')`, [userB, bodyA])),
    ).rejects.toThrow(/row-level security/);
    const updated = await db.tx(ctxB, (tx) => tx.query(`update memberships set role = 'employee' where organization_id = $1`, [bodyA]));
    expect(updated.rowCount).toBe(0);
    const deleted = await db.tx(ctxB, (tx) => tx.query(`delete from memberships where organization_id = $1`, [bodyA]));
    expect(deleted.rowCount).toBe(0);
    expect(await countAs({ organizationId: bodyA }, MEMBERSHIPS_OF, [bodyA])).toBe(2);
  });

  it('a user sees their own memberships in every body, and nobody else’s', async () => {
    expect(await countAs({ userId: userA }, 'select count(*)::int as n from memberships', [])).toBe(2);
    expect(await countAs({ userId: userA }, 'select count(*)::int as n from users', [])).toBe(1);
  });

  it('the sign-in tables are closed to the application role', async () => {
    for (const table of ['sessions', 'api_tokens', 'login_attempts', 'password_resets', 'oidc_states']) {
      await expect(db.tx({ organizationId: bodyA, platform: true }, (tx) => tx.query(`select count(*) from ${table}`))).rejects.toThrow(/permission denied/);
    }
  });

  it('the e-mail lookup for linking answers only inside a tenant', async () => {
    const email = (await db.query<{ email: string }>('select email from users where id = $1', [userA])).rows[0].email;
    const lookup = 'select auth_user_id_by_email($1) as id';
    expect(await db.tx({}, async (tx) => (await tx.query<{ id: string | null }>(lookup, [email])).rows[0].id)).toBeNull();
    expect(await db.tx({ organizationId: bodyB }, async (tx) => (await tx.query<{ id: string | null }>(lookup, [email])).rows[0].id)).toBe(userA);
  });
});
