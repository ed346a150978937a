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

/**
 * The same as `overflows(loads, candidate, capacity)`, read from a timeline already computed:
 * `usageTimeline(loads, from, to)` with [from, to) covering [candidate.start, candidate.end)
 * (e.g. shared by many requests). A binary search finds the first segment; the segments are
 * clipped to the candidate. No sweep over the loads.
 */
export function overflowsFrom(timeline: readonly Segment[], candidate: Load, capacity: number): Overflow[] {
  const out: Overflow[] = [];
  if (!(candidate.end > candidate.start)) return out;
  for (let i = firstEndingAfter(timeline, candidate.start); i < timeline.length && timeline[i].start < candidate.end; i++) {
    const s = timeline[i];
    if (!(s.used + candidate.connections > capacity)) continue;
    out.push({
      start: Math.max(s.start, candidate.start),
      end: Math.min(s.end, candidate.end),
      used: s.used,
      requested: candidate.connections,
      capacity,
      excess: s.used + candidate.connections - capacity,
    });
  }
  return out;
}

/** The highest use at any instant of [from, to), read from a timeline that covers it. */
function peakFrom(timeline: readonly Segment[], from: number, to: number): number {
  let peak = 0;
  for (let i = firstEndingAfter(timeline, from); i < timeline.length && timeline[i].start < to; i++) peak = Math.max(peak, timeline[i].used);
  return peak;
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
   * Optional sorted, disjoint ranges a suggestion must lie within (each inside one of them): a
   * cheap superset of what `allowed` accepts (e.g. the opening hours, widened), so `allowed` —
   * the authoritative and possibly costly rule — only runs on candidates inside them. Never
   * narrower than `allowed`.
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

/** Index of the last range whose start is at or before `t` (ranges sorted and disjoint), or -1. */
function lastStartingBy(ranges: readonly { start: number; end: number }[], t: number): number {
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ranges[mid].start <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The least j >= k with `holds(j)`, where `holds` is false up to some j and true from there on;
 * `max + 1` if there is none up to `max`. Doubling steps, then halving: O(log(j - k)) calls.
 */
function firstHolding(k: number, max: number, holds: (j: number) => boolean): number {
  if (k > max) return max + 1;
  if (holds(k)) return k;
  let lo = k; // holds(lo) is false
  let hi = k + 1;
  for (let span = 1; ; span *= 2) {
    if (hi > max) {
      hi = max + 1; // as if it held: never called there
      break;
    }
    if (holds(hi)) break;
    lo = hi;
    hi = lo + span * 2;
  }
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (holds(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Where a range of `duration` may start as far as the capacity, the search range and the windows
 * tell (not `allowed`): sorted, disjoint ranges [start, end] such that `s` may start iff some
 * range has start <= s and s + duration <= end. They are the windows (or the whole search range)
 * clipped to [earliest, latest], minus the blocked ranges; pieces too short are left out. A
 * piece never spans two windows, even touching ones: a suggestion lies inside one window.
 */
function freeRanges(blocked: readonly Segment[], search: FitSearch, duration: number): { start: number; end: number }[] {
  const { earliest, latest } = search;
  const bounds = search.windows ?? [{ start: earliest, end: latest }];
  const free: { start: number; end: number }[] = [];
  for (let w = firstEndingAfter(bounds, earliest); w < bounds.length && bounds[w].start < latest; w++) {
    const from = Math.max(bounds[w].start, earliest);
    const to = Math.min(bounds[w].end, latest);
    if (!(from + duration <= to)) continue;
    let cursor = from;
    for (let b = firstEndingAfter(blocked, from); b < blocked.length && blocked[b].start < to; b++) {
      if (cursor + duration <= blocked[b].start) free.push({ start: cursor, end: blocked[b].start });
      cursor = blocked[b].end;
    }
    if (cursor + duration <= to) free.push({ start: cursor, end: to });
  }
  return free;
}

/**
 * The nearest ranges of the same length as `candidate` that fit within the capacity, searching
 * outwards from the requested start, alternately later and earlier, one step at a time: the
 * starts candidate.start + k·step, then candidate.start − k·step, for k = 1, 2, … as long as
 * they can lie within [earliest, latest]. A start qualifies when its range lies inside one free
 * range (see `freeRanges`) and then `allowed` accepts it. Each direction jumps from one free
 * range to the next, so the steps in between cost nothing; `allowed` runs only on the starts
 * inside a free range, in the order of the plain walk, and no more once `limit` are found.
 * The `used` of a suggestion (its peak use plus the candidate's connections) is read from the
 * timeline, which covers [earliest, latest].
 */
export function nearestFits(loads: readonly Load[], candidate: Load, capacity: number, search: FitSearch): Segment[] {
  const duration = candidate.end - candidate.start;
  const step = search.stepMs ?? 15 * 60_000;
  const limit = search.limit ?? 3;
  const maxSteps = Math.ceil((search.latest - search.earliest) / step) + 1;
  if (duration <= 0 || candidate.connections > capacity || !(maxSteps >= 1)) return [];
  // where the candidate's connections would not fit, as sorted disjoint ranges
  const blocked: Segment[] = [];
  const timeline = search.timeline ?? usageTimeline(loads, search.earliest, search.latest);
  for (let i = firstEndingAfter(timeline, search.earliest); i < timeline.length && timeline[i].start < search.latest; i++) {
    const s = timeline[i];
    if (s.used + candidate.connections <= capacity) continue;
    const last = blocked[blocked.length - 1];
    if (last && last.end === s.start) last.end = s.end;
    else blocked.push({ ...s });
  }
  const free = freeRanges(blocked, search, duration);
  const c = candidate.start;
  const laterAt = (k: number) => c + k * step;
  const earlierAt = (k: number) => c - k * step;
  /** The least j >= k (up to maxSteps, else maxSteps + 1) whose start at(j) lies in a free range. */
  const nextFree = (at: (k: number) => number, rising: boolean, k: number): number => {
    if (k > maxSteps) return maxSteps + 1;
    if (rising) {
      // the first range that may hold at(k) or a later start; then the least j whose start reaches it
      for (let i = firstEndingAfter(free, at(k)); i < free.length; i++) {
        const f = free[i];
        k = firstHolding(k, maxSteps, (j) => at(j) >= f.start);
        if (k > maxSteps || at(k) + duration <= f.end) return k;
      }
    } else if (step !== 0) {
      // the last range that may hold at(k) or an earlier start; then the least j whose end fits in it
      for (let i = lastStartingBy(free, at(k)); i >= 0; i--) {
        const f = free[i];
        k = firstHolding(k, maxSteps, (j) => at(j) + duration <= f.end);
        if (k > maxSteps || at(k) >= f.start) return k;
      }
    } else {
      const f = free[firstEndingAfter(free, c)];
      if (f && f.start <= c && c + duration <= f.end) return k;
    }
    return maxSteps + 1;
  };
  const starts: number[] = [];
  let later = nextFree(laterAt, step > 0, 1);
  let earlier = nextFree(earlierAt, step < 0, 1);
  while (starts.length < limit) {
    const k = Math.min(later, earlier);
    if (!(k <= maxSteps)) break;
    const isLater = later === k; // at equal k, the later start comes first
    const start = isLater ? laterAt(k) : earlierAt(k);
    if (!search.allowed || search.allowed(start, start + duration)) starts.push(start);
    if (isLater) later = nextFree(laterAt, step > 0, k + 1);
    else earlier = nextFree(earlierAt, step < 0, k + 1);
  }
  return starts.map((start) => ({ start, end: start + duration, used: peakFrom(timeline, start, start + duration) + candidate.connections }));
}
