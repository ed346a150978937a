/** Routes of the platforms: register, catalogue, one platform, availability. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth, requireRole } from '../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../platform/http/pagination.js';
import type { AppDeps } from '../../app.js';
import { availabilityQuery, availabilitySegment, createPlatformBody, idParams, platform } from './conferencing.schemas.js';
import { createPlatform } from './create-platform.js';
import { listPlatforms } from './list-platforms.js';
import { showPlatform } from './show-platform.js';
import { showAvailability } from './show-availability.js';

export function platformRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/conference-platforms',
    {
      schema: {
        operationId: 'createConferencePlatform',
        tags: ['conferencing'],
        summary: 'Registra una piattaforma di videoconferenza condivisa (gestore: fornitore o associazione)',
        body: createPlatformBody,
        response: { 201: platform },
      },
    },
    async (req, reply) => {
      const auth = requireRole(req, 'provider_staff');
      const created = await createPlatform(deps.db, auth, req.body, { ip: req.ip });
      return reply.code(201).header('location', `/api/v1/conference-platforms/${created.id}`).send(created);
    },
  );
  r.get(
    '/conference-platforms',
    {
      schema: {
        operationId: 'listConferencePlatforms',
        tags: ['conferencing'],
        summary: 'Elenco delle piattaforme di videoconferenza',
        querystring: z.object({ ...pageQuery }),
        response: { 200: pageOf(platform) },
      },
    },
    async (req) => listPlatforms(deps.db, requireAuth(req), req.query),
  );
  r.get(
    '/conference-platforms/:id',
    {
      schema: {
        operationId: 'showConferencePlatform',
        tags: ['conferencing'],
        summary: 'Scheda di una piattaforma con le sue regole di prenotazione',
        params: idParams,
        response: { 200: platform },
      },
    },
    async (req) => showPlatform(deps.db, requireAuth(req), req.params.id),
  );
  r.get(
    '/conference-platforms/:id/availability',
    {
      schema: {
        operationId: 'showConferencePlatformAvailability',
        tags: ['conferencing'],
        summary: 'Capacità usata e libera di una piattaforma in un intervallo (al massimo 62 giorni)',
        params: idParams,
        querystring: availabilityQuery,
        response: { 200: z.array(availabilitySegment) },
      },
    },
    async (req) => showAvailability(deps.db, requireAuth(req), req.params.id, Date.parse(req.query.from), Date.parse(req.query.to)),
  );
}
