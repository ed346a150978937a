/**
 * The request schemas of days and instants, one for every route: ISO 8601, a real calendar day,
 * and years 1900–2199, so that no date a client sends can reach arithmetic or SQL that fails on
 * it (year 0, 9999, 275760…). What a route needs more (a booking in the future, a range of at
 * most a year) its use case checks.
 */
import { z } from 'zod';

export const DAY_MIN = '1900-01-01';
export const DAY_MAX = '2199-12-31';
const RANGE = 'data fuori dall’intervallo ammesso (dal 1900 al 2199)';

// zod runs every check, so these also see strings the format refused: they judge only the range
const inRange = (day: string) => day >= DAY_MIN && day <= DAY_MAX;
const DAY_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** A day 'YYYY-MM-DD' that exists (zod's format knows months and leap years), 1900–2199. */
export function isoDay(error = 'data nel formato AAAA-MM-GG') {
  return z.iso.date({ error }).refine((d) => !DAY_SHAPE.test(d) || inRange(d), { error: RANGE });
}

/** An instant with its offset (2027-01-12T09:00:00+01:00), 1900–2199. */
export function isoInstant(error = 'data e ora ISO 8601 con fuso (es. 2027-01-12T09:00:00+01:00)') {
  return z.iso.datetime({ offset: true, error }).refine(
    (s) => {
      const at = Date.parse(s);
      return !Number.isFinite(at) || inRange(new Date(at).toISOString().slice(0, 10));
    },
    { error: RANGE },
  );
}
