/**
 * Schedule specs, kept deliberately small (pure functions, no I/O):
 * - `every N minutes` (1 ≤ N ≤ 1440): slots at the multiples of N minutes since the Unix epoch
 *   (UTC), e.g. `every 15 minutes` runs at :00, :15, :30, :45.
 * - `daily HH:MM`: once a day at that local time in Europe/Rome (daylight saving respected).
 *   A time that does not exist on the spring-forward day (02:00–02:59) runs one hour later in
 *   wall-clock terms; one that occurs twice on the fall-back day runs once. Prefer times outside
 *   02:00–03:00.
 */
import { addDays, romeDate, romeInstant, romeStartOfDay } from '../calendar/rome.js';

export const SCHEDULE_TIME_ZONE = 'Europe/Rome';

export type ScheduleSpec = { kind: 'every'; minutes: number } | { kind: 'daily'; hour: number; minute: number };

export function parseScheduleSpec(spec: string): ScheduleSpec {
  const s = spec.trim().toLowerCase();
  const every = /^every (\d{1,4}) minutes?$/.exec(s);
  if (every) {
    const minutes = Number(every[1]);
    if (minutes < 1 || minutes > 1440) throw new Error(`Intervallo non valido (1–1440 minuti): ${spec}`);
    return { kind: 'every', minutes };
  }
  const daily = /^daily ([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (daily) return { kind: 'daily', hour: Number(daily[1]), minute: Number(daily[2]) };
  throw new Error(`Pianificazione non valida: "${spec}" (usa "every N minutes" o "daily HH:MM")`);
}

/**
 * The instant of a daily slot on a Rome date. A time skipped in spring has no instant: the slot
 * runs one hour later in wall-clock terms (the same UTC instant as with the winter offset).
 */
function dailySlot(date: string, hour: number, minute: number): number {
  const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
  return romeInstant(date, time) ?? romeStartOfDay(date) + (hour * 60 + minute) * 60_000;
}

/** The first slot strictly after `after`. */
export function nextSlot(spec: ScheduleSpec | string, after: Date): Date {
  const s = typeof spec === 'string' ? parseScheduleSpec(spec) : spec;
  if (s.kind === 'every') {
    const step = s.minutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const today = romeDate(after.getTime());
  for (let d = 0; d < 3; d++) {
    const candidate = dailySlot(addDays(today, d), s.hour, s.minute);
    if (candidate > after.getTime()) return new Date(candidate);
  }
  throw new Error('unreachable: no daily slot within three days');
}
