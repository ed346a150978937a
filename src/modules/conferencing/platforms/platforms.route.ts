/** Routes of the platforms: register, catalogue, one platform, change, archive, availability, usage report. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth, requireRole } from '../../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../../platform/http/pagination.js';
import type { AppDeps } from '../../../platform/module.js';
import { archivedPlatform, archivePlatformQuery, availabilityQuery, availabilitySegment, createPlatformBody, platform, updatePlatformBody, usage, usageQuery } from './platforms.schemas.js';
import { idParams } from '../conferencing.schemas.js';
import { createPlatform } from './create-platform.js';
import { listPlatforms } from './list-platforms.js';
import { showPlatform } from './show-platform.js';
import { showAvailability } from '../bookings/index.js';
import { updatePlatform } from './update-platform.js';
import { archivePlatform } from './archive-platform.js';
import { showUsage, usageCsv } from './show-usage.js';
import { mailSettingsOf } from '../bookings/index.js';
import { sendDownload } from '../../../platform/http/download.js';

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
        querystring: z.object({
          includeArchived: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true')
            .describe('true: anche le piattaforme dismesse'),
          ...pageQuery,
        }),
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
  r.patch(
    '/conference-platforms/:id',
    {
      schema: {
        operationId: 'updateConferencePlatform',
        tags: ['conferencing'],
        summary: 'Modifica una piattaforma (gestore o amministratore); una capacità sotto le prenotazioni già fatte è rifiutata',
        params: idParams,
        body: updatePlatformBody,
        response: { 200: platform },
      },
    },
    async (req) => updatePlatform(deps.db, requireRole(req, 'provider_staff'), req.params.id, req.body, { ip: req.ip }),
  );
  r.delete(
    '/conference-platforms/:id',
    {
      schema: {
        operationId: 'archiveConferencePlatform',
        tags: ['conferencing'],
        summary: 'Dismette una piattaforma: niente nuove prenotazioni; quelle future si annullano solo con cancelBookings=true',
        params: idParams,
        querystring: archivePlatformQuery,
        response: { 200: archivedPlatform },
      },
    },
    async (req) =>
      archivePlatform(deps.db, requireRole(req, 'provider_staff'), req.params.id, {
        cancelBookings: req.query.cancelBookings,
        ip: req.ip,
        mail: mailSettingsOf(deps.config),
      }),
  );
  r.get(
    '/conference-platforms/:id/usage',
    {
      schema: {
        operationId: 'showConferencePlatformUsage',
        tags: ['conferencing'],
        summary: 'Utilizzo di una piattaforma (gestore): prenotazioni accettate, ore, picco di collegamenti, per mese e per ente',
        params: idParams,
        querystring: usageQuery,
        response: { 200: usage },
      },
    },
    async (req) => {
      const u = await showUsage(deps.db, requireAuth(req), req.params.id, req.query.from, req.query.to);
      return { platformId: u.platformId, from: u.from, to: u.to, capacity: u.capacity, totals: u.totals, byMonth: u.byMonth, byOrganization: u.byOrganization };
    },
  );
  r.get(
    '/conference-platforms/:id/usage.csv',
    {
      schema: {
        operationId: 'exportConferencePlatformUsage',
        tags: ['conferencing'],
        summary: 'Utilizzo di una piattaforma in CSV per fogli di calcolo in italiano: una riga per ente e per mese',
        params: idParams,
        querystring: usageQuery,
        response: {
          200: {
            description: 'Il rapporto come file CSV (UTF-8 con BOM, separatore punto e virgola, virgola decimale)',
            content: { 'text/csv': { schema: z.string().max(100000000).describe('CSV con riga di intestazione in italiano') } },
          },
        },
      },
    },
    async (req, reply) => {
      const u = await showUsage(deps.db, requireAuth(req), req.params.id, req.query.from, req.query.to);
      return sendDownload(reply, {
        contentType: 'text/csv; charset=utf-8',
        filename: `utilizzo-videoconferenze-${u.from}-${u.to}.csv`,
        content: usageCsv(u.byOrganizationMonth),
      });
    },
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
