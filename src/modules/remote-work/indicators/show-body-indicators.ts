/**
 * Use case: a body's dashboard for a month — headcount, target and gap, the month's figures, the
 * 12 months up to it, its offices and its days — read from the roll-ups only (a few small index
 * reads, whatever the size of the body).
 */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import * as repo from './indicators.repo.js';
import { bodyScope, type BodyScope } from './indicator-access.js';
import {
  DEFAULT_SERIES_MONTHS,
  DEFAULT_TARGET_PERCENT,
  addMonths,
  currentMonth,
  daysOfMonth,
  figures,
  gapPoints,
  monthStart,
  monthsBetween,
  ZERO,
  type Counts,
  type Figures,
} from './indicator-rules.js';

export const countsOf = (r: repo.CountsRow): Counts => ({ remote: r.remote, onsite: r.onsite, absent: r.absent, withAgreement: r.with_agreement });

export interface MonthFigures extends Figures {
  month: string;
}
export interface DayFigures extends Figures {
  day: string;
}
export interface OfficeFigures extends Figures {
  officeId: string;
  code: string;
  name: string;
  headcount: number;
}

export interface BodyIndicators {
  organizationId: string;
  organizationName: string;
  month: string;
  headcount: number;
  targetPercent: number;
  gapPoints: number | null;
  targetMet: boolean | null;
  summary: Figures;
  months: MonthFigures[];
  offices: OfficeFigures[];
  days: DayFigures[];
  refreshedAt: string | null;
}

export async function readHeads(tx: Queryable, organizationId: string): Promise<{ headcount: number; targetPercent: number; refreshedAt: Date | null }> {
  const h = await repo.selectOrgHeads(tx, organizationId);
  return { headcount: h?.headcount ?? 0, targetPercent: h ? Number(h.target_percent) : DEFAULT_TARGET_PERCENT, refreshedAt: h?.refreshed_at ?? null };
}

/** Monthly series from..to ('YYYY-MM'), zeros where nothing was recorded. */
export async function readBodyMonths(tx: Queryable, organizationId: string, from: string, to: string, headcount: number) {
  const rows = await repo.selectOrgMonths(tx, organizationId, monthStart(from), monthStart(to));
  const byMonth = new Map(rows.map((r) => [r.month.slice(0, 7), countsOf(r)]));
  const refreshed = rows.reduce<Date | null>((a, r) => (a && a > r.refreshed_at ? a : r.refreshed_at), null);
  const months: MonthFigures[] = monthsBetween(from, to).map((m) => ({ month: m, ...figures(byMonth.get(m) ?? ZERO, headcount) }));
  return { months, refreshed };
}

/** Every calendar day of the month (weekends and holidays included, with zeros). */
export async function readBodyDays(tx: Queryable, organizationId: string, month: string, headcount: number): Promise<DayFigures[]> {
  const rows = await repo.selectOrgDays(tx, organizationId, monthStart(month));
  const byDay = new Map(rows.map((r) => [r.day, countsOf(r)]));
  return daysOfMonth(month).map((d) => ({ day: d, ...figures(byDay.get(d) ?? ZERO, headcount) }));
}

export async function readBodyOffices(tx: Queryable, scope: BodyScope, month: string): Promise<OfficeFigures[]> {
  const rows = await repo.selectOfficeMonths(tx, scope.organizationId, monthStart(month), scope.managedBy);
  return rows.map((r) => ({ officeId: r.office_id, code: r.code, name: r.name, headcount: r.headcount, ...figures(countsOf(r), r.headcount) }));
}

export async function readBodyIndicators(tx: Queryable, scope: BodyScope, month: string): Promise<BodyIndicators> {
  const name = (await repo.selectOrganizationName(tx, scope.organizationId)) ?? '';
  const heads = await readHeads(tx, scope.organizationId);
  const { months, refreshed } = await readBodyMonths(tx, scope.organizationId, addMonths(month, -(DEFAULT_SERIES_MONTHS - 1)), month, heads.headcount);
  const offices = await readBodyOffices(tx, scope, month);
  const days = await readBodyDays(tx, scope.organizationId, month, heads.headcount);
  const summary = months[months.length - 1];
  const gap = gapPoints(heads.targetPercent, summary.agreementSharePercent);
  const latest = [refreshed, heads.refreshedAt].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  return {
    organizationId: scope.organizationId,
    organizationName: name,
    month,
    headcount: heads.headcount,
    targetPercent: heads.targetPercent,
    gapPoints: gap,
    targetMet: gap === null ? null : gap <= 0,
    summary: {
      remoteDays: summary.remoteDays,
      onsiteDays: summary.onsiteDays,
      absentDays: summary.absentDays,
      withAgreement: summary.withAgreement,
      agreementSharePercent: summary.agreementSharePercent,
      remoteSharePercent: summary.remoteSharePercent,
    },
    months,
    offices,
    days,
    refreshedAt: latest ? new Date(latest).toISOString() : null,
  };
}

export async function showBodyIndicators(db: Db, auth: AuthContext, q: { month?: string }): Promise<BodyIndicators> {
  const scope = bodyScope(auth);
  const month = q.month ?? currentMonth();
  return db.tx(dbContext(auth), (tx) => readBodyIndicators(tx, scope, month));
}
