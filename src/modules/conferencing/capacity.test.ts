import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nearestFits, overflows, peakUse, usageTimeline, type Load } from './capacity.js';

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

  it('peakUse is the highest use in the range', () => {
    expect(peakUse(loads, at(0), at(24))).toBe(240);
    expect(peakUse(loads, at(12), at(13))).toBe(0);
  });
});
