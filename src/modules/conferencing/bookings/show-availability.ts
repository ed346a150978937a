/**
 * Use case: the free capacity of a platform over [from, to) as consecutive segments
 * {start, end, used, free}; at most 62 days. Loads are anonymous: who booked is not shown.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { usageTimeline } from './capacity.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import * as repo from './bookings.repo.js';

export const MAX_AVAILABILITY_DAYS = 62;

const DAY_MS = 86_400_000;
/** Years 0000 to 9999: the range where toISOString writes four-digit years. */
const MIN_FAST = -62_167_219_200_000;
const MAX_FAST = 253_402_300_800_000;
const PAD2 = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/**
 * `new Date(ms).toISOString()` for instants of years 0–9999, cheaper on long timelines: the date
 * part is formatted once per day (`days` caches it) and the time by arithmetic.
 */
export function isoInstant(ms: number, days: Map<number, string>): string {
  if (!Number.isInteger(ms) || ms < MIN_FAST || ms >= MAX_FAST) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let date = days.get(day);
  if (date === undefined) {
    date = new Date(day * DAY_MS).toISOString().slice(0, 11);
    days.set(day, date);
  }
  const t = ms - day * DAY_MS;
  const milli = t % 1000;
  return `${date}${PAD2[Math.floor(t / 3600_000)]}:${PAD2[Math.floor(t / 60_000) % 60]}:${PAD2[Math.floor(t / 1000) % 60]}.${milli < 10 ? '00' : milli < 100 ? '0' : ''}${milli}Z`;
}

export async function showAvailability(db: Db, auth: AuthContext, platformId: string, from: number, to: number) {
  if (!(to > from)) throw E.invalidRange('La fine dell’intervallo deve essere successiva all’inizio.');
  if (to - from > MAX_AVAILABILITY_DAYS * 24 * 3600_000) throw E.rangeTooWide(`Chiedi al massimo ${MAX_AVAILABILITY_DAYS} giorni per volta.`);
  return db.tx(dbContext(auth), async (tx) => {
    const p = await repo.selectCapacityAndLoads(tx, platformId, from, to);
    if (!p) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
    const days = new Map<number, string>();
    return usageTimeline(p.loads, from, to).map((s) => ({
      start: isoInstant(s.start, days),
      end: isoInstant(s.end, days),
      used: s.used,
      free: Math.max(0, p.capacity - s.used),
    }));
  });
}
