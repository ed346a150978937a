/**
 * Use case: the free capacity of a platform over [from, to) as consecutive segments
 * {start, end, used, free}; at most 62 days. Loads are anonymous: who booked is not shown.
 */
import type { Db } from '../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../platform/auth/context.js';
import { usageTimeline } from './capacity.js';
import { conferencingErrors as E } from './conferencing.errors.js';
import * as repo from './conferencing.repo.js';

export const MAX_AVAILABILITY_DAYS = 62;

export async function showAvailability(db: Db, auth: AuthContext, platformId: string, from: number, to: number) {
  if (!(to > from)) throw E.invalidRange('La fine dell’intervallo deve essere successiva all’inizio.');
  if (to - from > MAX_AVAILABILITY_DAYS * 24 * 3600_000) throw E.rangeTooWide(`Chiedi al massimo ${MAX_AVAILABILITY_DAYS} giorni per volta.`);
  return db.tx(dbContext(auth), async (tx) => {
    const p = await repo.selectPlatform(tx, platformId);
    if (!p) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
    const loads = await repo.selectLoads(tx, platformId, from, to);
    return usageTimeline(loads, from, to).map((s) => ({
      start: new Date(s.start).toISOString(),
      end: new Date(s.end).toISOString(),
      used: s.used,
      free: Math.max(0, p.capacity - s.used),
    }));
  });
}
