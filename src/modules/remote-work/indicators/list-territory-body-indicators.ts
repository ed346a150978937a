/**
 * Use case: the bodies of a region (or of one of its provinces) side by side for a month, with
 * their target and gap, best share first: for the officers of that region (and platform
 * administrators). The database shows other callers no row of them anyway (RLS).
 */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import * as repo from './indicators.repo.js';
import { mayCompareBodies } from './indicator-access.js';
import { currentMonth, figures, gapPoints, monthStart, type Figures } from './indicator-rules.js';
import { countsOf } from './show-body-indicators.js';
import { findTerritory } from './show-territory-indicators.js';

export interface TerritoryBody extends Figures {
  organizationId: string;
  name: string;
  kind: string;
  provinceCode: string | null;
  headcount: number;
  targetPercent: number;
  gapPoints: number | null;
  targetMet: boolean | null;
}

export interface TerritoryBodies {
  items: TerritoryBody[];
  page: number;
  pageSize: number;
  total: number;
  month: string;
  regionCode: string;
  provinceCode: string | null;
}

export async function readTerritoryBodies(
  tx: Queryable,
  auth: AuthContext,
  level: 'region' | 'province',
  code: string,
  q: { month: string; limit: number | null; offset: number },
): Promise<{ rows: TerritoryBody[]; total: number; regionCode: string; provinceCode: string | null }> {
  const ref = await findTerritory(tx, level, code);
  const regionCode = level === 'region' ? ref.code : (ref.regionCode ?? '');
  mayCompareBodies(auth, await repo.selectOfficerRegion(tx), regionCode);
  const provinceCode = level === 'province' ? ref.code : null;
  const r = await repo.selectTerritoryBodies(tx, { regionCode, provinceCode, month: monthStart(q.month), limit: q.limit, offset: q.offset });
  const rows = r.rows.map((b) => {
    const target = Number(b.target_percent);
    const f = figures(countsOf(b), b.headcount);
    const gap = gapPoints(target, f.agreementSharePercent);
    return {
      organizationId: b.organization_id,
      name: b.name,
      kind: b.kind,
      provinceCode: b.province_code,
      headcount: b.headcount,
      targetPercent: target,
      gapPoints: gap,
      targetMet: gap === null ? null : gap <= 0,
      ...f,
    };
  });
  return { rows, total: r.total, regionCode, provinceCode };
}

export async function listTerritoryBodyIndicators(
  db: Db,
  auth: AuthContext,
  level: 'region' | 'province',
  code: string,
  q: { month?: string; page: number; pageSize: number },
): Promise<TerritoryBodies> {
  const month = q.month ?? currentMonth();
  return db.tx(dbContext(auth), async (tx) => {
    const r = await readTerritoryBodies(tx, auth, level, code, { month, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
    return { items: r.rows, page: q.page, pageSize: q.pageSize, total: r.total, month, regionCode: r.regionCode, provinceCode: r.provinceCode };
  });
}
