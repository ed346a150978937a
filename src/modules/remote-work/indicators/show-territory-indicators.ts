/**
 * Use case: the figures of Italy, a region or a province for a month — totals, the 12 months up
 * to it, its days, and the regions of Italy or the provinces of a region side by side. Public
 * counts for everyone signed in, read from the territory roll-ups only (a few dozen rows).
 */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import * as repo from './indicators.repo.js';
import { indicatorErrors as E } from '../remote-work.errors.js';
import {
  DEFAULT_SERIES_MONTHS,
  NATIONAL_REFERENCE_PERCENT,
  ZERO,
  addMonths,
  currentMonth,
  daysOfMonth,
  figures,
  monthStart,
  monthsBetween,
  type Figures,
} from './indicator-rules.js';
import { countsOf, type DayFigures, type MonthFigures } from './show-body-indicators.js';

export type TerritoryLevel = 'nation' | 'region' | 'province';

export interface TerritoryChild extends Figures {
  level: 'region' | 'province';
  code: string;
  name: string;
  bodies: number;
  headcount: number;
}

export interface TerritoryIndicators {
  level: TerritoryLevel;
  code: string;
  name: string;
  regionCode: string | null;
  month: string;
  bodies: number;
  bodiesWithFigures: number;
  headcount: number;
  referencePercent: number;
  summary: Figures;
  months: MonthFigures[];
  days: DayFigures[];
  children: TerritoryChild[];
  refreshedAt: string | null;
}

export const NATION = { code: 'IT', name: 'Italia' };

/** The territory by level and code, or territory_not_found. */
export async function findTerritory(tx: Queryable, level: TerritoryLevel, code: string | null): Promise<repo.TerritoryRef> {
  if (level === 'nation') return { code: NATION.code, name: NATION.name, regionCode: null };
  const ref = code ? await repo.selectTerritory(tx, level, code) : null;
  if (!ref) throw E.territoryNotFound(level === 'region' ? `Nessuna regione con codice ISTAT ${code}.` : `Nessuna provincia con sigla ${code}.`);
  return ref;
}

export async function readTerritoryIndicators(tx: Queryable, level: TerritoryLevel, code: string | null, month: string): Promise<TerritoryIndicators> {
  const ref = await findTerritory(tx, level, code);
  const heads = await repo.selectTerritoryHeads(tx, level, ref.code);
  const headcount = heads?.headcount ?? 0;
  const from = addMonths(month, -(DEFAULT_SERIES_MONTHS - 1));
  const rows = await repo.selectTerritoryMonths(tx, level, ref.code, monthStart(from), monthStart(month));
  const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), r]));
  const months = monthsBetween(from, month).map((m) => {
    const r = byMonth.get(m);
    return { month: m, ...figures(r ? countsOf(r) : ZERO, headcount) };
  });
  const dayRows = await repo.selectTerritoryDays(tx, level, ref.code, monthStart(month));
  const byDay = new Map(dayRows.map((r) => [r.day, countsOf(r)]));
  const days = daysOfMonth(month).map((d) => ({ day: d, ...figures(byDay.get(d) ?? ZERO, headcount) }));
  const children: TerritoryChild[] =
    level === 'province'
      ? []
      : (await repo.selectTerritoryChildren(tx, level === 'nation' ? 'region' : 'province', level === 'nation' ? null : ref.code, monthStart(month))).map((c) => ({
          level: level === 'nation' ? ('region' as const) : ('province' as const),
          code: c.code,
          name: c.name,
          bodies: c.bodies,
          headcount: c.headcount,
          ...figures(countsOf(c), c.headcount),
        }));
  const refreshed = [heads?.refreshed_at ?? null, ...rows.map((r) => r.refreshed_at)]
    .filter((d): d is Date => d !== null)
    .map((d) => new Date(d))
    .sort((a, b) => b.getTime() - a.getTime())[0];
  const current = months[months.length - 1];
  const { month: _m, ...summary } = current;
  return {
    level,
    code: ref.code,
    name: ref.name,
    regionCode: level === 'nation' ? null : ref.regionCode,
    month,
    bodies: heads?.bodies ?? 0,
    bodiesWithFigures: byMonth.get(month)?.bodies ?? 0,
    headcount,
    referencePercent: NATIONAL_REFERENCE_PERCENT,
    summary,
    months,
    days,
    children,
    refreshedAt: refreshed ? refreshed.toISOString() : null,
  };
}

export async function showTerritoryIndicators(db: Db, auth: AuthContext, level: TerritoryLevel, code: string | null, q: { month?: string }): Promise<TerritoryIndicators> {
  const month = q.month ?? currentMonth();
  return db.tx(dbContext(auth), (tx) => readTerritoryIndicators(tx, level, code, month));
}
