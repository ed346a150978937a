/** Use case: one office with its coverage rules per weekday, its activities and its people per skill (anyone in the body). */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { officeErrors as E } from '../remote-work.errors.js';
import { coverageByWeekday } from './employee-rules.js';
import { bodyOf } from './office-access.js';
import * as repo from './offices.repo.js';

export async function officeDetailOf(tx: Queryable, organizationId: string, id: string) {
  const office = await repo.selectOffice(tx, organizationId, id);
  if (!office) throw E.officeNotFound();
  return {
    ...office,
    coverage: coverageByWeekday(await repo.selectCoverageRules(tx, organizationId, [id])),
    activities: await repo.selectActivities(tx, organizationId, id),
    skillCounts: await repo.selectSkillCounts(tx, organizationId, id),
  };
}

export type OfficeDetail = Awaited<ReturnType<typeof officeDetailOf>>;

export async function showOffice(db: Db, auth: AuthContext, id: string): Promise<OfficeDetail> {
  const organizationId = bodyOf(auth);
  return db.tx(dbContext(auth), (tx) => officeDetailOf(tx, organizationId, id));
}
