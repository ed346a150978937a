/** Zod schemas of the indicators' routes (queries are strict about formats; answers are counts and shares). */
import { z } from 'zod';
import { MAX_PAGE_SIZE } from '../../../platform/http/pagination.js';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const monthParam = z
  .string()
  .regex(MONTH, { error: 'mese nel formato AAAA-MM (es. 2027-01)' })
  .refine((m) => +m.slice(0, 4) >= 2000 && +m.slice(0, 4) <= 2100, { error: 'il mese deve essere tra il 2000 e il 2100' });

export const monthQuery = z.object({ month: monthParam.optional().describe('Mese (AAAA-MM); di norma il mese corrente') });
export const rangeQuery = z.object({
  from: monthParam.optional().describe('Primo mese (AAAA-MM); di norma 11 mesi prima di "to"'),
  to: monthParam.optional().describe('Ultimo mese (AAAA-MM), incluso; di norma il mese corrente'),
});

export const regionParams = z.object({ code: z.string().regex(/^[0-9]{2}$/, { error: 'codice ISTAT della regione: due cifre (es. 09)' }) });
export const provinceParams = z.object({ code: z.string().regex(/^[A-Z]{2}$/, { error: 'sigla della provincia: due lettere maiuscole (es. LU)' }) });

export const bodiesQuery = z.object({
  month: monthParam.optional().describe('Mese (AAAA-MM); di norma il mese corrente'),
  page: z.coerce.number().int().min(1).max(100000).default(1).describe('Pagina, da 1'),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe('Enti per pagina (massimo 100)'),
});

const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const share = z.number().min(0).max(100).nullable();

export const figures = z.object({
  remoteDays: count.describe('Giorni pianificati in lavoro agile'),
  onsiteDays: count.describe('Giorni pianificati in sede'),
  absentDays: count.describe('Giorni di assenza (né in sede né in lavoro agile)'),
  withAgreement: count.describe('Dipendenti con un accordo registrato in vigore in almeno un giorno del periodo'),
  agreementSharePercent: share.describe('Dipendenti con accordo sul personale in servizio, in percentuale (null senza personale)'),
  remoteSharePercent: share.describe('Giorni in lavoro agile sui giorni lavorati (agile + sede), in percentuale (null senza giorni pianificati)'),
});

export const monthFigures = figures.extend({ month: z.string().describe('AAAA-MM') });
export const dayFigures = figures.extend({ day: z.string().describe('AAAA-MM-GG') });

export const officeFigures = figures.extend({
  officeId: z.uuid(),
  code: z.string(),
  name: z.string(),
  headcount: count.describe('Dipendenti in servizio oggi'),
});

const gap = z.number().min(-100).max(100).nullable().describe('Punti percentuali che mancano all’obiettivo (negativo: obiettivo superato)');

export const bodyIndicators = z.object({
  organizationId: z.uuid(),
  organizationName: z.string(),
  month: z.string(),
  headcount: count.describe('Dipendenti in servizio oggi'),
  targetPercent: z.number().min(0).max(100),
  gapPoints: gap,
  targetMet: z.boolean().nullable(),
  summary: figures,
  months: z.array(monthFigures),
  offices: z.array(officeFigures),
  days: z.array(dayFigures),
  refreshedAt: z.string().nullable().describe('Ultimo aggiornamento delle cifre (ISO 8601)'),
});

export const territoryLevel = z.enum(['nation', 'region', 'province']);

export const territoryChild = figures.extend({
  level: z.enum(['region', 'province']),
  code: z.string(),
  name: z.string(),
  bodies: count.describe('Enti con personale'),
  headcount: count,
});

export const territoryIndicators = z.object({
  level: territoryLevel,
  code: z.string(),
  name: z.string(),
  regionCode: z.string().nullable(),
  month: z.string(),
  bodies: count.describe('Enti con personale'),
  bodiesWithFigures: count.describe('Enti con cifre nel mese'),
  headcount: count,
  referencePercent: z.number().min(0).max(100).describe('Obiettivo nazionale di riferimento'),
  summary: figures,
  months: z.array(monthFigures),
  days: z.array(dayFigures),
  children: z.array(territoryChild),
  refreshedAt: z.string().nullable(),
});

export const territoryBody = figures.extend({
  organizationId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  provinceCode: z.string().nullable(),
  headcount: count,
  targetPercent: z.number().min(0).max(100),
  gapPoints: gap,
  targetMet: z.boolean().nullable(),
});

export const territoryBodies = z.object({
  items: z.array(territoryBody),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
  month: z.string(),
  regionCode: z.string(),
  provinceCode: z.string().nullable(),
});

export const target = z.object({
  targetPercent: z.number().min(0).max(100),
  isDefault: z.boolean().describe('true: l’ente non ha fissato un obiettivo e vale il 30%'),
  updatedAt: z.string().nullable(),
});

export const updateTargetBody = z.strictObject({
  targetPercent: z
    .number()
    .min(0, { error: 'l’obiettivo va da 0 a 100' })
    .max(100, { error: 'l’obiettivo va da 0 a 100' })
    .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, { error: 'al massimo due decimali' })
    .describe('Quota di personale in lavoro agile da raggiungere, in percentuale'),
});

export const exportQuery = z.object({
  scope: z.enum(['body', 'nation', 'region', 'province']).default('body').describe('Ente, Italia, regione o provincia'),
  code: z.string().regex(/^([0-9]{2}|[A-Z]{2})$/, { error: 'codice della regione (due cifre) o sigla della provincia' }).optional(),
  table: z.enum(['months', 'days', 'offices', 'children', 'bodies']).default('months').describe('Serie mensile, giornaliera, uffici, territori contenuti o enti'),
  month: monthParam.optional(),
  separator: z.enum(['semicolon', 'comma']).default('semicolon').describe('semicolon: separatore ";" e decimali con la virgola (Excel in italiano)'),
});
