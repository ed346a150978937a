/**
 * Use case: the objectives the caller may see (HR all; an office manager his offices'; everyone
 * his own, his teams' and those he is responsible for), filtered by scope, office, team, person,
 * period and title, a page at a time, each with its progress (% achieved against % of the period
 * elapsed, status) so managers see at a glance who is late.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { actorOf, managesOfficeOf, visibilityOf } from './objective-access.js';
import { objectiveProgress, type Scope } from './objective-rules.js';
import * as repo from './objectives.repo.js';
import { romeDate } from '../../../platform/calendar/rome.js';
import { clock } from '../../../platform/clock.js';

export interface ListObjectivesQuery {
  scope?: Scope;
  officeId?: string;
  teamId?: string;
  employeeId?: string;
  period?: 'current' | 'future' | 'past' | 'all';
  q?: string;
  page: number;
  pageSize: number;
}

export async function listObjectives(db: Db, auth: AuthContext, q: ListObjectivesQuery, opts: { now?: number } = {}) {
  const today = romeDate(opts.now ?? clock.now());
  return db.tx(dbContext(auth), async (tx) => {
    const actor = await actorOf(tx, auth);
    const r = await repo.selectObjectives(
      tx,
      actor.organizationId,
      visibilityOf(actor),
      {
        scope: q.scope ?? null,
        officeId: q.officeId ?? null,
        teamId: q.teamId ?? null,
        employeeId: q.employeeId ?? null,
        period: !q.period || q.period === 'all' ? null : q.period,
        today,
        q: q.q?.trim() || null,
      },
      q.pageSize,
      (q.page - 1) * q.pageSize,
    );
    const ids = r.items.map((o) => o.id);
    const indicators = await repo.selectIndicators(tx, actor.organizationId, ids);
    const latest = await repo.selectLatestValues(tx, actor.organizationId, ids);
    const last = await repo.selectLastReportDays(tx, actor.organizationId, ids);
    const responsibles = await repo.selectResponsibles(tx, actor.organizationId, ids);
    const items = r.items.map((o) => {
      const mine = indicators.filter((i) => i.objectiveId === o.id);
      const p = objectiveProgress(o, mine, latest, today);
      const resp = responsibles.filter((x) => x.objectiveId === o.id);
      return {
        ...o,
        indicatorCount: mine.length,
        responsibles: resp.map(({ userId, name }) => ({ userId, name })),
        lastReportOn: last.get(o.id) ?? null,
        progress: { achievedPercent: p.achievedPercent, expectedPercent: p.expectedPercent, status: p.status },
        canEdit: managesOfficeOf(actor, o.ownerOfficeId),
        canReport: resp.some((x) => x.userId === actor.userId),
      };
    });
    return { items, total: r.total, page: q.page, pageSize: q.pageSize, canCreate: actor.all || actor.managedOfficeIds.length > 0 };
  });
}
