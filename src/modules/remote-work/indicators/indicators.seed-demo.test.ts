import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb } from '../../../../test/helpers.js';
import { organizationId } from '../../../../test/auth-helpers.js';
import type { Db } from '../../../platform/db/index.js';
import { seedIndicatorsDemo } from './indicators.seed-demo.js';
import { insertEmployee, insertOffice } from './indicators.test-support.js';
import { indicatorBacklog } from './refresh-indicators.js';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});
afterAll(async () => db?.close());

describe('indicators demo', () => {
  it('sets Lucca’s target to 60% once, keeps a target set by hand, and builds the roll-ups', async () => {
    const lucca = await organizationId(db, '046');
    await db.ownerTx(async (tx) => insertEmployee(tx, lucca, await insertOffice(tx, lucca, 'DEMO')));
    await seedIndicatorsDemo(db);
    const heads = () => db.ownerTx((tx) => tx.query<{ headcount: number; t: number }>(`select headcount, target_percent::float8 as t from rw_ind_org_heads where organization_id = $1`, [lucca]));
    expect((await heads()).rows).toEqual([{ headcount: 1, t: 60 }]);
    expect((await indicatorBacklog(db)).slices).toBe(0);
    await db.ownerTx((tx) => tx.query(`update rw_targets set target_percent = 55 where organization_id = $1`, [lucca]));
    await seedIndicatorsDemo(db);
    expect((await heads()).rows).toEqual([{ headcount: 1, t: 55 }]);
  });
});
