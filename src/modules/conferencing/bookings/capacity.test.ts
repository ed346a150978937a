import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestFits, overflows, overflowsFrom, peakUse, usageTimeline, type FitSearch, type Load, type Segment } from './capacity.js';

const H = 3_600_000;
const at = (h: number) => Date.UTC(2026, 11, 3, 0, 0) + h * H;

describe('usageTimeline', () => {
  it('covers the range with merged segments and treats ranges as half-open', () => {
    const loads: Load[] = [
      { start: at(9), end: at(11), connections: 100 },
      { start: at(11), end: at(12), connections: 100 }, // touches, does not overlap
      { start: at(10), end: at(13), connections: 50 },
    ];
    expect(usageTimeline(loads, at(8), at(14))).toEqual([
      { start: at(8), end: at(9), used: 0 },
      { start: at(9), end: at(10), used: 100 },
      { start: at(10), end: at(12), used: 150 },
      { start: at(12), end: at(13), used: 50 },
      { start: at(13), end: at(14), used: 0 },
    ]);
  });

  it('clips loads to the range and ignores empty ones', () => {
    expect(usageTimeline([{ start: at(0), end: at(24), connections: 7 }, { start: at(5), end: at(5), connections: 9 }], at(10), at(11))).toEqual([
      { start: at(10), end: at(11), used: 7 },
    ]);
    expect(usageTimeline([], at(2), at(1))).toEqual([]);
  });

  it('agrees with a point-by-point count (property)', () => {
    const load = fc.record({ a: fc.integer({ min: 0, max: 96 }), d: fc.integer({ min: 1, max: 24 }), c: fc.integer({ min: 1, max: 250 }) });
    fc.assert(
      fc.property(fc.array(load, { maxLength: 30 }), (raw) => {
        const q = 15 * 60_000;
        const loads = raw.map((r) => ({ start: r.a * q, end: (r.a + r.d) * q, connections: r.c }));
        const segs = usageTimeline(loads, 0, 130 * q);
        for (let t = 0; t < 130; t++) {
          const inst = t * q;
          const expected = loads.filter((l) => l.start <= inst && inst < l.end).reduce((s, l) => s + l.connections, 0);
          const seg = segs.find((s) => s.start <= inst && inst < s.end);
          if (!seg || seg.used !== expected) return false;
        }
        return segs[0].start === 0 && segs[segs.length - 1].end === 130 * q;
      }),
      { numRuns: 200 },
    );
  });
});

describe('overflows', () => {
  const loads: Load[] = [
    { start: at(9), end: at(11), connections: 200 },
    { start: at(10), end: at(12), connections: 40 },
  ];

  it('is empty when the booking fits at every instant, including exactly at capacity', () => {
    expect(overflows(loads, { start: at(9), end: at(10), connections: 50 }, 250)).toEqual([]);
    expect(overflows(loads, { start: at(11), end: at(12), connections: 210 }, 250)).toEqual([]);
  });

  it('lists the instants and amounts that overflow', () => {
    expect(overflows(loads, { start: at(9), end: at(12), connections: 20 }, 250)).toEqual([
      { start: at(10), end: at(11), used: 240, requested: 20, capacity: 250, excess: 10 },
    ]);
  });

  it('counts a booking that ends when another starts as not overlapping', () => {
    expect(overflows(loads, { start: at(12), end: at(13), connections: 250 }, 250)).toEqual([]);
    expect(overflows(loads, { start: at(8), end: at(9), connections: 250 }, 250)).toEqual([]);
  });
});

describe('overflowsFrom', () => {
  const loads: Load[] = [
    { start: at(9), end: at(11), connections: 200 },
    { start: at(10), end: at(12), connections: 40 },
  ];
  const timeline = usageTimeline(loads, at(0), at(24));

  it('reads the overflows from a wider timeline, clipped to the candidate', () => {
    expect(overflowsFrom(timeline, { start: at(9), end: at(12), connections: 20 }, 250)).toEqual([
      { start: at(10), end: at(11), used: 240, requested: 20, capacity: 250, excess: 10 },
    ]);
    expect(overflowsFrom(timeline, { start: at(10) + 60_000, end: at(10) + 120_000, connections: 11 }, 250)).toEqual([
      { start: at(10) + 60_000, end: at(10) + 120_000, used: 240, requested: 11, capacity: 250, excess: 1 },
    ]);
    expect(overflowsFrom(timeline, { start: at(9), end: at(10), connections: 50 }, 250)).toEqual([]);
    expect(overflowsFrom(timeline, { start: at(10), end: at(10), connections: 250 }, 250)).toEqual([]);
  });

  it('equals overflows over the loads (property)', () => {
    const load = fc.record({ a: fc.integer({ min: 0, max: 200 }), d: fc.integer({ min: 0, max: 40 }), c: fc.integer({ min: 0, max: 250 }) });
    fc.assert(
      fc.property(fc.array(load, { maxLength: 40 }), fc.integer({ min: -20, max: 220 }), fc.integer({ min: -2, max: 60 }), fc.integer({ min: 0, max: 260 }), fc.integer({ min: 1, max: 300 }), (raw, a, d, c, capacity) => {
        const q = 5 * 60_000;
        const loads = raw.map((r) => ({ start: r.a * q, end: (r.a + r.d) * q, connections: r.c }));
        const candidate = { start: a * q, end: (a + d) * q, connections: c };
        const timeline = usageTimeline(loads, -50 * q, 400 * q);
        expect(overflowsFrom(timeline, candidate, capacity)).toEqual(overflows(loads, candidate, capacity));
      }),
      { numRuns: 500 },
    );
  });
});

/**
 * Today's search as a plain lattice walk, kept as the reference: the starts candidate.start ± k·step,
 * later first, each checked against the search range, the windows, the capacity (overflows
 * over the loads) and then `allowed`; `used` is the peak over the loads.
 */
function referenceNearestFits(loads: readonly Load[], candidate: Load, capacity: number, search: FitSearch): Segment[] {
  const duration = candidate.end - candidate.start;
  const step = search.stepMs ?? 15 * 60_000;
  const limit = search.limit ?? 3;
  if (duration <= 0 || candidate.connections > capacity) return [];
  const fits = (start: number): boolean => {
    const end = start + duration;
    if (start < search.earliest || end > search.latest) return false;
    if (overflows(loads, { start, end, connections: candidate.connections }, capacity).length > 0) return false;
    if (search.windows && !search.windows.some((w) => w.start <= start && end <= w.end)) return false;
    return !search.allowed || search.allowed(start, end);
  };
  const found: Segment[] = [];
  const maxSteps = Math.ceil((search.latest - search.earliest) / step) + 1;
  for (let k = 1; k <= maxSteps; k++) {
    for (const start of [candidate.start + k * step, candidate.start - k * step]) {
      if (found.length < limit && fits(start)) {
        found.push({ start, end: start + duration, used: peakUse(loads, start, start + duration) + candidate.connections });
      }
    }
  }
  return found;
}

describe('nearestFits', () => {
  const loads: Load[] = [{ start: at(9), end: at(12), connections: 240 }];

  it('proposes the nearest free ranges of the same length, later and earlier', () => {
    const fits = nearestFits(loads, { start: at(10), end: at(11), connections: 20 }, 250, { earliest: at(0), latest: at(24), stepMs: H, limit: 2 });
    expect(fits.map((f) => [f.start, f.end])).toEqual([
      [at(12), at(13)],
      [at(8), at(9)],
    ]);
    for (const f of fits) expect(overflows(loads, { start: f.start, end: f.end, connections: 20 }, 250)).toEqual([]);
  });

  it('respects the earliest instant, the latest instant and further rules', () => {
    const fits = nearestFits(loads, { start: at(10), end: at(11), connections: 20 }, 250, {
      earliest: at(9),
      latest: at(24),
      stepMs: H,
      allowed: (s) => s !== at(12),
      limit: 1,
    });
    expect(fits).toEqual([{ start: at(13), end: at(14), used: 20 }]);
  });

  it('proposes nothing when the booking alone exceeds the capacity', () => {
    expect(nearestFits([], { start: at(10), end: at(11), connections: 251 }, 250, { earliest: at(0), latest: at(24) })).toEqual([]);
  });

  it('finds the same ranges from a timeline computed once over a wider range (property)', () => {
    const load = fc.record({ a: fc.integer({ min: 0, max: 200 }), d: fc.integer({ min: 1, max: 24 }), c: fc.integer({ min: 1, max: 250 }) });
    fc.assert(
      fc.property(
        fc.array(load, { maxLength: 40 }),
        fc.integer({ min: 20, max: 180 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        (raw, a, d, c, before, after) => {
          const q = 15 * 60_000;
          const loads = raw.map((r) => ({ start: r.a * q, end: (r.a + r.d) * q, connections: r.c }));
          const candidate = { start: a * q, end: (a + d) * q, connections: c };
          const search = { earliest: (a - before) * q, latest: (a + d + after) * q, stepMs: q };
          const timeline = usageTimeline(loads, -100 * q, 400 * q);
          expect(nearestFits(loads, candidate, 250, { ...search, timeline })).toEqual(nearestFits(loads, candidate, 250, search));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('proposes a gap exactly as long as the booking, and ranges touching the earliest and latest instants', () => {
    const around: Load[] = [
      { start: at(6), end: at(10), connections: 240 },
      { start: at(12), end: at(20), connections: 240 },
      { start: at(10), end: at(11), connections: 30 },
    ];
    const fits = nearestFits(around, { start: at(14), end: at(16), connections: 20 }, 250, { earliest: at(4), latest: at(22), stepMs: H, limit: 5 });
    expect(fits).toEqual([
      { start: at(10), end: at(12), used: 50 }, // the gap of exactly 2 h (4 steps earlier); peak 30 in it
      { start: at(20), end: at(22), used: 20 }, // ends at latest (6 steps later)
      { start: at(4), end: at(6), used: 20 }, // starts at earliest (10 steps earlier)
    ]);
    expect(fits).toEqual(referenceNearestFits(around, { start: at(14), end: at(16), connections: 20 }, 250, { earliest: at(4), latest: at(22), stepMs: H, limit: 5 }));
  });

  it('keeps a suggestion inside one window, even when two windows touch', () => {
    const search: FitSearch = {
      earliest: at(0),
      latest: at(24),
      stepMs: H,
      limit: 4,
      windows: [
        { start: at(8), end: at(12) },
        { start: at(12), end: at(16) },
      ],
    };
    const fits = nearestFits([], { start: at(11), end: at(13), connections: 1 }, 250, search);
    expect(fits.map((f) => f.start)).toEqual([at(12), at(10), at(13), at(9)]);
  });

  it('proposes nothing, and asks allowed nothing, when every start is blocked', () => {
    const full: Load[] = [{ start: at(0), end: at(24), connections: 250 }];
    let asked = 0;
    const search: FitSearch = { earliest: at(0), latest: at(24), allowed: () => ++asked > 0 };
    expect(nearestFits(full, { start: at(10), end: at(11), connections: 1 }, 250, search)).toEqual([]);
    expect(nearestFits([], { start: at(10), end: at(11), connections: 1 }, 250, { ...search, windows: [] })).toEqual([]);
    expect(nearestFits([], { start: at(10), end: at(11), connections: 1 }, 250, { ...search, latest: at(0) })).toEqual([]);
    expect(asked).toBe(0);
  });

  it('proposes nothing when the booking is longer than any gap', () => {
    const loads: Load[] = [0, 3, 6, 9, 12, 15, 18, 21].map((h) => ({ start: at(h), end: at(h + 1), connections: 250 }));
    expect(nearestFits(loads, { start: at(1), end: at(4), connections: 1 }, 250, { earliest: at(0), latest: at(24), stepMs: H })).toEqual([]);
    expect(nearestFits(loads, { start: at(1), end: at(3), connections: 1 }, 250, { earliest: at(0), latest: at(24), stepMs: H }).map((f) => f.start)).toEqual([
      at(4),
      at(7),
      at(10),
    ]);
  });

  it('searches from a candidate outside the search range as far as the plain walk goes', () => {
    const search: FitSearch = { earliest: at(10), latest: at(14), stepMs: H, limit: 9 };
    // 5 steps at most: from at(2), later starts reach at(7) only; from at(17), earlier ones reach at(12)
    expect(nearestFits([], { start: at(2), end: at(3), connections: 1 }, 250, search)).toEqual([]);
    expect(nearestFits([], { start: at(17), end: at(18), connections: 1 }, 250, search).map((f) => f.start)).toEqual([at(13), at(12)]);
  });

  it('gives what the plain lattice walk gives, asking allowed the same starts in the same order (property)', () => {
    const M = 60_000;
    const load = fc.record({ a: fc.integer({ min: 0, max: 1500 }), d: fc.integer({ min: 1, max: 300 }), c: fc.integer({ min: 1, max: 120 }) });
    const windowsArb = fc.option(fc.array(fc.record({ gap: fc.integer({ min: 0, max: 200 }), len: fc.integer({ min: 0, max: 400 }) }), { maxLength: 8 }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.array(load, { maxLength: 40 }),
        fc.record({ a: fc.integer({ min: -200, max: 1700 }), d: fc.integer({ min: 1, max: 240 }), c: fc.integer({ min: 1, max: 130 }) }),
        fc.record({ earliest: fc.integer({ min: -100, max: 800 }), span: fc.integer({ min: -10, max: 1500 }) }),
        fc.constantFrom(1, 5, 7, 15, 30, 60, 90),
        fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
        windowsArb,
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (raw, cand, range, stepMin, limit, rawWindows, reject, withTimeline) => {
          const loads = raw.map((r) => ({ start: r.a * M, end: (r.a + r.d) * M, connections: r.c }));
          const candidate = { start: cand.a * M, end: (cand.a + cand.d) * M, connections: cand.c };
          let cursor = range.earliest - 100;
          const windows = rawWindows?.map((w) => {
            const start = (cursor += w.gap);
            return { start: start * M, end: (cursor += w.len) * M };
          });
          const asked: number[][] = [];
          const allowed = (s: number, e: number) => {
            asked.push([s, e]);
            return ((s / M) * 2_654_435_761) % 2 ** 32 % reject !== 1; // rejects about one start in `reject` (none when 1)
          };
          const search: FitSearch = { earliest: range.earliest * M, latest: (range.earliest + range.span) * M, stepMs: stepMin * M, limit, windows, allowed };
          const expected = referenceNearestFits(loads, candidate, 150, search);
          const askedByReference = asked.splice(0);
          const timeline = withTimeline ? usageTimeline(loads, (range.earliest - 300) * M, (range.earliest + range.span + 300) * M) : undefined;
          expect(nearestFits(loads, candidate, 150, { ...search, timeline })).toEqual(expected);
          expect(asked).toEqual(askedByReference);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('peakUse is the highest use in the range', () => {
    expect(peakUse(loads, at(0), at(24))).toBe(240);
    expect(peakUse(loads, at(12), at(13))).toBe(0);
  });
});
