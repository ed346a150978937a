import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../test/helpers.js';
import type { Db } from './db/index.js';
import { auditBatch, auditBy, lastAuditSeq, listAuditPage, recordAudit, verifyAuditChain, type AuditEntry } from './audit.js';

const A = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
const B = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const C = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
const USER = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

function entry(org: string, n: number, extra: Partial<AuditEntry> = {}): AuditEntry {
  return {
    organizationId: org,
    actorUserId: USER,
    actorLabel: 'admin@comune.example.it',
    action: 'organization.update',
    entityType: 'organization',
    entityId: `ent-${n}`,
    before: { name: `Vecchio ${n}` },
    after: { name: `Nuovo ${n}`, città: 'Agliè' },
    ...extra,
  };
}

async function chain(db: Db, org: string) {
  const r = await db.ownerTx((tx) =>
    tx.query<{ seq: number; prev_hash: string; hash: string }>('select seq, prev_hash, hash from audit_log where organization_id = $1 order by seq', [org]),
  );
  return r.rows;
}

let db: Db;
beforeAll(async () => {
  db = await createTestDb({ poolSize: 25 });
  for (let i = 1; i <= 3; i++) await db.tx({ organizationId: A, userId: USER }, (tx) => recordAudit(tx, entry(A, i)));
  await db.tx({ organizationId: B }, (tx) => recordAudit(tx, entry(B, 1, { actorLabel: 'altro@comune.example.it', action: 'user.create', entityType: 'user' })));
});
afterAll(async () => db?.close());

describe('audit chain', () => {
  it('numbers each body’s entries 1, 2, 3 and links every entry to the previous hash', async () => {
    const a = await chain(db, A);
    expect(a.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(a[0].prev_hash).toBe('0'.repeat(64));
    expect(a[1].prev_hash).toBe(a[0].hash);
    expect(a[2].prev_hash).toBe(a[1].hash);
    expect(new Set(a.map((r) => r.hash)).size).toBe(3);
    const b = await chain(db, B);
    expect(b.map((r) => r.seq)).toEqual([1]); // a separate chain per body
    expect(await db.tx({ organizationId: A }, (tx) => verifyAuditChain(tx, A))).toEqual({ valid: true, entries: 3 });
  });

  it('stays gap-free and valid under 20 concurrent transactions for one body', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.tx({ organizationId: C }, async (tx) => {
          await recordAudit(tx, entry(C, i));
          await new Promise((r) => setTimeout(r, Math.random() * 5)); // hold the transaction open a little
        }),
      ),
    );
    const c = await chain(db, C);
    expect(c.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (let i = 1; i < c.length; i++) expect(c[i].prev_hash).toBe(c[i - 1].hash);
    expect(await db.tx({ organizationId: C }, (tx) => verifyAuditChain(tx, C))).toEqual({ valid: true, entries: 20 });
  });

  it('detects a changed entry (owner with app.audit_restore) and reports its seq', async () => {
    const org = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    for (let i = 1; i <= 4; i++) await db.tx({ organizationId: org }, (tx) => recordAudit(tx, entry(org, i)));
    await db.ownerTx(async (tx) => {
      await tx.query(`select set_config('app.audit_restore', 'on', true)`);
      await tx.query(`update audit_log set after = '{"name":"Falsificato"}' where organization_id = $1 and seq = 2`, [org]);
    });
    expect(await db.tx({ organizationId: org }, (tx) => verifyAuditChain(tx, org))).toEqual({
      valid: false,
      entries: 4,
      firstBrokenSeq: 2,
      problem: 'content does not match its hash',
    });
  });

  it('detects a removed entry', async () => {
    const org = 'ffffffff-ffff-4fff-8fff-ffffffffffff';
    for (let i = 1; i <= 4; i++) await db.tx({ organizationId: org }, (tx) => recordAudit(tx, entry(org, i)));
    await db.ownerTx(async (tx) => {
      await tx.query(`select set_config('app.audit_restore', 'on', true)`);
      await tx.query('delete from audit_log where organization_id = $1 and seq = 3', [org]);
    });
    const v = await db.tx({ organizationId: org }, (tx) => verifyAuditChain(tx, org));
    expect(v).toMatchObject({ valid: false, entries: 3, firstBrokenSeq: 4, problem: 'missing entry before this one' });
  });

  it('refuses UPDATE and DELETE to the application role, and to the owner without the restore switch', async () => {
    await expect(db.tx({ organizationId: A }, (tx) => tx.query(`update audit_log set after = '{}' where organization_id = $1`, [A]))).rejects.toThrow(/permission denied/);
    await expect(db.tx({ organizationId: A }, (tx) => tx.query('delete from audit_log where organization_id = $1', [A]))).rejects.toThrow(/permission denied/);
    await expect(db.tx({ platform: true }, (tx) => tx.query('delete from audit_log'))).rejects.toThrow(/permission denied/);
    await expect(db.ownerTx((tx) => tx.query(`update audit_log set after = '{}' where organization_id = $1`, [A]))).rejects.toThrow(/append-only/);
    expect((await chain(db, A)).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('hides a body’s entries without a tenant context and from another body', async () => {
    const none = await db.tx({}, (tx) => tx.query('select id from audit_log'));
    expect(none.rows).toEqual([]);
    const fromB = await db.tx({ organizationId: B }, (tx) => tx.query('select organization_id from audit_log where organization_id = $1', [A]));
    expect(fromB.rows).toEqual([]);
    const own = await db.tx({ organizationId: B }, (tx) => tx.query<{ organization_id: string }>('select organization_id from audit_log'));
    expect(own.rows.map((r) => r.organization_id)).toEqual([B]);
    expect(await db.tx({ organizationId: B }, (tx) => listAuditPage(tx, { organizationId: A }, 20, 0))).toEqual({ items: [], total: 0 });
  });

  it('refuses an entry written for another body', async () => {
    await expect(db.tx({ organizationId: B }, (tx) => recordAudit(tx, entry(A, 9)))).rejects.toThrow(/row-level security/);
    expect((await chain(db, A)).map((r) => r.seq)).toEqual([1, 2, 3]);
  });
});

describe('reading the log', () => {
  it('filters and pages newest first', async () => {
    const page = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A }, 2, 0));
    expect(page.total).toBe(3);
    expect(page.items.map((i) => i.seq)).toEqual([3, 2]);
    expect(page.items[0]).toMatchObject({ actor: 'admin@comune.example.it', actorUserId: USER, action: 'organization.update', entityType: 'organization', entityId: 'ent-3', after: { name: 'Nuovo 3', città: 'Agliè' } });
    const second = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A }, 2, 2));
    expect(second.items.map((i) => i.seq)).toEqual([1]);
    const byEntity = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A, entityType: 'user' }, 20, 0));
    expect(byEntity.total).toBe(0);
    const byActor = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A, actor: 'ADMIN@comune' }, 20, 0));
    expect(byActor.total).toBe(3);
    const likeChars = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A, actor: '%' }, 20, 0));
    expect(likeChars.total).toBe(0);
    const future = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A, from: new Date(Date.now() + 60_000) }, 20, 0));
    expect(future.total).toBe(0);
    const past = await db.tx({ organizationId: A }, (tx) => listAuditPage(tx, { organizationId: A, to: new Date(Date.now() + 60_000), action: 'organization.update' }, 20, 0));
    expect(past.total).toBe(3);
  });

  it('reads in keyset batches up to a fixed last seq', async () => {
    const last = await db.tx({ organizationId: C }, (tx) => lastAuditSeq(tx, C));
    expect(last).toBe(20);
    const seen: number[] = [];
    let after = 0;
    for (;;) {
      const batch = await db.tx({ organizationId: C }, (tx) => auditBatch(tx, { organizationId: C }, after, last, 7));
      if (batch.length === 0) break;
      seen.push(...batch.map((b) => b.seq));
      after = batch[batch.length - 1].seq;
    }
    expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('auditBy', () => {
  it('takes the actor from an auth context, a use case’s Actor or the system', async () => {
    const org = 'eeeeeeee-eeee-4eee-8eee-eeeeeeeeeeee';
    const event = { organizationId: org, action: 'test.by', entityType: 'test', ip: '192.0.2.7' };
    await db.tx({ organizationId: org, userId: USER }, async (tx) => {
      await auditBy(tx, { userId: USER, email: 'persona@comune.example.it' }, { ...event, entityId: 'auth' });
      await auditBy(tx, { userId: null, label: 'cli' }, { ...event, entityId: 'actor' });
      await auditBy(tx, null, { ...event, entityId: 'system' });
    });
    const r = await db.ownerTx((tx) =>
      tx.query<{ entity_id: string; actor_user_id: string | null; actor_label: string; ip: string }>(
        `select entity_id, actor_user_id, actor_label, ip::text as ip from audit_log where organization_id = $1 and action = 'test.by' order by seq`,
        [org],
      ),
    );
    expect(r.rows.map((x) => [x.entity_id, x.actor_user_id, x.actor_label])).toEqual([
      ['auth', USER, 'persona@comune.example.it'],
      ['actor', null, 'cli'],
      ['system', null, 'system'],
    ]);
    expect(r.rows.every((x) => x.ip.startsWith('192.0.2.7'))).toBe(true);
  });
});
