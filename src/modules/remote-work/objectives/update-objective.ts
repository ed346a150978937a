/**
 * Use case: who manages an objective changes its title, description, period, indicators (the
 * whole list: with `id` the indicator is kept and changed, without it is added, missing ones are
 * removed) and responsible people. Its owner (office, team, person) does not change. Reports
 * already filed stay true: the period may not leave one out, an indicator with reported values is
 * neither removed nor changed to another value type. Audited with before and after.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { auditBy } from '../../../platform/audit.js';
import { actorOf, managesOfficeOf, visibilityOf } from './objective-access.js';
import { objectiveProblems, type IndicatorInput } from './objective-rules.js';
import { throwProblems } from './objective-problems.js';
import { objectiveDetail, objectiveSnapshot, type ObjectiveDetail } from './objective-view.js';
import { checkResponsibles } from './create-objective.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';

export interface UpdateObjectiveInput {
  title?: string;
  description?: string;
  startsOn?: string;
  endsOn?: string;
  indicators?: IndicatorInput[];
  responsibleUserIds?: string[];
}

export async function updateObjective(db: Db, auth: AuthContext, id: string, input: UpdateObjectiveInput, meta: { ip?: string } = {}): Promise<ObjectiveDetail> {
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const o = await repo.selectObjective(tx, actor.organizationId, id, true);
    if (!o || !(await repo.isVisible(tx, actor.organizationId, visibilityOf(actor), id))) throw E.notFound();
    if (!managesOfficeOf(actor, o.ownerOfficeId)) throw E.forbidden('Solo chi gestisce l’ufficio dell’obiettivo (o l’ufficio del personale) lo modifica.');
    const before = await objectiveSnapshot(tx, actor.organizationId, id);
    const current = await repo.selectIndicators(tx, actor.organizationId, [id]);
    const responsibles = await repo.selectResponsibles(tx, actor.organizationId, [id]);
    const next = {
      title: (input.title ?? o.title).trim(),
      description: (input.description ?? o.description).trim(),
      startsOn: input.startsOn ?? o.startsOn,
      endsOn: input.endsOn ?? o.endsOn,
      indicators: (input.indicators ?? current).map((i) => ({ ...i, name: i.name.trim(), unit: i.unit.trim() })),
      responsibleUserIds: input.responsibleUserIds ?? responsibles.map((r) => r.userId),
    };
    throwProblems(objectiveProblems(next));
    if (input.responsibleUserIds) await checkResponsibles(tx, actor, next.responsibleUserIds);
    if ((await repo.countReportsOutside(tx, actor.organizationId, id, next.startsOn, next.endsOn)) > 0) {
      throw E.reportsOutsidePeriod('Alcuni resoconti hanno una data fuori dal nuovo periodo: allarga il periodo o lascialo com’è.');
    }
    if (input.indicators) {
      const byId = new Map(current.map((i) => [i.id, i]));
      input.indicators.forEach((i, k) => {
        if (i.id !== undefined && !byId.has(i.id)) throw E.invalid(undefined, undefined, [{ field: `indicators.${k}.id`, message: 'indicatore non di questo obiettivo' }]);
      });
      const kept = new Set(input.indicators.map((i) => i.id).filter((x): x is string => !!x));
      const withValues = new Set(await repo.selectIndicatorsWithValues(tx, actor.organizationId, current.map((i) => i.id)));
      const removed = current.filter((i) => !kept.has(i.id));
      const blocked = removed.filter((i) => withValues.has(i.id));
      if (blocked.length) throw E.indicatorHasValues(`Non si può togliere: ${blocked.map((i) => `«${i.name}»`).join(', ')}.`);
      for (const [k, i] of next.indicators.entries()) {
        const old = i.id ? byId.get(i.id) : undefined;
        if (old && withValues.has(old.id) && old.valueType !== i.valueType) {
          throw E.indicatorHasValues(`«${old.name}» ha già valori: il tipo di valore resta «${old.valueType}».`, undefined, [{ field: `indicators.${k}.valueType`, message: 'non modificabile' }]);
        }
      }
      await repo.deleteIndicators(tx, actor.organizationId, removed.map((i) => i.id));
      await repo.shiftIndicatorPositions(tx, actor.organizationId, id);
      for (const [k, i] of next.indicators.entries()) {
        if (i.id) await repo.updateIndicator(tx, actor.organizationId, i.id, k, i);
        else await repo.insertIndicator(tx, actor.organizationId, id, randomUUID(), k, i);
      }
    }
    // an indicator with values keeps its value type, so the values reported stay valid
    await repo.updateObjective(tx, actor.organizationId, id, next);
    if (input.responsibleUserIds) await repo.replaceResponsibles(tx, actor.organizationId, id, next.responsibleUserIds);
    await auditBy(tx, auth, {
      organizationId: actor.organizationId,
      action: 'remote_work_objective.update',
      entityType: 'remote_work_objective',
      entityId: id,
      before,
      after: await objectiveSnapshot(tx, actor.organizationId, id),
      ip: meta.ip ?? null,
    });
    return objectiveDetail(tx, actor, id);
  });
}
