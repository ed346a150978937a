import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../platform/auth/context.js';
import type { AppDeps } from '../../platform/module.js';
import { idParams, organizationDetail, updateBody } from './organizations.schemas.js';
import { updateOrganization } from './update-organization.js';

export function updateOrganizationRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().patch(
    '/organizations/:id',
    {
      schema: {
        operationId: 'updateOrganization',
        tags: ['organizations'],
        summary: 'Modifica i dati di un ente (amministratori della piattaforma; l’amministratore dell’ente per contatti e patrono)',
        params: idParams,
        body: updateBody,
        response: { 200: organizationDetail },
      },
    },
    async (req) => updateOrganization(deps.db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
}
