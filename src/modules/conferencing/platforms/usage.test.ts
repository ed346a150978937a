import { describe, expect, it } from 'vitest';
import { romeMonth } from '../../../platform/calendar/rome.js';
import { figuresOf, usageReport, type UsageBooking } from './usage.js';
import { usageCsv, USAGE_CSV_HEADER } from './show-usage.js';
import { isInside } from './platform-access.js';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const at = (iso: string) => Date.parse(iso);
const bk = (org: string, start: string, end: string, connections: number): UsageBooking => ({ organizationId: org, start: at(start), end: at(end), connections });

describe('usage report (pure)', () => {
  it('counts bookings, hours to 2 decimals and the peak of simultaneous connections', () => {
    expect(figuresOf([])).toEqual({ bookings: 0, hours: 0, peakConnections: 0 });
    const f = figuresOf([
      bk(A, '2027-01-12T09:00:00+01:00', '2027-01-12T11:00:00+01:00', 30),
      bk(B, '2027-01-12T10:00:00+01:00', '2027-01-12T10:20:00+01:00', 50), // overlaps: 80
      bk(A, '2027-01-12T11:00:00+01:00', '2027-01-12T12:00:00+01:00', 70), // touches the first: never with it
    ]);
    expect(f).toEqual({ bookings: 3, hours: 3.33, peakConnections: 80 });
  });

  it('puts a booking in the Rome month it starts in, lists every month of the period and each body', () => {
    const list = [
      // 31 January 23:30 in Rome is already 22:30Z: January, not February
      bk(A, '2027-01-31T23:30:00+01:00', '2027-02-01T00:30:00+01:00', 10),
      // 1 March 00:15 in Rome is 28 February 23:15Z: March
      bk(B, '2027-03-01T00:15:00+01:00', '2027-03-01T01:15:00+01:00', 20),
      bk(A, '2027-03-10T10:00:00+01:00', '2027-03-10T11:30:00+01:00', 5),
    ];
    expect(romeMonth(list[0].start)).toBe('2027-01');
    expect(romeMonth(list[1].start)).toBe('2027-03');
    const r = usageReport(list, '2027-01-15', '2027-04-02');
    expect(r.byMonth).toEqual([
      { month: '2027-01', bookings: 1, hours: 1, peakConnections: 10 },
      { month: '2027-02', bookings: 0, hours: 0, peakConnections: 0 },
      { month: '2027-03', bookings: 2, hours: 2.5, peakConnections: 20 },
      { month: '2027-04', bookings: 0, hours: 0, peakConnections: 0 },
    ]);
    expect(r.totals).toEqual({ bookings: 3, hours: 3.5, peakConnections: 20 });
    expect(r.byOrganization.sort((x, y) => x.organizationId.localeCompare(y.organizationId))).toEqual([
      { organizationId: A, bookings: 2, hours: 2.5, peakConnections: 10 },
      { organizationId: B, bookings: 1, hours: 1, peakConnections: 20 },
    ]);
    expect(r.byOrganizationMonth).toEqual([
      { month: '2027-01', organizationId: A, bookings: 1, hours: 1, peakConnections: 10 },
      { month: '2027-03', organizationId: A, bookings: 1, hours: 1.5, peakConnections: 5 },
      { month: '2027-03', organizationId: B, bookings: 1, hours: 1, peakConnections: 20 },
    ]);
  });

  it('writes CSV for Italian spreadsheets: BOM, semicolons, decimal comma, quoting, no formulas', () => {
    const csv = usageCsv([
      { month: '2027-01', organizationId: A, name: 'Comune di Agliè; Unione "Alto Canavese"', bookings: 2, hours: 12.5, peakConnections: 40 },
      { month: '2027-02', organizationId: B, name: '=HYPERLINK("x")', bookings: 1, hours: 3, peakConnections: 5 },
    ]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(USAGE_CSV_HEADER.join(';'));
    expect(lines[1]).toBe(`2027-01;"Comune di Agliè; Unione ""Alto Canavese""";${A};2;12,5;40`);
    expect(lines[2]).toBe(`2027-02;"'=HYPERLINK(""x"")";${B};1;3;5`);
    expect(lines[3]).toBe('');
  });
});

describe('territory (pure)', () => {
  const piemonte = { id: 'r01', kind: 'region', regionCode: '01', provinceCode: null };
  const torino = { id: 'pTO', kind: 'metropolitan_city', regionCode: '01', provinceCode: 'TO' };
  const aglie = { id: 'm1', kind: 'municipality', regionCode: '01', provinceCode: 'TO' };
  const alessandria = { id: 'm2', kind: 'municipality', regionCode: '01', provinceCode: 'AL' };
  const lucca = { id: 'm3', kind: 'municipality', regionCode: '09', provinceCode: 'LU' };
  const noPlace = { id: 'x', kind: 'provider', regionCode: null, provinceCode: null };
  it('puts a body inside its region and its province, and nowhere else', () => {
    expect(isInside(piemonte, aglie)).toBe(true);
    expect(isInside(piemonte, alessandria)).toBe(true);
    expect(isInside(piemonte, torino)).toBe(true);
    expect(isInside(piemonte, piemonte)).toBe(true);
    expect(isInside(piemonte, lucca)).toBe(false);
    expect(isInside(piemonte, noPlace)).toBe(false);
    expect(isInside(torino, aglie)).toBe(true);
    expect(isInside(torino, alessandria)).toBe(false);
    expect(isInside(torino, piemonte)).toBe(false);
    expect(isInside({ ...torino, provinceCode: null }, { ...noPlace, id: 'y' })).toBe(false);
    expect(isInside(aglie, { ...aglie, id: 'other' })).toBe(false); // a municipality is no territory
  });
});
