/**
 * The web app keeps its own copies of the API's enumerations (its bundle imports no server code).
 * This test keeps the copies equal to the server's and every value labelled in both languages.
 */
import { describe, expect, it } from 'vitest';
import { ROLES as SERVER_ROLES, ROLE_LABELS } from '../src/platform/auth/context.js';
import { ORGANIZATION_KINDS as SERVER_KINDS } from '../src/modules/organizations/organizations.repo.js';
import { OPERATOR_KINDS } from '../src/modules/organizations/organization-rules.js';
import { CREATABLE_KINDS, ORGANIZATION_KINDS, ROLES } from '../src/web/i18n/index.js';
import { it as italian } from '../src/web/i18n/it.js';
import { en as english } from '../src/web/i18n/en.js';
import { BOOKING_KINDS as SERVER_BOOKING_KINDS, BOOKING_STATUSES as SERVER_BOOKING_STATUSES } from '../src/modules/conferencing/bookings/bookings.repo.js';
import { conferencingErrors } from '../src/modules/conferencing/conferencing.errors.js';
import { BOOKING_KINDS, BOOKING_STATUSES } from '../src/web/modules/conferencing/types.js';
import { BOOKING_CODES } from '../src/web/modules/conferencing/codes.js';

describe('web app and API share their enumerations', () => {
  it('has the same roles, kinds and creatable kinds as the server', () => {
    expect([...ROLES]).toEqual([...SERVER_ROLES]);
    expect([...ORGANIZATION_KINDS]).toEqual([...SERVER_KINDS]);
    expect([...CREATABLE_KINDS]).toEqual([...OPERATOR_KINDS]);
  });

  it('labels every role and kind in Italian and English, with the server’s Italian role labels', () => {
    const dict = (d: Record<string, string>, key: string) => d[key];
    for (const r of SERVER_ROLES) {
      expect(dict(italian, `role.${r}`)).toBe(ROLE_LABELS[r].it);
      expect(dict(english, `role.${r}`)).toBeTruthy();
    }
    for (const k of SERVER_KINDS) {
      expect(dict(italian, `kind.${k}`)).toBeTruthy();
      expect(dict(english, `kind.${k}`)).toBeTruthy();
    }
  });

  it('has the same booking kinds and statuses as the server, labelled in both languages', () => {
    expect([...BOOKING_KINDS]).toEqual([...SERVER_BOOKING_KINDS]);
    expect([...BOOKING_STATUSES]).toEqual([...SERVER_BOOKING_STATUSES]);
    const dict = (d: Record<string, string>, key: string) => d[key];
    for (const k of SERVER_BOOKING_KINDS) {
      expect(dict(italian, `conf.kind.${k}`)).toBeTruthy();
      expect(dict(english, `conf.kind.${k}`)).toBeTruthy();
    }
    for (const s of SERVER_BOOKING_STATUSES) {
      expect(dict(italian, `conf.status.${s}`)).toBeTruthy();
      expect(dict(english, `conf.status.${s}`)).toBeTruthy();
    }
  });

  it('titles the booking refusals it names with the server’s Italian titles', () => {
    const byCode = new Map(Object.values(conferencingErrors).map((e) => [e.code, e]));
    for (const code of BOOKING_CODES) {
      const server = byCode.get(code);
      expect(server, `server error ${code}`).toBeDefined();
      expect((italian as Record<string, string>)[`conf.error.${code}`]).toBe(server!.title);
      expect((english as Record<string, string>)[`conf.error.${code}`]).toBeTruthy();
    }
  });
});
