/** GET /jobs: background jobs at a glance (platform administrators). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/module.js';
import { requireRole } from '../../../platform/auth/context.js';
import { jobStatus, jobsOverview } from '../admin.schemas.js';
import { summarizeJobs } from './summarize-jobs.js';

export function jobsRoutes(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/jobs',
    {
      schema: {
        operationId: 'summarizeJobs',
        tags: ['jobs'],
        summary: 'Lavori in background: conteggi per stato, ultimi lavori di uno stato, pianificazioni',
        querystring: z.object({
          status: jobStatus.default('failed').describe('Stato dei lavori elencati (predefinito: failed)'),
          limit: z.coerce.number().int().min(1).max(100).default(20).describe('Quanti lavori elencare'),
        }),
        response: { 200: jobsOverview },
      },
    },
    async (req) => summarizeJobs(deps.db, requireRole(req, 'platform_admin'), req.query),
  );
}
