import { describe, expect, it } from 'vitest';
import { niceTicks } from './Chart';

describe('chart ticks', () => {
  it('are round, start at zero and cover the largest value', () => {
    expect(niceTicks(250, true)).toEqual([0, 100, 200, 300]);
    expect(niceTicks(200, true)).toEqual([0, 50, 100, 150, 200]);
    expect(niceTicks(4, false)).toEqual([0, 1, 2, 3, 4]);
    expect(niceTicks(1, true)).toEqual([0, 1]);
    expect(niceTicks(2.6, false)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0.9, false)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(0, true)).toEqual([0, 1]);
    for (const max of [3, 7, 13, 99, 101, 1234, 99999]) {
      const t = niceTicks(max, true);
      expect(t[0]).toBe(0);
      expect(t.at(-1)!).toBeGreaterThanOrEqual(max);
      expect(t.length).toBeLessThanOrEqual(6);
      expect(t.every(Number.isInteger)).toBe(true);
    }
  });
});
