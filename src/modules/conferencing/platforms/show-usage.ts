/**
 * Use case: the usage report of a platform for its operator (provider staff of the operator body)
 * or a platform admin: accepted bookings starting from `from` to `to` (calendar dates in
 * Europe/Rome, both included, at most 366 days), in totals, per month and per body; and the same
 * as CSV for Italian spreadsheets (UTF-8 with BOM, `;` separator, decimal comma, one row per body
 * per month).
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { errors } from '../../../platform/http/errors.js';
import { getOrganizationNames } from '../../organizations/index.js';
import { csvDocument, SPREADSHEET_IT } from '../../../platform/csv.js';
import { addDays, romeStartOfDay } from '../../../platform/calendar/rome.js';
import { conferencingErrors as E } from '../conferencing.errors.js';
import { mayManage } from './update-platform.js';
import { usageReport, type UsageFigures } from './usage.js';
import * as repo from './platforms.repo.js';
import { bookingRepo } from '../bookings/index.js';

export const MAX_USAGE_DAYS = 366;

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export async function showUsage(db: Db, auth: AuthContext, platformId: string, from: string, to: string) {
  const days = daysBetween(from, to) + 1;
  if (days < 1) throw E.usageInvalidRange(`Il periodo va dal ${from} al ${to}: la data finale precede quella iniziale.`);
  if (days > MAX_USAGE_DAYS) throw E.usageRangeTooWide(`Il periodo chiesto è di ${days} giorni: al massimo ${MAX_USAGE_DAYS}.`);
  return db.tx(dbContext(auth), async (tx) => {
    const platform = await repo.selectPlatform(tx, platformId);
    if (!platform) throw E.platformNotFound(`Nessuna piattaforma con identificativo ${platformId}.`);
    if (!mayManage(auth, platform)) throw errors.forbidden('Il rapporto di utilizzo è riservato al gestore della piattaforma.');
    const bookings = await bookingRepo.selectAcceptedStarting(tx, platformId, romeStartOfDay(from), romeStartOfDay(addDays(to, 1)));
    const report = usageReport(bookings, from, to);
    const names = await getOrganizationNames(tx, report.byOrganization.map((o) => o.organizationId));
    const nameOf = (id: string) => names.get(id) ?? '';
    const byName = <T extends { organizationId: string }>(a: T, b: T) => nameOf(a.organizationId).localeCompare(nameOf(b.organizationId), 'it') || a.organizationId.localeCompare(b.organizationId);
    return {
      platformId,
      platformName: platform.name,
      from,
      to,
      capacity: platform.capacity,
      totals: report.totals,
      byMonth: report.byMonth,
      byOrganization: report.byOrganization.sort(byName).map((o) => ({ organizationId: o.organizationId, name: nameOf(o.organizationId), bookings: o.bookings, hours: o.hours, peakConnections: o.peakConnections })),
      byOrganizationMonth: report.byOrganizationMonth
        .sort((a, b) => (a.month === b.month ? byName(a, b) : a.month < b.month ? -1 : 1))
        .map((o) => ({ ...o, name: nameOf(o.organizationId) })),
    };
  });
}

export const USAGE_CSV_HEADER = ['mese', 'ente', 'id_ente', 'prenotazioni', 'ore_prenotate', 'picco_collegamenti_contemporanei'];

/** The report as CSV for Italian spreadsheets: BOM, `;`, decimal comma, CRLF; one row per body per month. */
export function usageCsv(rows: readonly (UsageFigures & { month: string; organizationId: string; name: string })[]): string {
  return csvDocument(USAGE_CSV_HEADER, rows.map((r) => [r.month, r.name, r.organizationId, r.bookings, r.hours, r.peakConnections]), SPREADSHEET_IT);
}
