/** GET /audit-entries, /audit-entries/export, /audit-entries/verification. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/module.js';
import { requireRole } from '../../../platform/auth/context.js';
import { pageOf } from '../../../platform/http/pagination.js';
import { auditExportQuery, auditItem, auditListQuery, auditVerification, auditVerifyQuery } from '../admin.schemas.js';
import { listAuditEntries } from './list-audit-entries.js';
import { exportAuditEntries } from './export-audit-entries.js';
import { verifyAuditChain } from './verify-audit-chain.js';
import { sendDownload } from '../../../platform/http/download.js';

export function auditEntriesRoutes(app: FastifyInstance, deps: AppDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/audit-entries',
    {
      schema: {
        operationId: 'listAuditEntries',
        tags: ['audit'],
        summary: 'Registro delle attività dell’ente, dal più recente',
        querystring: auditListQuery,
        response: { 200: pageOf(auditItem) },
      },
    },
    async (req) => listAuditEntries(deps.db, requireRole(req, 'body_admin'), req.query),
  );

  typed.get(
    '/audit-entries/export',
    {
      schema: {
        operationId: 'exportAuditEntries',
        tags: ['audit'],
        summary: 'Esportazione del registro delle attività in CSV o JSON',
        querystring: auditExportQuery,
        response: {
          200: {
            description: 'Il registro come file da scaricare',
            content: {
              'text/csv': { schema: z.string().describe('CSV con riga di intestazione e BOM UTF-8') },
              'application/json': { schema: z.array(auditItem) },
            },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await exportAuditEntries(deps.db, requireRole(req, 'body_admin'), req.query);
      return sendDownload(reply, { contentType: out.contentType, filename: out.filename, content: out.chunks });
    },
  );

  typed.get(
    '/audit-entries/verification',
    {
      schema: {
        operationId: 'verifyAuditChain',
        tags: ['audit'],
        summary: 'Verifica dell’integrità della catena del registro delle attività',
        querystring: auditVerifyQuery,
        response: { 200: auditVerification },
      },
    },
    async (req) => verifyAuditChain(deps.db, requireRole(req, 'body_admin'), req.query),
  );
}
