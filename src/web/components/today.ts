/** Today's date in Europe/Rome for the pages, from the browser's clock (the server reads platform/clock). */
import { romeDate } from '../../platform/calendar/rome.js';

export function romeToday(now = Date.now()): string {
  return romeDate(now);
}
