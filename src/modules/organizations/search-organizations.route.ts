import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import type { AppDeps } from '../../platform/module.js';
import { organizationKind, organizationSummary } from './organizations.schemas.js';
import { searchOrganizations } from './search-organizations.js';

export function searchOrganizationsRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/organizations',
    {
      schema: {
        operationId: 'searchOrganizations',
        tags: ['organizations'],
        summary: 'Cerca negli enti pubblici per nome (con o senza accenti) o codice ISTAT, IPA, sigla',
        querystring: z.object({
          q: z.string().max(100).optional().describe('Testo: nome, codice ISTAT, codice IPA o sigla della provincia'),
          kind: organizationKind.optional(),
          regionCode: z.string().regex(/^\d{2}$/, { error: 'codice ISTAT della regione: 2 cifre' }).optional().describe('Codice ISTAT della regione'),
          provinceCode: z.string().regex(/^[A-Za-z]{2}$/, { error: 'sigla della provincia: 2 lettere' }).optional().describe('Sigla della provincia'),
          ...pageQuery,
        }),
        response: { 200: pageOf(organizationSummary) },
      },
    },
    async (req) => searchOrganizations(deps.db, requireAuth(req), req.query, { cacheSeconds: deps.config.DIRECTORY_CACHE_SECONDS }),
  );
}
