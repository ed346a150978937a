import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireRole } from '../../platform/auth/context.js';
import type { AppDeps } from '../../platform/module.js';
import { createBody, organizationDetail } from './organizations.schemas.js';
import { createOrganization } from './create-organization.js';

export function createOrganizationRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/organizations',
    {
      schema: {
        operationId: 'createOrganization',
        tags: ['organizations'],
        summary: 'Aggiunge un ente che non è nell’elenco ufficiale (unione, comunità montana, ministero, fornitore, associazione)',
        body: createBody,
        response: { 201: organizationDetail },
      },
    },
    async (req, reply) => {
      const auth = requireRole(req, 'provider_staff');
      const created = await createOrganization(deps.db, auth, req.body, { ip: req.ip });
      return reply.code(201).header('location', `/api/v1/organizations/${created.id}`).send(created);
    },
  );
}
