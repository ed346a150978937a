import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import type { AppDeps } from '../../platform/module.js';
import { idParams, organizationLink } from './organizations.schemas.js';
import { listOrganizationChildren } from './list-organization-children.js';

export function listOrganizationChildrenRoute(app: FastifyInstance, deps: AppDeps) {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/organizations/:id/children',
    {
      schema: {
        operationId: 'listOrganizationChildren',
        tags: ['organizations'],
        summary: 'Enti che fanno parte di un ente o vi aderiscono (comuni di una provincia, di un’unione)',
        params: idParams,
        querystring: z.object({ ...pageQuery }),
        response: { 200: pageOf(organizationLink) },
      },
    },
    async (req) => listOrganizationChildren(deps.db, requireAuth(req), req.params.id, req.query),
  );
}
