/**
 * The usage report of a platform, as pure functions. A booking counts in the period (and in the
 * month, and for the body) in which it starts, by the Europe/Rome calendar; its hours are its
 * whole length; the peak of a group is the highest number of simultaneous connections of that
 * group's bookings (the sweep of capacity.ts).
 */
import { peakUse, type Load } from '../bookings/index.js';
import { monthsBetween as monthRange, romeMonth } from '../../../platform/calendar/rome.js';

export interface UsageBooking extends Load {
  organizationId: string;
}

export interface UsageFigures {
  bookings: number;
  /** Hours booked, rounded to 2 decimals. */
  hours: number;
  peakConnections: number;
}

export interface UsageReport {
  totals: UsageFigures;
  /** Every month of the period, in order, with zeros where nothing was booked. */
  byMonth: (UsageFigures & { month: string })[];
  /** The bodies that booked, each with its figures over the period. */
  byOrganization: (UsageFigures & { organizationId: string })[];
  /** One row per body per month in which it booked, by month then body id. */
  byOrganizationMonth: (UsageFigures & { month: string; organizationId: string })[];
}

export function figuresOf(bookings: readonly Load[]): UsageFigures {
  if (!bookings.length) return { bookings: 0, hours: 0, peakConnections: 0 };
  let ms = 0;
  let from = Infinity;
  let to = -Infinity;
  for (const b of bookings) {
    ms += b.end - b.start;
    from = Math.min(from, b.start);
    to = Math.max(to, b.end);
  }
  return { bookings: bookings.length, hours: Math.round(ms / 36_000) / 100, peakConnections: peakUse(bookings, from, to) };
}

function groupBy<K>(items: readonly UsageBooking[], key: (b: UsageBooking) => K): Map<K, UsageBooking[]> {
  const out = new Map<K, UsageBooking[]>();
  for (const b of items) {
    const k = key(b);
    const list = out.get(k);
    if (list) list.push(b);
    else out.set(k, [b]);
  }
  return out;
}

/** The report of the bookings starting in the period [fromDate, toDate] (already selected by start). */
export function usageReport(bookings: readonly UsageBooking[], fromDate: string, toDate: string): UsageReport {
  const byMonthMap = groupBy(bookings, (b) => romeMonth(b.start));
  const byOrgMap = groupBy(bookings, (b) => b.organizationId);
  const byOrgMonthMap = groupBy(bookings, (b) => `${romeMonth(b.start)} ${b.organizationId}`);
  return {
    totals: figuresOf(bookings),
    byMonth: monthRange(fromDate.slice(0, 7), toDate.slice(0, 7)).map((month) => ({ month, ...figuresOf(byMonthMap.get(month) ?? []) })),
    byOrganization: [...byOrgMap.entries()].map(([organizationId, list]) => ({ organizationId, ...figuresOf(list) })),
    byOrganizationMonth: [...byOrgMonthMap.entries()]
      .map(([key, list]) => ({ month: key.slice(0, 7), organizationId: key.slice(8), ...figuresOf(list) }))
      .sort((a, b) => (a.month === b.month ? a.organizationId.localeCompare(b.organizationId) : a.month < b.month ? -1 : 1)),
  };
}
