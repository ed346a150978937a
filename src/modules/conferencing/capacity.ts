/**
 * The capacity rule of a shared videoconference platform, as pure functions.
 * A booking holds `connections` simultaneous connections over the half-open range [start, end).
 * Times are epoch milliseconds (instants); calendar rules live in booking-rules.ts.
 */

export interface Load {
  start: number;
  end: number;
  connections: number;
}

export interface Segment {
  start: number;
  end: number;
  used: number;
}

export interface Overflow extends Segment {
  /** Connections the new booking asks for. */
  requested: number;
  capacity: number;
  /** used + requested - capacity (> 0). */
  excess: number;
}

/**
 * Usage over [from, to) as consecutive segments of constant use that cover the whole range
 * (adjacent segments with the same use are merged). Loads outside the range are ignored.
 */
export function usageTimeline(loads: readonly Load[], from: number, to: number): Segment[] {
  if (!(to > from)) return [];
  const times: number[] = [];
  const deltas: number[] = [];
  for (const l of loads) {
    const s = Math.max(l.start, from);
    const e = Math.min(l.end, to);
    if (e <= s || l.connections === 0) continue;
    times.push(s, e);
    deltas.push(l.connections, -l.connections);
  }
  const order = times.map((_, i) => i).sort((a, b) => times[a] - times[b]);
  const out: Segment[] = [];
  let used = 0;
  let cursor = from;
  let i = 0;
  while (i < order.length) {
    const t = times[order[i]];
    if (t > cursor) {
      push(out, cursor, t, used);
      cursor = t;
    }
    while (i < order.length && times[order[i]] === t) used += deltas[order[i++]];
  }
  if (cursor < to) push(out, cursor, to, used);
  return out;
}

function push(out: Segment[], start: number, end: number, used: number): void {
  const last = out[out.length - 1];
  if (last && last.used === used && last.end === start) last.end = end;
  else out.push({ start, end, used });
}

/** The highest use at any instant of [from, to). */
export function peakUse(loads: readonly Load[], from: number, to: number): number {
  let peak = 0;
  for (const s of usageTimeline(loads, from, to)) peak = Math.max(peak, s.used);
  return peak;
}

/**
 * Where adding `candidate` would exceed `capacity`: the segments of [candidate.start, candidate.end)
 * whose use plus the candidate's connections is over the capacity. Empty: the booking fits.
 */
export function overflows(loads: readonly Load[], candidate: Load, capacity: number): Overflow[] {
  return usageTimeline(loads, candidate.start, candidate.end)
    .filter((s) => s.used + candidate.connections > capacity)
    .map((s) => ({ ...s, requested: candidate.connections, capacity, excess: s.used + candidate.connections - capacity }));
}

export interface FitSearch {
  /** No suggestion starts before this instant (e.g. the minimum notice). */
  earliest: number;
  /** No suggestion ends after this instant (e.g. the maximum horizon). */
  latest: number;
  /** Candidate starts are multiples of this step from the requested start (default 15 minutes). */
  stepMs?: number;
  /** Further rules a suggestion must satisfy (opening hours, holidays). */
  allowed?: (start: number, end: number) => boolean;
  /** How many suggestions at most (default 3): the nearest ones, before or after. */
  limit?: number;
}

/**
 * The nearest ranges of the same length as `candidate` that fit within the capacity, searching
 * outwards from the requested start, alternately later and earlier, one step at a time.
 */
export function nearestFits(loads: readonly Load[], candidate: Load, capacity: number, search: FitSearch): Segment[] {
  const duration = candidate.end - candidate.start;
  const step = search.stepMs ?? 15 * 60_000;
  const limit = search.limit ?? 3;
  if (duration <= 0 || candidate.connections > capacity) return [];
  const timeline = usageTimeline(loads, search.earliest, search.latest);
  const fits = (start: number): boolean => {
    const end = start + duration;
    if (start < search.earliest || end > search.latest) return false;
    if (search.allowed && !search.allowed(start, end)) return false;
    for (const s of timeline) {
      if (s.end <= start) continue;
      if (s.start >= end) break;
      if (s.used + candidate.connections > capacity) return false;
    }
    return true;
  };
  const found: Segment[] = [];
  const maxSteps = Math.ceil((search.latest - search.earliest) / step) + 1;
  for (let k = 1; k <= maxSteps && found.length < limit; k++) {
    for (const start of [candidate.start + k * step, candidate.start - k * step]) {
      if (found.length < limit && fits(start)) found.push({ start, end: start + duration, used: 0 });
    }
    if (candidate.start + k * step > search.latest && candidate.start - k * step < search.earliest) break;
  }
  return found.map((f) => ({ start: f.start, end: f.end, used: peakUse(loads, f.start, f.end) + candidate.connections }));
}
