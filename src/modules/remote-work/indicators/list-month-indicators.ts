/** Use case: a body's figures per month over a range (at most 36 months; by default the last 12). */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { bodyScope } from './indicator-access.js';
import { indicatorErrors as E } from '../remote-work.errors.js';
import { DEFAULT_SERIES_MONTHS, MAX_MONTHS, addMonths, currentMonth, monthsBetween } from './indicator-rules.js';
import { readBodyMonths, readHeads } from './show-body-indicators.js';
import { clock } from '../../../platform/clock.js';

/** The months from..to (both included); by default the 12 months up to the current one. */
export function monthRange(q: { from?: string; to?: string }, now: Date = clock.date()): { from: string; to: string } {
  const to = q.to ?? (q.from ? addMonths(q.from, DEFAULT_SERIES_MONTHS - 1) : currentMonth(now));
  const from = q.from ?? addMonths(to, -(DEFAULT_SERIES_MONTHS - 1));
  if (from > to) throw E.invalidRange(`Il primo mese (${from}) viene dopo l’ultimo (${to}).`);
  if (monthsBetween(from, to).length > MAX_MONTHS) throw E.invalidRange(`Da ${from} a ${to} ci sono più di ${MAX_MONTHS} mesi.`);
  return { from, to };
}

export async function listMonthIndicators(db: Db, auth: AuthContext, q: { from?: string; to?: string }) {
  const scope = bodyScope(auth);
  const { from, to } = monthRange(q);
  return db.tx(dbContext(auth), async (tx) => {
    const heads = await readHeads(tx, scope.organizationId);
    const { months } = await readBodyMonths(tx, scope.organizationId, from, to, heads.headcount);
    return { from, to, headcount: heads.headcount, targetPercent: heads.targetPercent, items: months };
  });
}
