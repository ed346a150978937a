/**
 * An objective as the API shows it: its fields, indicators, responsible people, reports, progress
 * (latest value against target per indicator, % achieved, expected by now, status) and what the
 * caller may do with it. Read inside the caller's transaction.
 */
import type { Queryable } from '../../../platform/db/index.js';
import { managesOfficeOf, visibilityOf, type ObjectiveActor } from './objective-access.js';
import { objectiveProgress } from './objective-rules.js';
import * as repo from './objectives.repo.js';
import { objectiveErrors as E } from '../remote-work.errors.js';
import { clock } from '../../../platform/clock.js';
import { romeDate } from '../../../platform/calendar/rome.js';

export async function objectiveDetail(tx: Queryable, actor: ObjectiveActor, id: string, now: number = clock.now()) {
  const o = await repo.selectObjective(tx, actor.organizationId, id);
  if (!o || !(await repo.isVisible(tx, actor.organizationId, visibilityOf(actor), id))) throw E.notFound();
  const today = romeDate(now);
  const indicators = await repo.selectIndicators(tx, actor.organizationId, [id]);
  const responsibles = await repo.selectResponsibles(tx, actor.organizationId, [id]);
  const reports = await repo.selectReports(tx, actor.organizationId, id);
  const latest = await repo.selectLatestValues(tx, actor.organizationId, [id]);
  return {
    ...o,
    indicators: indicators.map(({ objectiveId: _o, position: _p, ...i }) => i),
    responsibles: responsibles.map(({ userId, name }) => ({ userId, name })),
    reports,
    progress: objectiveProgress(o, indicators, latest, today),
    canEdit: managesOfficeOf(actor, o.ownerOfficeId),
    canReport: responsibles.some((r) => r.userId === actor.userId),
  };
}

export type ObjectiveDetail = Awaited<ReturnType<typeof objectiveDetail>>;

/** The audit snapshot of an objective: fields, indicators and responsible people. */
export async function objectiveSnapshot(tx: Queryable, organizationId: string, id: string) {
  const o = await repo.selectObjective(tx, organizationId, id);
  if (!o) return null;
  const indicators = await repo.selectIndicators(tx, organizationId, [id]);
  const responsibles = await repo.selectResponsibles(tx, organizationId, [id]);
  return {
    title: o.title,
    description: o.description,
    scope: o.scope,
    officeId: o.officeId,
    teamId: o.teamId,
    employeeId: o.employeeId,
    startsOn: o.startsOn,
    endsOn: o.endsOn,
    indicators: indicators.map((i) => ({ id: i.id, name: i.name, unit: i.unit, valueType: i.valueType, baseline: i.baseline, target: i.target, direction: i.direction })),
    responsibleUserIds: responsibles.map((r) => r.userId),
  };
}
