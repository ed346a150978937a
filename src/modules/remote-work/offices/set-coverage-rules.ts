/**
 * Use case: the on-site coverage of an office, the whole week at once (HR, or the office's
 * manager). A minimum larger than the office's active people, or a skill minimum larger than its
 * active people with that skill, is refused with the weekday and the numbers.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { officeErrors as E, remoteWorkErrors } from '../remote-work.errors.js';
import { coverageByWeekday, coverageRows, coverageShortfalls, describeShortfall } from './employee-rules.js';
import { bodyOf, managesOffice } from './office-access.js';
import { officeDetailOf, type OfficeDetail } from './show-office.js';
import * as repo from './offices.repo.js';

export interface CoverageInput {
  rules: { weekday: number; minOnSite: number; skills?: { skill: string; minOnSite: number }[] }[];
}

export async function setCoverageRules(db: Db, auth: AuthContext, officeId: string, input: CoverageInput, meta: { ip?: string } = {}): Promise<OfficeDetail> {
  const organizationId = bodyOf(auth);
  const { rows, problems } = coverageRows(officeId, input.rules);
  if (problems.length) throw E.invalidCoverage(problems.join('; ') + '.');
  return db.tx(dbContext(auth), async (tx) => {
    if (!(await repo.lockOffice(tx, organizationId, officeId))) throw E.officeNotFound();
    if (!(await managesOffice(tx, auth, organizationId, officeId))) {
      throw remoteWorkErrors.forbidden('Il presidio di un ufficio lo fissano l’ufficio del personale e il responsabile dell’ufficio.');
    }
    const office = (await repo.selectOffice(tx, organizationId, officeId))!;
    const short = coverageShortfalls(rows, await repo.selectActiveStaff(tx, organizationId, [officeId]));
    if (short.length) {
      throw E.coverageExceedsStaff(`${short.map((s) => describeShortfall(s, `${office.name} (${office.code})`)).join('; ')}.`, { shortfalls: short });
    }
    const before = coverageByWeekday(await repo.selectCoverageRules(tx, organizationId, [officeId]));
    await repo.replaceCoverageRules(tx, organizationId, officeId, rows);
    const detail = await officeDetailOf(tx, organizationId, officeId);
    await auditBy(tx, auth, {
      organizationId,
      action: 'office.coverage_set',
      entityType: 'rw_office',
      entityId: officeId,
      before: { coverage: before },
      after: { coverage: detail.coverage },
      ip: meta.ip ?? null,
    });
    return detail;
  });
}
