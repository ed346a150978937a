import { describe, expect, it } from 'vitest';
import { createTestApp } from '../../../test/helpers.js';
import { createUser, organizationId, tokenFor } from '../../../test/auth-helpers.js';
import { isoDay, isoInstant } from './dates.js';

describe('days and instants of a request', () => {
  it('takes real days and instants of 1900–2199 only', () => {
    const day = isoDay();
    for (const ok of ['1900-01-01', '2026-12-08', '2028-02-29', '2199-12-31']) expect(day.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['1899-12-31', '2200-01-01', '0001-01-01', '9999-12-31', '2027-02-29', '2026-13-01', '2026-12-8']) expect(day.safeParse(bad).success, bad).toBe(false);
    // one message for a text that is no date at all
    const wrong = day.safeParse('ieri');
    expect(wrong.success ? [] : wrong.error.issues.map((i) => i.message)).toEqual(['data nel formato AAAA-MM-GG']);
    const instant = isoInstant();
    expect(instant.safeParse('2027-01-12T09:00:00+01:00').success).toBe(true);
    for (const bad of ['9999-12-31T23:00:00+01:00', '1800-01-01T00:00:00Z', '2027-01-12T09:00:00']) expect(instant.safeParse(bad).success, bad).toBe(false);
  });

  it('answers 400 naming the fields, never 500, for dates at the edges', async () => {
    const t = await createTestApp();
    try {
      const org = await organizationId(t.db, '001001');
      const u = await createUser(t.db, { organizationId: org, roles: ['employee'] });
      const headers = { authorization: `Bearer ${await tokenFor(t.db, u.id)}` };
      const id = '00000000-0000-4000-8000-000000000000';
      const r = await t.app.inject({ method: 'GET', url: `/api/v1/conference-platforms/${id}/usage?from=0001-01-01&to=9999-12-31`, headers });
      expect(r.statusCode).toBe(400);
      expect(r.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['querystring.from', 'querystring.to']);
      const booking = await t.app.inject({
        method: 'POST',
        url: '/api/v1/bookings',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: { platformId: id, title: 'Lontano', kind: 'meeting', start: '9999-12-31T09:00:00+01:00', end: '9999-12-31T10:00:00+01:00', expectedConnections: 1, organiserName: 'A', organiserEmail: 'a@comune.example.it' },
      });
      expect(booking.statusCode).toBe(400);
    } finally {
      await t.close();
    }
  });
});
