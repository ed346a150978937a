/**
 * Use case: the employee's own calendar ("Il mio calendario"): every day of the range with what
 * it is (remote, on site, absent, not planned yet, or why it is not a working day) and whether
 * it is fixed; his latest swap requests; whether swaps need approval; the state of his feed.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { getPatronDay } from '../../organizations/index.js';
import { bodyOf } from './plan-access.js';
import { dayNumber, isIsoDate } from '../../../platform/calendar/rome.js';
import { nonWorkingReason } from '../planner/index.js';
import { eachDay } from './plan-dates.js';
import { employeeName } from './plan-input.js';
import { planErrors as E } from '../remote-work.errors.js';
import * as repo from './plans.repo.js';

export const MAX_CALENDAR_DAYS = 93;

export interface MyCalendar {
  employee: { id: string; name: string; officeId: string; officeName: string };
  from: string;
  to: string;
  days: { day: string; kind: repo.DayKind | 'unplanned' | 'non_working'; pinned: boolean; pinSource: repo.PinSource | null; reason: string | null }[];
  swapRequiresApproval: boolean;
  feed: { active: boolean; createdAt: string | null; lastUsedAt: string | null };
  swaps: repo.SwapRow[];
}

export async function showMyCalendar(db: Db, auth: AuthContext, q: { from: string; to: string }): Promise<MyCalendar> {
  const organizationId = bodyOf(auth);
  if (!isIsoDate(q.from) || !isIsoDate(q.to) || q.to < q.from || dayNumber(q.to) - dayNumber(q.from) >= MAX_CALENDAR_DAYS) {
    throw E.invalidRange(`Il periodo va da una data all’altra (AAAA-MM-GG), al massimo ${MAX_CALENDAR_DAYS} giorni.`);
  }
  return db.tx(dbContext(auth), async (tx) => {
    const me = await repo.selectEmployeeByUser(tx, organizationId, auth.userId);
    if (!me) throw E.notAnEmployee();
    const [office] = await repo.selectOffices(tx, organizationId, [me.officeId]);
    const planned = new Map((await repo.selectPlanDays(tx, organizationId, [me.id], q.from, q.to)).map((p) => [p.day, p]));
    const absent = new Set((await repo.selectAbsences(tx, organizationId, [me.id], q.from, q.to)).map((a) => a.day));
    const closures = await repo.selectClosures(tx, organizationId, q.from, q.to);
    const closureReason = new Map(closures.map((c) => [c.day, c.reason]));
    const calendar = { patronDay: await getPatronDay(tx, organizationId), closures: closures.map((c) => c.day) };
    const days = eachDay(q.from, q.to).map((day) => {
      const p = planned.get(day);
      const why = nonWorkingReason(day, calendar);
      if (why && !(p && p.kind === 'remote')) {
        const extra = closureReason.get(day);
        return { day, kind: 'non_working' as const, pinned: false, pinSource: null, reason: extra ? `${why}: ${extra}` : why };
      }
      const kind = absent.has(day) ? ('absent' as const) : p ? p.kind : ('unplanned' as const);
      return { day, kind, pinned: p?.pinned ?? false, pinSource: p?.pinSource ?? null, reason: null };
    });
    const settings = await repo.selectPlanSettings(tx, organizationId);
    const feed = await repo.selectFeed(tx, organizationId, me.id);
    const swaps = await repo.selectSwaps(tx, organizationId, { employeeId: me.id }, 10, 0);
    return {
      employee: { id: me.id, name: employeeName(me), officeId: me.officeId, officeName: office?.name ?? '' },
      from: q.from,
      to: q.to,
      days,
      swapRequiresApproval: settings.swapRequiresApproval,
      feed: { active: !!feed, createdAt: feed?.createdAt ?? null, lastUsedAt: feed?.lastUsedAt ?? null },
      swaps: swaps.items,
    };
  });
}
