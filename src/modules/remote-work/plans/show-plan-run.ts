/**
 * Use cases: one plan run with its full report (progress while it runs in the background), and
 * the list of runs. HR and the body's administrators see every run of the body; an office
 * manager sees the runs he asked for.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { offsetOf } from '../../../platform/http/pagination.js';
import { bodyOf, plansWholeBody } from './plan-access.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

function visibility(auth: AuthContext): string | null {
  if (plansWholeBody(auth)) return null;
  if (auth.roles.includes('office_manager')) return auth.userId;
  throw E.forbidden('Le pianificazioni le vedono l’ufficio del personale, gli amministratori dell’ente e i responsabili d’ufficio.');
}

export async function showPlanRun(db: Db, auth: AuthContext, id: string): Promise<repo.PlanRunRow> {
  const organizationId = bodyOf(auth);
  const onlyOf = visibility(auth);
  const run = await db.tx(dbContext(auth), (tx) => repo.selectPlanRun(tx, organizationId, id));
  if (!run || (onlyOf && run.requestedBy !== onlyOf)) throw E.runNotFound();
  return run;
}

export async function listPlanRuns(db: Db, auth: AuthContext, q: { page: number; pageSize: number }) {
  const organizationId = bodyOf(auth);
  const onlyOf = visibility(auth);
  const r = await db.tx(dbContext(auth), (tx) => repo.selectPlanRuns(tx, organizationId, onlyOf, q.pageSize, offsetOf(q)));
  return { items: r.items, page: q.page, pageSize: q.pageSize, total: r.total };
}
