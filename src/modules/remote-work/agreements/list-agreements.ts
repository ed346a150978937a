/**
 * Use case: the agreements the caller may see — HR all of the body, an office manager those of
 * his offices' people, an employee his own — filtered by status, office, employee, expiring within
 * N days (registered ones whose last day is between today and today + N), a page at a time.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { addDays, type AgreementStatus } from './agreement-rules.js';
import { scopeOf } from './agreement-access.js';
import { viewOf } from './agreement-view.js';
import * as repo from './agreements.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export interface ListAgreementsQuery {
  status?: AgreementStatus[];
  officeId?: string;
  employeeId?: string;
  mine?: boolean;
  expiringWithinDays?: number;
  page: number;
  pageSize: number;
}

export async function listAgreements(db: Db, auth: AuthContext, q: ListAgreementsQuery, opts: { now?: number } = {}) {
  const today = romeDate(opts.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    const r = await repo.selectAgreements(
      tx,
      scopeOf(auth),
      {
        statuses: q.status?.length ? q.status : null,
        officeId: q.officeId ?? null,
        employeeId: q.employeeId ?? null,
        mine: !!q.mine,
        lastDayFrom: q.expiringWithinDays !== undefined ? today : null,
        lastDayTo: q.expiringWithinDays !== undefined ? addDays(today, q.expiringWithinDays) : null,
      },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    return { items: r.items.map((a) => viewOf(auth, a)), total: r.total, page: q.page, pageSize: q.pageSize };
  });
}
