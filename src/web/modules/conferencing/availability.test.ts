import { describe, expect, it } from 'vitest';
import { cellOf, hourSpan, instantAt, loadOver, withoutOwn } from './availability';
import type { Platform, Segment } from './types';

const platform: Pick<Platform, 'capacity' | 'openOnHolidays' | 'openingHours'> = {
  capacity: 250,
  openingHours: { '1': [['08:00', '20:00']], '2': [['08:00', '13:00'], ['14:00', '18:00']], '3': [['09:00', '17:00']], '4': [['09:00', '17:00']], '5': [['09:00', '17:00']] },
  openOnHolidays: false,
};

// Tuesday 12 January 2027, Rome = UTC+1
const seg = (start: string, end: string, used: number): Segment => ({ start, end, used, free: 250 - used });
const timeline: Segment[] = [
  seg('2027-01-11T23:00:00.000Z', '2027-01-12T09:00:00.000Z', 0),
  seg('2027-01-12T09:00:00.000Z', '2027-01-12T10:00:00.000Z', 210),
  seg('2027-01-12T10:00:00.000Z', '2027-01-12T11:00:00.000Z', 250),
  seg('2027-01-12T11:00:00.000Z', '2027-01-12T23:00:00.000Z', 0),
];

describe('reading the availability timeline', () => {
  it('takes the least free capacity over a range, counting every segment it touches', () => {
    const at = (iso: string) => Date.parse(iso);
    expect(loadOver(timeline, at('2027-01-12T08:00:00Z'), at('2027-01-12T09:00:00Z'), 250)).toEqual({ maxUsed: 0, minFree: 250 });
    expect(loadOver(timeline, at('2027-01-12T08:30:00Z'), at('2027-01-12T09:30:00Z'), 250)).toEqual({ maxUsed: 210, minFree: 40 });
    expect(loadOver(timeline, at('2027-01-12T09:59:00Z'), at('2027-01-12T12:00:00Z'), 250)).toEqual({ maxUsed: 250, minFree: 0 });
    // half-open: a range ending where the busy segment starts does not see it
    expect(loadOver(timeline, at('2027-01-12T07:00:00Z'), at('2027-01-12T09:00:00Z'), 250).maxUsed).toBe(0);
    expect(loadOver([], 0, 1, 250)).toEqual({ maxUsed: 0, minFree: 250 });
  });

  it('leaves out a booking being changed, splitting the segments it crosses', () => {
    const own = { start: '2027-01-12T09:30:00.000Z', end: '2027-01-12T10:30:00.000Z', connections: 100 };
    const out = withoutOwn(timeline, own, 250);
    expect(out.map((s) => [s.start.slice(11, 16), s.end.slice(11, 16), s.used])).toEqual([
      ['23:00', '09:00', 0],
      ['09:00', '09:30', 210],
      ['09:30', '10:00', 110],
      ['10:00', '10:30', 150],
      ['10:30', '11:00', 250],
      ['11:00', '23:00', 0],
    ]);
    expect(withoutOwn(timeline, null, 250)).toEqual(timeline);
  });

  it('tells each calendar cell its state in Rome time: free, partial, low, full, closed, holiday', () => {
    // 10:00-11:00 Rome = 09:00-10:00Z: 210 used of 250 → 40 free, under a fifth: low
    expect(cellOf(platform, timeline, '2027-01-12', 600, 660)).toEqual({ state: 'low', maxUsed: 210, minFree: 40 });
    expect(cellOf(platform, timeline, '2027-01-12', 660, 720)).toEqual({ state: 'full', maxUsed: 250, minFree: 0 });
    expect(cellOf(platform, timeline, '2027-01-12', 540, 600).state).toBe('free');
    // Tuesday's lunch break 13:00-14:00 is closed; Saturday is closed all day
    expect(cellOf(platform, timeline, '2027-01-12', 780, 840).state).toBe('closed');
    expect(cellOf(platform, [], '2027-01-16', 600, 660).state).toBe('closed');
    // 6 January is a national holiday
    expect(cellOf(platform, [], '2027-01-06', 600, 660).state).toBe('holiday');
    expect(cellOf({ ...platform, openOnHolidays: true }, [], '2027-01-06', 600, 660).state).toBe('free');
    const partial = cellOf(platform, [seg('2027-01-12T09:00:00.000Z', '2027-01-12T10:00:00.000Z', 100)], '2027-01-12', 600, 660);
    expect(partial).toEqual({ state: 'partial', maxUsed: 100, minFree: 150 });
  });

  it('shows the hours from the earliest opening to the latest closing, and handles daylight saving', () => {
    expect(hourSpan(platform)).toEqual({ first: 8, last: 20 });
    expect(hourSpan({ openingHours: {} })).toEqual({ first: 8, last: 20 });
    // 28 March 2027: 02:00 does not exist, the cell starts at 03:00 summer time
    expect(new Date(instantAt('2027-03-28', 120)).toISOString()).toBe('2027-03-28T01:00:00.000Z');
    expect(new Date(instantAt('2027-03-28', 1440)).toISOString()).toBe('2027-03-28T22:00:00.000Z');
  });
});
