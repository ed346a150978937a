/**
 * The one clock of the platform: every use case, job and rule reads "now" and "today" here,
 * never `Date.now()` or `new Date()` on its own (a lint rule enforces it). A use case that lets
 * its caller pass `now` (tests, replays) falls back to `clock.now()`.
 *
 * Tests move it with `setClock` (a fixed instant or an offset, undone by the function it
 * returns). The whole suite can also run on another date: `npm run test:on -- 2027-12-31`
 * shifts the process's own time (test/shift-clock.mjs), so this clock, the embedded database's
 * `now()` and the tests all agree.
 */
import { romeDate } from './calendar/rome.js';

let source: () => number = () => Date.now();

export const clock = {
  /** The current instant, in epoch milliseconds. */
  now(): number {
    return source();
  },
  /** The current instant as a Date. */
  date(): Date {
    return new Date(source());
  },
  /** Today's calendar date in Europe/Rome, 'YYYY-MM-DD'. */
  today(): string {
    return romeDate(source());
  },
};

/**
 * For tests: from now on the clock reads `at` (a fixed instant: epoch ms, Date or ISO text) or,
 * with `{ offsetMs }`, the real time moved by that much. Returns the function that restores the
 * previous clock.
 */
export function setClock(at: number | string | Date | { offsetMs: number }): () => void {
  const previous = source;
  if (typeof at === 'object' && !(at instanceof Date)) {
    const { offsetMs } = at;
    source = () => Date.now() + offsetMs;
  } else {
    const fixed = typeof at === 'number' ? at : new Date(at).getTime();
    if (!Number.isFinite(fixed)) throw new RangeError(`Istante non valido per l'orologio: ${String(at)}`);
    source = () => fixed;
  }
  return () => {
    source = previous;
  };
}
