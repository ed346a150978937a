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
 * The changes of use are summed per instant, then the distinct instants sorted as numbers.
 */
export function usageTimeline(loads: readonly Load[], from: number, to: number): Segment[] {
  if (!(to > from)) return [];
  const delta = new Map<number, number>();
  for (const l of loads) {
    const s = Math.max(l.start, from);
    const e = Math.min(l.end, to);
    if (e <= s || l.connections === 0) continue;
    delta.set(s, (delta.get(s) ?? 0) + l.connections);
    delta.set(e, (delta.get(e) ?? 0) - l.connections);
  }
  const times = Float64Array.from(delta.keys()).sort();
  const out: Segment[] = [];
  let used = 0;
  let cursor = from;
  for (let i = 0; i < times.length; i++) {
    const t = times[i];
    if (t > cursor) {
      push(out, cursor, t, used);
      cursor = t;
    }
    used += delta.get(t)!;
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
  /**
   * Optional sorted, disjoint ranges a suggestion must lie within: a cheap superset of what
   * `allowed` accepts (e.g. the opening hours, widened), so `allowed` — the authoritative and
   * possibly costly rule — only runs on candidates inside them. Never narrower than `allowed`.
   */
  windows?: readonly { start: number; end: number }[];
  /** How many suggestions at most (default 3): the nearest ones, before or after. */
  limit?: number;
  /**
   * `usageTimeline(loads, from, to)` already computed over a range that covers
   * [earliest, latest] (e.g. reused by many refusals): only its part inside is read.
   */
  timeline?: readonly Segment[];
}

/** Index of the first range whose end is after `t` (ranges sorted and disjoint), or ranges.length. */
function firstEndingAfter(ranges: readonly { start: number; end: number }[], t: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].end <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The nearest ranges of the same length as `candidate` that fit within the capacity, searching
 * outwards from the requested start, alternately later and earlier, one step at a time.
 * Each candidate is checked cheapest first: inside the search range, then (binary search) no
 * segment where the candidate would overflow and inside a window, and only then `allowed`.
 */
export function nearestFits(loads: readonly Load[], candidate: Load, capacity: number, search: FitSearch): Segment[] {
  const duration = candidate.end - candidate.start;
  const step = search.stepMs ?? 15 * 60_000;
  const limit = search.limit ?? 3;
  if (duration <= 0 || candidate.connections > capacity) return [];
  // where the candidate's connections would not fit, as sorted disjoint ranges
  const blocked: Segment[] = [];
  const timeline = search.timeline ?? usageTimeline(loads, search.earliest, search.latest);
  for (let i = search.timeline ? firstEndingAfter(timeline, search.earliest) : 0; i < timeline.length && timeline[i].start < search.latest; i++) {
    const s = timeline[i];
    if (s.used + candidate.connections <= capacity) continue;
    const last = blocked[blocked.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else blocked.push({ ...s });
  }
  const windows = search.windows;
  const fits = (start: number): boolean => {
    const end = start + duration;
    if (start < search.earliest || end > search.latest) return false;
    const b = blocked[firstEndingAfter(blocked, start)];
    if (b && b.start < end) return false;
    if (windows) {
      const w = windows[firstEndingAfter(windows, start)];
      if (!w || w.start > start || w.end < end) return false;
    }
    return !search.allowed || search.allowed(start, end);
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
