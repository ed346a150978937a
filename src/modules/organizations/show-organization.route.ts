import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../platform/auth/context.js';
import type { AppDeps } from '../../platform/module.js';
import { idParams, organizationDetail } from './organizations.schemas.js';
import { showOrganization } from './show-organization.js';

export function showOrganizationRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/organizations/:id',
    {
      schema: {
        operationId: 'showOrganization',
        tags: ['organizations'],
        summary: 'Scheda di un ente con i suoi enti superiori',
        params: idParams,
        response: { 200: organizationDetail },
      },
    },
    async (req) => showOrganization(deps.db, requireAuth(req), req.params.id),
  );
}
