/** Ranges of calendar days for absences and closures, over the one calendar (platform/calendar/rome.ts). */
import { daysBetween } from '../../../platform/calendar/rome.js';

/** Number of days from `from` to `to` inclusive (0 when `to` is before `from`). */
export function spanDays(from: string, to: string): number {
  return Math.max(0, daysBetween(from, to) + 1);
}
