/** Reading the availability timeline: the least free capacity over a range, the state of a calendar cell. */
import type { Platform, Segment } from './types';
import { addDays, isItalianHoliday, minutesOf, romeInstant, weekdayOf } from './rome-time';

export interface RangeLoad {
  /** Highest use at any instant of the range. */
  maxUsed: number;
  /** Least free capacity at any instant of the range. */
  minFree: number;
}

/** The peak use and least free capacity over [from, to) (epoch ms); segments not covering the range count as unused. */
export function loadOver(segments: readonly Segment[], from: number, to: number, capacity: number): RangeLoad {
  let maxUsed = 0;
  for (const s of segments) {
    const a = Date.parse(s.start);
    const b = Date.parse(s.end);
    if (b > from && a < to) maxUsed = Math.max(maxUsed, s.used);
  }
  return { maxUsed, minFree: Math.max(0, capacity - maxUsed) };
}

/** The timeline without one booking's own connections (when changing it, it does not compete with itself). */
export function withoutOwn(segments: readonly Segment[], own: { start: string; end: string; connections: number } | null, capacity: number): Segment[] {
  if (!own) return [...segments];
  const a = Date.parse(own.start);
  const b = Date.parse(own.end);
  const out: Segment[] = [];
  for (const s of segments) {
    const sa = Date.parse(s.start);
    const sb = Date.parse(s.end);
    // split the segment where the own booking starts or ends inside it
    const cuts = [sa, ...[a, b].filter((x) => x > sa && x < sb), sb].sort((x, y) => x - y);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const inside = cuts[i] >= a && cuts[i + 1] <= b;
      const used = inside ? Math.max(0, s.used - own.connections) : s.used;
      out.push({ start: new Date(cuts[i]).toISOString(), end: new Date(cuts[i + 1]).toISOString(), used, free: Math.max(0, capacity - used) });
    }
  }
  return out;
}

export type CellState = 'closed' | 'holiday' | 'free' | 'partial' | 'low' | 'full';

export interface Cell {
  state: CellState;
  maxUsed: number;
  minFree: number;
}

/** Whether a Rome date's [fromMin, toMin) local minutes touch the platform's opening hours. */
export function isOpen(p: Pick<Platform, 'openingHours'>, date: string, fromMin: number, toMin: number): boolean {
  const windows = p.openingHours[String(weekdayOf(date))] ?? [];
  return windows.some(([a, b]) => minutesOf(a) < toMin && minutesOf(b) > fromMin);
}

/** The instant (ms) of a Rome date at a local minute; minute 1440 is the next midnight. A skipped hour counts as the next valid one. */
export function instantAt(date: string, minute: number): number {
  if (minute >= 1440) return instantAt(addDays(date, Math.floor(minute / 1440)), minute % 1440);
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  const iso = romeInstant(date, `${hh}:${mm}`);
  if (iso) return Date.parse(iso);
  return instantAt(date, minute + 60);
}

/** The state of a calendar cell: a Rome date between two local minutes. */
export function cellOf(p: Pick<Platform, 'capacity' | 'openOnHolidays' | 'openingHours'>, segments: readonly Segment[], date: string, fromMin: number, toMin: number): Cell {
  const load = loadOver(segments, instantAt(date, fromMin), instantAt(date, toMin), p.capacity);
  if (!p.openOnHolidays && isItalianHoliday(date)) return { state: 'holiday', ...load };
  if (!isOpen(p, date, fromMin, toMin)) return { state: 'closed', ...load };
  let state: CellState = 'partial';
  if (load.maxUsed === 0) state = 'free';
  else if (load.minFree === 0) state = 'full';
  else if (load.minFree < p.capacity * 0.2) state = 'low';
  return { state, ...load };
}

/** The hours a week view shows: from the earliest opening to the latest closing of any weekday (08–20 when none). */
export function hourSpan(p: Pick<Platform, 'openingHours'>): { first: number; last: number } {
  let first = 24;
  let last = 0;
  for (const windows of Object.values(p.openingHours)) {
    for (const [a, b] of windows) {
      first = Math.min(first, Math.floor(minutesOf(a) / 60));
      last = Math.max(last, Math.ceil(minutesOf(b) / 60));
    }
  }
  return first < last ? { first, last } : { first: 8, last: 20 };
}

/** The opening minutes of a date as [from, to), or null when closed all day. */
export function openSpan(p: Pick<Platform, 'openingHours'>, date: string): [number, number] | null {
  const windows = p.openingHours[String(weekdayOf(date))] ?? [];
  if (!windows.length) return null;
  return [Math.min(...windows.map(([a]) => minutesOf(a))), Math.max(...windows.map(([, b]) => minutesOf(b)))];
}
