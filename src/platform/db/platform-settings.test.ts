/** platform_settings: the application role reads it and cannot write it; the owner (start-up) can. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../test/helpers.js';
import type { Db } from './index.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('platform_settings', () => {
  it('is read-only for the application role, in platform scope too', async () => {
    const read = await db.tx({ platform: true }, (tx) => tx.query<{ n: number }>('select count(*)::int as n from platform_settings'));
    expect(read.rows[0].n).toBeGreaterThanOrEqual(0);
    for (const sql of [
      `insert into platform_settings (key, value) values ('test.write', '1'::jsonb)`,
      `update platform_settings set value = '0'::jsonb`,
      `delete from platform_settings`,
    ]) {
      await expect(db.tx({ platform: true }, (tx) => tx.query(sql)), sql).rejects.toThrow(/permission denied/);
    }
    await db.ownerTx((tx) => tx.query(`insert into platform_settings (key, value) values ('test.owner', '1'::jsonb) on conflict (key) do nothing`));
    const owner = await db.tx({ platform: true }, (tx) => tx.query(`select 1 from platform_settings where key = 'test.owner'`));
    expect(owner.rows).toHaveLength(1);
  });
});
