/** Routes of the video systems: a platform's video settings (operator) and a booking's meeting links. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { requireAuth } from '../../../platform/auth/context.js';
import type { AppDeps } from '../../../platform/module.js';
import { idParams } from '../conferencing.schemas.js';
import { bookingLinks, platformVideo, platformVideoBody } from './video.schemas.js';
import { showPlatformVideo, updatePlatformVideo } from './video-settings.js';
import { showBookingLinks } from './show-booking-links.js';

export function videoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.put(
    '/conference-platforms/:id/video',
    {
      schema: {
        operationId: 'replaceConferencePlatformVideo',
        tags: ['conferencing'],
        summary: 'Imposta il sistema video della piattaforma (Jitsi o BigBlueButton) e i suoi segreti, che non vengono mai restituiti',
        params: idParams,
        body: platformVideoBody,
        response: { 200: platformVideo },
      },
    },
    async (req) => updatePlatformVideo(deps.db, requireAuth(req), req.params.id, req.body, { ip: req.ip }),
  );
  r.get(
    '/conference-platforms/:id/video',
    {
      schema: {
        operationId: 'showConferencePlatformVideo',
        tags: ['conferencing'],
        summary: 'Il sistema video della piattaforma, senza i segreti (solo per il gestore)',
        params: idParams,
        response: { 200: platformVideo },
      },
    },
    async (req) => showPlatformVideo(deps.db, requireAuth(req), req.params.id),
  );
  r.get(
    '/bookings/:id/links',
    {
      schema: {
        operationId: 'showBookingLinks',
        tags: ['conferencing'],
        summary: 'I collegamenti alla riunione: per i partecipanti e, per l’ente che ha prenotato, per l’organizzatore (moderatore)',
        params: idParams,
        response: { 200: bookingLinks },
      },
    },
    async (req) => showBookingLinks(deps.db, requireAuth(req), req.params.id),
  );
}
