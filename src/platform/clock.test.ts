/** The one clock: fixed and offset test clocks, their restore, and Rome's today at the turn of a day. */
import { afterEach, describe, expect, it } from 'vitest';
import { clock, setClock } from './clock.js';

let restore: (() => void) | undefined;
afterEach(() => restore?.());

describe('clock', () => {
  it('reads the real time by default', () => {
    const before = Date.now();
    const now = clock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now - Date.now()).toBeLessThanOrEqual(0);
    expect(clock.date().getTime()).toBeGreaterThanOrEqual(now);
  });

  it('stands still at a fixed instant and gives Rome’s date, not UTC’s', () => {
    restore = setClock('2027-12-31T23:30:00Z');
    expect(clock.now()).toBe(Date.UTC(2027, 11, 31, 23, 30));
    // 00:30 on New Year's Day in Rome
    expect(clock.today()).toBe('2028-01-01');
    restore();
    restore = setClock(Date.UTC(2027, 2, 27, 22, 59));
    expect(clock.today()).toBe('2027-03-27');
  });

  it('runs on from an offset, and restores the previous clock', () => {
    restore = setClock({ offsetMs: 86_400_000 });
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(86_400_000 - 5);
    const inner = setClock('2030-01-01T00:00:00Z');
    expect(clock.now()).toBe(Date.UTC(2030, 0, 1));
    inner();
    expect(clock.now() - Date.now()).toBeGreaterThanOrEqual(86_400_000 - 5);
    restore();
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5);
    restore = undefined;
  });

  it('refuses an instant that is not one', () => {
    expect(() => setClock('domani')).toThrow(RangeError);
  });
});
