/**
 * Jitsi's room reservation API (Prosody `mod_reservations`, `reservations_api_prefix` =
 * `<public URL>/api/v1/integrations/jitsi`). Its own plugin, so that the form body parser and the
 * `message` member on every problem (what Prosody shows the participant) stay on these routes.
 */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import { problemErrorHandler } from '../../../platform/http/problem.js';
import type { AppDeps } from '../../../platform/module.js';
import { idParams } from '../conferencing.schemas.js';
import { jitsiConference, jitsiConferenceBody } from './video.schemas.js';
import { closeJitsiConference, reserveJitsiConference, showJitsiConference } from './jitsi-reservation.js';

const FORM_LIMIT = 16 * 1024;
const SECURITY = [{ bearer: [] }];

export const integrationRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // Prosody reads `message` from the JSON of a refusal: every problem of these routes carries it.
  app.setErrorHandler(problemErrorHandler((e) => ({ message: e.detail ?? e.title })));
  // Prosody posts application/x-www-form-urlencoded (as Jicofo did); JSON is accepted as well.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: FORM_LIMIT }, (_req, body, done) => {
    done(null, Object.fromEntries(new URLSearchParams(body as string)));
  });
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/integrations/jitsi/conference',
    {
      schema: {
        operationId: 'createJitsiConference',
        tags: ['integrations'],
        summary: 'Prosody (Jitsi) chiede di aprire una stanza: si apre solo dentro una prenotazione accettata, fino alla sua fine, per i collegamenti prenotati',
        description:
          'API di prenotazione delle stanze di Jitsi (modulo reservations di Prosody). Autenticazione: token API di una persona del personale del gestore ' +
          '(reservations_api_headers). Gli errori sono problem+json con il membro `message`, che Prosody mostra al partecipante.',
        security: SECURITY,
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        body: jitsiConferenceBody,
        response: { 200: jitsiConference },
      },
    },
    async (req) => reserveJitsiConference(deps.db, requireAuth(req), req.body),
  );
  r.get(
    '/integrations/jitsi/conference/:id',
    {
      schema: {
        operationId: 'showJitsiConference',
        tags: ['integrations'],
        summary: 'Prosody (Jitsi) rilegge una conferenza: la stessa risposta dell’apertura, se la prenotazione è in corso',
        security: SECURITY,
        params: idParams,
        response: { 200: jitsiConference },
      },
    },
    async (req) => showJitsiConference(deps.db, requireAuth(req), req.params.id),
  );
  r.delete(
    '/integrations/jitsi/conference/:id',
    {
      schema: {
        operationId: 'closeJitsiConference',
        tags: ['integrations'],
        summary: 'Prosody (Jitsi) comunica che la stanza è stata chiusa: presa d’atto, nulla da cancellare',
        security: SECURITY,
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await closeJitsiConference(deps.db, requireAuth(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
