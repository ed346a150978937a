/**
 * Schedule specs, kept deliberately small (pure functions, no I/O):
 * - `every N minutes` (1 ≤ N ≤ 1440): slots at the multiples of N minutes since the Unix epoch
 *   (UTC), e.g. `every 15 minutes` runs at :00, :15, :30, :45.
 * - `daily HH:MM`: once a day at that local time in Europe/Rome (daylight saving respected).
 *   A time that does not exist on the spring-forward day (02:00–02:59) runs one hour later in
 *   wall-clock terms; one that occurs twice on the fall-back day runs once. Prefer times outside
 *   02:00–03:00.
 */
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

const romeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: SCHEDULE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Offset of Europe/Rome from UTC at an instant, in milliseconds (+1 h or +2 h). */
export function romeOffsetMs(at: Date): number {
  const p = Object.fromEntries(romeParts.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return asUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** The instant at which Rome's wall clock shows that date and time. */
export function romeLocalToInstant(year: number, month: number, day: number, hour: number, minute: number): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  let t = wall - romeOffsetMs(new Date(wall));
  // Correct once more near a change of offset.
  t = wall - romeOffsetMs(new Date(t));
  return new Date(t);
}

/** The first slot strictly after `after`. */
export function nextSlot(spec: ScheduleSpec | string, after: Date): Date {
  const s = typeof spec === 'string' ? parseScheduleSpec(spec) : spec;
  if (s.kind === 'every') {
    const step = s.minutes * 60_000;
    return new Date((Math.floor(after.getTime() / step) + 1) * step);
  }
  const p = Object.fromEntries(romeParts.formatToParts(after).map((x) => [x.type, x.value]));
  for (let d = 0; d < 3; d++) {
    const day = new Date(Date.UTC(+p.year, +p.month - 1, +p.day + d));
    const candidate = romeLocalToInstant(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate(), s.hour, s.minute);
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  throw new Error('unreachable: no daily slot within three days');
}
