/** Schemas shared by the admin routes. */
import { z } from 'zod';
import { pageQuery } from '../../platform/http/pagination.js';
import { romeStartOfDay } from '../../platform/calendar/rome.js';

const MIN_YEAR = 2000;
const MAX_YEAR = 2100;

/** An instant with offset (2026-05-04T10:00:00+02:00) or a day (2026-05-04, midnight in Rome). */
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((v) => (v.length === 10 ? new Date(romeStartOfDay(v)) : new Date(v)))
  .refine((d) => d.getUTCFullYear() >= MIN_YEAR && d.getUTCFullYear() <= MAX_YEAR, { message: `La data deve essere tra il ${MIN_YEAR} e il ${MAX_YEAR}` });

const code = z.string().min(1).max(100).regex(/^[a-z][a-z0-9_.-]*$/, 'Usa lettere minuscole, cifre, punto, trattino o trattino basso');

export const auditFilterQuery = {
  from: instant.optional().describe('Dal momento indicato (incluso): data (giorno, ora di Roma) o data e ora con fuso'),
  to: instant.optional().describe('Fino al momento indicato (escluso)'),
  action: code.optional().describe('Azione, per esempio organization.update'),
  entityType: code.optional().describe('Tipo di oggetto, per esempio organization'),
  actor: z.string().trim().min(1).max(254).optional().describe('E-mail (o parte) o identificativo dell’autore'),
  organizationId: z.uuid().optional().describe('Ente (solo amministratori della piattaforma)'),
};

export const auditListQuery = z.object({ ...auditFilterQuery, ...pageQuery });
export const auditExportQuery = z.object({
  ...auditFilterQuery,
  format: z.enum(['csv', 'json']).default('csv').describe('csv (con BOM UTF-8, per Excel) o json'),
  separator: z.enum(['semicolon', 'comma']).default('semicolon').describe('semicolon (predefinito): separatore ";", per Excel e LibreOffice in italiano; comma: separatore "," per altri programmi'),
});
export const auditVerifyQuery = z.object({ organizationId: auditFilterQuery.organizationId });

const BIG = Number.MAX_SAFE_INTEGER;

export const auditItem = z.object({
  id: z.number().int().min(1).max(BIG),
  seq: z.number().int().min(1).max(BIG),
  at: z.string().describe('Istante (ISO 8601)'),
  actor: z.string().nullable().describe('E-mail dell’autore, "system" o "cli"'),
  actorUserId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().describe('Stato precedente (JSON)'),
  after: z.unknown().describe('Stato successivo (JSON)'),
  prevHash: z.string(),
  hash: z.string(),
});

export const auditVerification = z.object({
  valid: z.boolean(),
  entries: z.number().int().min(0).max(BIG),
  firstBrokenSeq: z.number().int().min(1).max(BIG).optional(),
  problem: z.string().optional(),
});

export const outboxSummary = z.object({
  id: z.string().max(200),
  date: z.string().nullable(),
  to: z.string(),
  subject: z.string(),
  size: z.number().int().min(0).max(BIG),
});

export const outboxMessage = z.object({
  id: z.string().max(200),
  size: z.number().int().min(0).max(BIG),
  headers: z.array(z.object({ name: z.string(), value: z.string() })).max(500),
  text: z.string().nullable(),
  html: z.string().nullable(),
  attachments: z.array(z.object({ filename: z.string().nullable(), contentType: z.string(), size: z.number().int().min(0).max(BIG) })).max(200),
});

export const jobStatus = z.enum(['queued', 'running', 'done', 'failed']);

export const jobsOverview = z.object({
  counts: z.object({
    queued: z.number().int().min(0).max(BIG),
    running: z.number().int().min(0).max(BIG),
    done: z.number().int().min(0).max(BIG),
    failed: z.number().int().min(0).max(BIG),
  }),
  status: jobStatus,
  items: z.array(
    z.object({
      id: z.number().int().min(1).max(BIG),
      type: z.string(),
      status: jobStatus,
      attempts: z.number().int().min(0).max(1000),
      maxAttempts: z.number().int().min(1).max(1000),
      runAt: z.string(),
      createdAt: z.string(),
      finishedAt: z.string().nullable(),
      lastError: z.string().nullable(),
    }),
  ).max(100),
  schedules: z.array(
    z.object({ name: z.string(), spec: z.string(), jobType: z.string(), enabled: z.boolean(), nextRunAt: z.string(), lastRunAt: z.string().nullable() }),
  ).max(200),
});
