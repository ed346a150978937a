/**
 * The indicators' part of the demo: the Provincia di Lucca aims at 60% of its staff in remote work
 * (its Agenda digitale 2021-2023), and the roll-ups are built at once, so the dashboard shows the
 * demo's figures on the first visit (afterwards the job keeps them up to date every minute).
 * Runs after the offices, agreements and plans of the demo; a target set by hand is kept.
 */
import type { Db } from '../../../platform/db/index.js';
import { findOrganizationByCode } from '../../organizations/index.js';
import * as repo from './indicators.repo.js';
import { refreshIndicators } from './refresh-indicators.js';

export const DEMO_TARGET_PERCENT = 60;

export async function seedIndicatorsDemo(db: Db): Promise<void> {
  const lucca = await findOrganizationByCode(db, '046');
  if (lucca) {
    await db.ownerTx(async (tx) => {
      if (!(await repo.selectTarget(tx, lucca.id))) await repo.upsertTarget(tx, lucca.id, DEMO_TARGET_PERCENT);
    });
  }
  for (;;) if ((await refreshIndicators(db)).remaining === 0) break;
}
