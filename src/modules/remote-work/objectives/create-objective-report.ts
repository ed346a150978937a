/**
 * Use case: a responsible person reports on an objective: the date (inside the period, not in the
 * future), a value for every indicator of the right type, a comment. One report per day; only the
 * responsible people report (others who see the objective get objective.not_responsible). Audited.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, visibilityOf } from './objective-access.js';
import { reportProblems, type ReportInput } from './objective-rules.js';
import { throwProblems } from './objective-problems.js';
import { objectiveDetail, type ObjectiveDetail } from './objective-view.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export async function createObjectiveReport(
  db: Db,
  auth: AuthContext,
  id: string,
  input: ReportInput & { comment: string },
  meta: { ip?: string; now?: number } = {},
): Promise<ObjectiveDetail> {
  const today = romeDate(meta.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const o = await repo.selectObjective(tx, actor.organizationId, id, true);
    if (!o || !(await repo.isVisible(tx, actor.organizationId, visibilityOf(actor), id))) throw E.notFound();
    const responsibles = await repo.selectResponsibles(tx, actor.organizationId, [id]);
    if (!responsibles.some((r) => r.userId === auth.userId)) throw E.notResponsible();
    const indicators = await repo.selectIndicators(tx, actor.organizationId, [id]);
    throwProblems(reportProblems(o, indicators, input, today));
    if (await repo.reportExists(tx, actor.organizationId, id, input.reportedOn)) throw E.reportExists(`C’è già un resoconto del ${input.reportedOn}.`);
    const reportId = randomUUID();
    const comment = input.comment.trim();
    await repo.insertReport(tx, actor.organizationId, id, reportId, { reportedOn: input.reportedOn, comment, values: input.values }, auth.userId);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_objective_report.create',
      entityType: 'remote_work_objective_report',
      entityId: reportId,
      after: { objectiveId: id, reportedOn: input.reportedOn, comment, values: input.values },
      ip: meta.ip ?? null,
    });
    return objectiveDetail(tx, actor, id, meta.now);
  });
}
