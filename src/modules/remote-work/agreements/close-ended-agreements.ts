/**
 * Use case of the daily job: in every body, agreements whose last day has passed are closed —
 * registered fixed-term ones (and requests never registered) become `expired`, registered ones
 * whose withdrawal notice ran out become `withdrawn`. Each change is audited (actor "system") and
 * mailed. Runs in platform scope, in batches; safe to run twice (a closed agreement is not due).
 */
import type { Db } from '../../../platform/db/index.js';
import { closingAction } from './agreement-rules.js';
import { auditChange } from './agreement-load.js';
import { queueAgreementNotices } from './agreement-notices.js';
import * as repo from './agreements.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export const AGREEMENTS_CLOSING_JOB = 'remote-work.agreements-closing';
const BATCH = 200;

export async function closeEndedAgreements(db: Db, opts: { now?: number; publicUrl: string }): Promise<{ expired: number; withdrawn: number }> {
  const today = romeDate(opts.now ?? clock.now());
  const counts = { expired: 0, withdrawn: 0 };
  for (;;) {
    const { seen, changed } = await db.tx({ platform: true }, async (tx) => {
      const due = await repo.selectDueForClosing(tx, today, BATCH);
      let n = 0;
      for (const before of due) {
        const action = closingAction(before, today);
        if (!action) continue;
        const status = action === 'expire' ? 'expired' : 'withdrawn';
        await repo.updateStatus(tx, before.id, status);
        const after = (await repo.selectAgreement(tx, null, before.id))!;
        await auditChange(tx, null, action === 'expire' ? 'agreement.expire' : 'agreement.close_withdrawal', before, after);
        await queueAgreementNotices(tx, after, action === 'expire' ? 'expired' : 'closed', { publicUrl: opts.publicUrl });
        if (status === 'expired') counts.expired++;
        else counts.withdrawn++;
        n++;
      }
      return { seen: due.length, changed: n };
    });
    if (seen < BATCH || changed === 0) break;
  }
  return counts;
}
