/**
 * Use case: one table of the indicators as CSV (UTF-8 with BOM, for spreadsheets): a body's
 * months, days or offices; a territory's months, days, regions/provinces or bodies. The same
 * figures as the dashboards, read through the same code and the same access rules. With ";" as
 * separator decimals take a comma (Excel in Italian), with "," a point.
 */
import type { Db } from '../../../platform/db/index.js';
import { dbContext, type AuthContext } from '../../../platform/auth/context.js';
import { indicatorErrors as E } from '../remote-work.errors.js';
import { bodyScope } from './indicator-access.js';
import { currentMonth, type Figures } from './indicator-rules.js';
import { csvDocument, csvFormat, type CsvValue } from '../../../platform/csv.js';
import { readBodyIndicators } from './show-body-indicators.js';
import { readTerritoryIndicators, type TerritoryLevel } from './show-territory-indicators.js';
import { readTerritoryBodies } from './list-territory-body-indicators.js';

export type ExportScope = 'body' | TerritoryLevel;
export type ExportTable = 'months' | 'days' | 'offices' | 'children' | 'bodies';

export interface ExportQuery {
  scope: ExportScope;
  code?: string;
  table: ExportTable;
  month?: string;
  separator: 'semicolon' | 'comma';
}

export interface IndicatorExport {
  filename: string;
  contentType: string;
  body: string;
}

const AVAILABLE: Record<ExportScope, ExportTable[]> = {
  body: ['months', 'days', 'offices'],
  nation: ['months', 'days', 'children'],
  region: ['months', 'days', 'children', 'bodies'],
  province: ['months', 'days', 'bodies'],
};

const FIGURE_HEADERS = [
  'giorni_agile',
  'giorni_sede',
  'giorni_assenza',
  'dipendenti_con_accordo',
  'quota_dipendenti_con_accordo_percento',
  'quota_giorni_agile_percento',
];

/** Text a spreadsheet would run as a formula gets a leading apostrophe. */
export async function exportIndicators(db: Db, auth: AuthContext, q: ExportQuery): Promise<IndicatorExport> {
  if (!AVAILABLE[q.scope].includes(q.table)) {
    throw E.tableNotAvailable(`Per l’ambito "${q.scope}" ci sono le tabelle: ${AVAILABLE[q.scope].join(', ')}.`);
  }
  if ((q.scope === 'region' || q.scope === 'province') && !q.code) {
    throw E.territoryNotFound('Indica il codice della regione (due cifre) o la sigla della provincia in "code".');
  }
  const scope = q.scope === 'body' ? bodyScope(auth) : null;
  const month = q.month ?? currentMonth();
  const fig = (f: Figures): CsvValue[] => [f.remoteDays, f.onsiteDays, f.absentDays, f.withAgreement, f.agreementSharePercent, f.remoteSharePercent];

  const { header, rows, who }: { header: string[]; rows: CsvValue[][]; who: string } = await db.tx(dbContext(auth), async (tx) => {
    if (scope) {
      const b = await readBodyIndicators(tx, scope, month);
      const who = b.organizationId;
      if (q.table === 'months') return { who, header: ['mese', ...FIGURE_HEADERS], rows: b.months.map((m) => [m.month, ...fig(m)]) };
      if (q.table === 'days') return { who, header: ['giorno', ...FIGURE_HEADERS], rows: b.days.map((d) => [d.day, ...fig(d)]) };
      return {
        who,
        header: ['codice_ufficio', 'ufficio', 'dipendenti', ...FIGURE_HEADERS],
        rows: b.offices.map((o) => [{ code: o.code }, o.name, o.headcount, ...fig(o)]),
      };
    }
    const level = q.scope as TerritoryLevel;
    const code = level === 'nation' ? null : q.code!;
    if (q.table === 'bodies') {
      const r = await readTerritoryBodies(tx, auth, level as 'region' | 'province', code!, { month, limit: null, offset: 0 });
      return {
        who: code!,
        header: ['ente', 'tipo', 'provincia', 'dipendenti', 'obiettivo_percento', 'scarto_punti', ...FIGURE_HEADERS],
        rows: r.rows.map((b) => [b.name, b.kind, b.provinceCode === null ? null : { code: b.provinceCode }, b.headcount, b.targetPercent, b.gapPoints, ...fig(b)]),
      };
    }
    const t = await readTerritoryIndicators(tx, level, code, month);
    if (q.table === 'months') return { who: t.code, header: ['mese', ...FIGURE_HEADERS], rows: t.months.map((m) => [m.month, ...fig(m)]) };
    if (q.table === 'days') return { who: t.code, header: ['giorno', ...FIGURE_HEADERS], rows: t.days.map((d) => [d.day, ...fig(d)]) };
    return {
      who: t.code,
      header: [level === 'nation' ? 'regione' : 'provincia', 'codice', 'enti', 'dipendenti', ...FIGURE_HEADERS],
      rows: t.children.map((c) => [c.name, { code: c.code }, c.bodies, c.headcount, ...fig(c)]),
    };
  });
  const body = csvDocument(header, rows, csvFormat(q.separator));
  return {
    filename: `indicatori-lavoro-agile-${q.scope}-${who}-${q.table}-${month}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body,
  };
}
