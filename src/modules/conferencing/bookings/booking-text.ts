/** Words and dates of bookings as people read them in mails, Italian first then English (pure). */
import type { BookingKind } from './bookings.repo.js';

export const KIND_LABELS: Record<BookingKind, { it: string; en: string }> = {
  meeting: { it: 'Riunione', en: 'Meeting' },
  council_session: { it: 'Seduta del Consiglio', en: 'Council session' },
  board_session: { it: 'Seduta della Giunta', en: 'Board session' },
  training: { it: 'Formazione', en: 'Training' },
  streaming: { it: 'Diretta pubblica', en: 'Public streaming' },
};

const TZ = 'Europe/Rome';
const dayIt = new Intl.DateTimeFormat('it-IT', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const dayEn = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
const time = new Intl.DateTimeFormat('it-IT', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** "martedì 12 gennaio 2027, dalle 09:00 alle 11:00 (ora italiana)", or from one day to another. */
export function rangeIt(start: number, end: number): string {
  const [ds, de] = [dayIt.format(start), dayIt.format(end - 1)];
  if (ds === de) return `${ds}, dalle ${time.format(start)} alle ${time.format(end)} (ora italiana)`;
  return `da ${ds} alle ${time.format(start)} a ${dayIt.format(end)} alle ${time.format(end)} (ora italiana)`;
}

/** "Tuesday, 12 January 2027, 09:00–11:00 (Italian time)", or from one day to another. */
export function rangeEn(start: number, end: number): string {
  const [ds, de] = [dayEn.format(start), dayEn.format(end - 1)];
  if (ds === de) return `${ds}, ${time.format(start)}–${time.format(end)} (Italian time)`;
  return `from ${ds} ${time.format(start)} to ${dayEn.format(end)} ${time.format(end)} (Italian time)`;
}
