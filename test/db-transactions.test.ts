/**
 * Transactions of src/platform/db/index.ts, on both databases: statements issued together
 * (pipelined on PostgreSQL) run in the order issued, the tenant context applies to the first one,
 * a statement handed to `tx.last()` commits with the rest or rolls everything back, and a
 * connection is clean for the next transaction whatever happened in the previous one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ROLE, TX_ATTEMPTS, type Db } from '../src/platform/db/index.js';
import { backend, createTestDb } from './helpers.js';

let db: Db;
const ORG = '00000000-0000-4000-8000-00000000abcd';

beforeAll(async () => {
  // one connection: every transaction below reuses the connection the previous one left
  db = await createTestDb({ poolSize: 1 });
  await db.ownerTx(async (tx) => {
    await tx.exec(`create table tx_probe (id integer primary key, note text not null check (note <> 'bad'));
      grant select, insert, update, delete on tx_probe to ${APP_ROLE};`);
  });
});

afterAll(async () => {
  await db.close();
});

async function ids(): Promise<number[]> {
  const r = await db.query<{ id: number }>('select id from tx_probe order by id');
  return r.rows.map((x) => x.id);
}

async function clear(): Promise<void> {
  await db.query('delete from tx_probe');
}

describe('db.tx', () => {
  it('runs statements issued together in the order they were issued, the first one already in the tenant context', async () => {
    await clear();
    const seen = await db.tx({ organizationId: ORG }, (tx) =>
      Promise.all([
        tx.query<{ org: string; role: string }>(`select current_setting('app.organization_id') as org, current_user as role`),
        tx.query('insert into tx_probe (id, note) values (1, $1)', ['uno']),
        tx.query('update tx_probe set note = $1 where id = 1', ['due']),
        tx.query<{ note: string }>('select note from tx_probe where id = 1'),
      ]),
    );
    expect(seen[0].rows[0]).toEqual({ org: ORG, role: APP_ROLE });
    expect(seen[3].rows[0].note).toBe('due');
    expect(await ids()).toEqual([1]);
  });

  it('commits the statements handed to tx.last() with the rest', async () => {
    await clear();
    const out = await db.tx({ organizationId: ORG }, async (tx) => {
      await tx.query('insert into tx_probe (id, note) values (1, $1)', ['a']);
      tx.last(tx.query('insert into tx_probe (id, note) values (2, $1)', ['b']));
      tx.last(tx.query('insert into tx_probe (id, note) values (3, $1)', ['c']));
      return 'done';
    });
    expect(out).toBe('done');
    expect(await ids()).toEqual([1, 2, 3]);
  });

  it('rolls everything back and throws the error of a failing tx.last() statement', async () => {
    await clear();
    const attempt = db.tx({ organizationId: ORG }, async (tx) => {
      await tx.query('insert into tx_probe (id, note) values (1, $1)', ['a']);
      tx.last(tx.query('insert into tx_probe (id, note) values (2, $1)', ['bad']));
      tx.last(tx.query('insert into tx_probe (id, note) values (3, $1)', ['c']));
      return 'done';
    });
    await expect(attempt).rejects.toMatchObject({ code: '23514' }); // the check constraint, not "transaction aborted"
    expect(await ids()).toEqual([]);
  });

  it('rolls back when the function throws while its statements are still in flight, and the connection serves the next transaction', async () => {
    await clear();
    const attempt = db.tx({ organizationId: ORG }, async (tx) => {
      const inFlight = [tx.query('insert into tx_probe (id, note) values (1, $1)', ['a']), tx.query('select pg_sleep(0.05)')];
      inFlight.forEach((p) => p.catch(() => undefined));
      throw new Error('a rule refused');
    });
    await expect(attempt).rejects.toThrow('a rule refused');
    expect(await ids()).toEqual([]);
    // the same (only) connection: not left inside the aborted transaction (this would fail), nor with its tenant
    const r = await db.tx({ organizationId: null }, (tx) => tx.query<{ org: string }>(`select current_setting('app.organization_id') as org`));
    expect(r.rows[0].org).toBe('');
  });

  it('rolls back a failed statement among several issued together, and the next transaction commits normally', async () => {
    await clear();
    const attempt = db.tx({ organizationId: ORG }, (tx) =>
      Promise.all([
        tx.query('insert into tx_probe (id, note) values (1, $1)', ['a']),
        tx.query('insert into tx_probe (id, note) values (1, $1)', ['duplicate']),
        tx.query('insert into tx_probe (id, note) values (2, $1)', ['b']),
      ]),
    );
    await expect(attempt).rejects.toMatchObject({ code: '23505' });
    expect(await ids()).toEqual([]);
    await db.tx({ organizationId: ORG }, (tx) => tx.query('insert into tx_probe (id, note) values (5, $1)', ['ok']));
    expect(await ids()).toEqual([5]);
  });

  it('refuses a statement issued after the transaction has ended (tx.last() takes statements already issued)', async () => {
    await clear();
    const attempt = db.tx({ organizationId: ORG }, async (tx) => {
      tx.last(
        (async () => {
          await tx.query('select 1');
          await tx.query('insert into tx_probe (id, note) values (9, $1)', ['too late']);
        })(),
      );
    });
    await expect(attempt).rejects.toThrow(/after the end of its transaction/);
    expect(await ids()).toEqual([]);
  });

  it('keeps tx.last() statements of the owner transactions too', async () => {
    await clear();
    await expect(
      db.ownerTx(async (tx) => {
        tx.last(tx.query('insert into tx_probe (id, note) values (7, $1)', ['bad']));
      }),
    ).rejects.toMatchObject({ code: '23514' });
    await db.ownerTx(async (tx) => {
      tx.last(tx.query('insert into tx_probe (id, note) values (8, $1)', ['ok']));
    });
    expect(await ids()).toEqual([8]);
  });
});

describe('retries', () => {
  it('runs a transaction again after a serialization failure, and the first attempt leaves nothing', async () => {
    await clear();
    let attempts = 0;
    const out = await db.tx({ organizationId: ORG }, async (tx) => {
      attempts++;
      await tx.query('insert into tx_probe (id, note) values ($1, $2)', [attempts, 'try']);
      if (attempts < 3) throw Object.assign(new Error('could not serialize access'), { code: attempts === 1 ? '40001' : '40P01' });
      return 'done';
    });
    expect(out).toBe('done');
    expect(attempts).toBe(3);
    expect(await ids()).toEqual([3]);
  });

  it('gives up after TX_ATTEMPTS and throws the last error; other errors are never retried', async () => {
    let attempts = 0;
    const failing = db.ownerTx(async () => {
      attempts++;
      throw Object.assign(new Error('deadlock detected'), { code: '40P01' });
    });
    await expect(failing).rejects.toMatchObject({ code: '40P01' });
    expect(attempts).toBe(TX_ATTEMPTS);
    attempts = 0;
    await expect(
      db.ownerTx(async () => {
        attempts++;
        throw Object.assign(new Error('duplicate'), { code: '23505' });
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });
});

describe('a real deadlock', () => {
  it(`is retried on ${backend()}: both transactions commit`, async () => {
    const pool = await createTestDb({ poolSize: 4 });
    try {
      await pool.ownerTx((tx) => tx.exec(`create table dl (id int primary key, n int not null); insert into dl values (1, 0), (2, 0);`));
      let attempts = 0;
      let ready = 0;
      // waits until both hold their first row (PostgreSQL), or 300 ms (PGlite runs one transaction at a time)
      const bothLocked = () =>
        new Promise<void>((resolve) => {
          ready++;
          const until = Date.now() + 300;
          const wait = () => (ready >= 2 || Date.now() > until ? resolve() : setTimeout(wait, 5));
          wait();
        });
      // each takes one row, waits for the other to take its row, then asks for the other's: a deadlock on PostgreSQL
      const move = (first: number, second: number) =>
        pool.ownerTx(async (tx) => {
          attempts++;
          await tx.query('update dl set n = n + 1 where id = $1', [first]);
          if (attempts <= 2) await bothLocked();
          await tx.query('update dl set n = n + 1 where id = $1', [second]);
        });
      await Promise.all([move(1, 2), move(2, 1)]);
      // PostgreSQL broke the deadlock by failing one of them (40P01), which ran again
      if (backend() === 'postgresql') expect(attempts).toBeGreaterThanOrEqual(3);
      else expect(attempts).toBe(2);
      const r = await pool.query<{ id: number; n: number }>('select id, n from dl order by id');
      expect(r.rows).toEqual([{ id: 1, n: 2 }, { id: 2, n: 2 }]);
    } finally {
      await pool.close();
    }
  });
});
