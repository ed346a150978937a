import { describe, expect, it } from 'vitest';
import { nextSlot, parseScheduleSpec } from './schedule.js';
import { retryDelayMs } from './backoff.js';

describe('schedule specs', () => {
  it('parses the two forms and refuses anything else', () => {
    expect(parseScheduleSpec('every 15 minutes')).toEqual({ kind: 'every', minutes: 15 });
    expect(parseScheduleSpec('Every 1 minute')).toEqual({ kind: 'every', minutes: 1 });
    expect(parseScheduleSpec('daily 03:30')).toEqual({ kind: 'daily', hour: 3, minute: 30 });
    for (const bad of ['every 0 minutes', 'every 1441 minutes', 'daily 24:00', 'daily 9:00', 'weekly 10:00', '* * * * *', '']) {
      expect(() => parseScheduleSpec(bad), bad).toThrow(/non valid/);
    }
  });

  it('aligns "every N minutes" to multiples of N and is strictly after', () => {
    expect(nextSlot('every 15 minutes', new Date('2026-05-04T10:07:12Z')).toISOString()).toBe('2026-05-04T10:15:00.000Z');
    expect(nextSlot('every 15 minutes', new Date('2026-05-04T10:15:00Z')).toISOString()).toBe('2026-05-04T10:30:00.000Z');
    expect(nextSlot('every 1440 minutes', new Date('2026-05-04T10:00:00Z')).toISOString()).toBe('2026-05-05T00:00:00.000Z');
  });

  it('computes "daily HH:MM" in Europe/Rome across daylight saving', () => {
    // Winter: UTC+1; summer: UTC+2.
    expect(nextSlot('daily 09:00', new Date('2026-01-10T07:00:00Z')).toISOString()).toBe('2026-01-10T08:00:00.000Z');
    expect(nextSlot('daily 09:00', new Date('2026-01-10T08:00:00Z')).toISOString()).toBe('2026-01-11T08:00:00.000Z');
    expect(nextSlot('daily 09:00', new Date('2026-07-10T06:00:00Z')).toISOString()).toBe('2026-07-10T07:00:00.000Z');
    // Spring forward on 29 March 2026, fall back on 25 October 2026.
    expect(nextSlot('daily 09:00', new Date('2026-03-28T09:00:00Z')).toISOString()).toBe('2026-03-29T07:00:00.000Z');
    expect(nextSlot('daily 09:00', new Date('2026-10-24T08:00:00Z')).toISOString()).toBe('2026-10-25T08:00:00.000Z');
    // Just before midnight in Rome (already the next day in Rome, still the day before in UTC).
    expect(nextSlot('daily 00:30', new Date('2026-07-10T22:10:00Z')).toISOString()).toBe('2026-07-10T22:30:00.000Z');
    // A time skipped in spring runs one hour later; one repeated in autumn runs once, the first time.
    expect(nextSlot('daily 02:30', new Date('2026-03-28T12:00:00Z')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(nextSlot('daily 02:30', new Date('2026-10-24T12:00:00Z')).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(nextSlot('daily 02:30', new Date('2026-10-25T00:30:00Z')).toISOString()).toBe('2026-10-26T01:30:00.000Z');
  });
});

describe('retry backoff', () => {
  it('doubles per attempt, stays within jitter bounds and the cap', () => {
    expect(retryDelayMs(1, {}, () => 1)).toBe(30_000);
    expect(retryDelayMs(2, {}, () => 1)).toBe(60_000);
    expect(retryDelayMs(3, {}, () => 0)).toBe(60_000); // 120 s at the lowest jitter
    expect(retryDelayMs(50, {}, () => 1)).toBe(3_600_000);
    expect(retryDelayMs(4, { baseMs: 10, capMs: 50 }, () => 1)).toBe(50);
    for (let i = 0; i < 100; i++) {
      const d = retryDelayMs(2, { baseMs: 1000 });
      expect(d).toBeGreaterThanOrEqual(1000);
      expect(d).toBeLessThanOrEqual(2000);
    }
  });
});
