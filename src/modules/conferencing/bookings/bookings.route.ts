/** Routes of the bookings: book, list, show, its invitation (.ics), change, cancel, the operator's decision. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../../platform/http/pagination.js';
import type { AppDeps } from '../../../platform/module.js';
import { booking, bookingListQuery, createBookingBody, updateBookingBody } from './bookings.schemas.js';
import { idParams } from '../conferencing.schemas.js';
import { createBooking } from './create-booking.js';
import { updateBooking } from './update-booking.js';
import { cancelBooking } from './cancel-booking.js';
import { showBooking } from './show-booking.js';
import { listBookings } from './list-bookings.js';
import { decideBooking } from './decide-booking.js';
import { showInvitation } from './show-invitation.js';
import { mailSettingsOf } from './invitation.js';
import { sendDownload } from '../../../platform/http/download.js';

export function bookingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const mail = mailSettingsOf(deps.config);
  r.post(
    '/bookings',
    {
      schema: {
        operationId: 'createBooking',
        tags: ['conferencing'],
        summary: 'Prenota collegamenti su una piattaforma: risposta immediata, mai oltre la capacità',
        body: createBookingBody,
        response: { 201: booking },
      },
    },
    async (req, reply) => {
      const created = await createBooking(deps.db, requireAuth(req), req.body, { ip: req.ip, mail, cacheSeconds: deps.config.PLATFORM_CACHE_SECONDS });
      return reply.code(201).header('location', `/api/v1/bookings/${created.id}`).send(created);
    },
  );
  r.get(
    '/bookings',
    {
      schema: {
        operationId: 'listBookings',
        tags: ['conferencing'],
        summary: 'Prenotazioni visibili (del tuo ente o, per il gestore, delle sue piattaforme), filtrabili per piattaforma, ente, stato, periodo e autore',
        querystring: bookingListQuery.extend(pageQuery),
        response: { 200: pageOf(booking) },
      },
    },
    async (req) => listBookings(deps.db, requireAuth(req), req.query),
  );
  r.get(
    '/bookings/:id',
    {
      schema: { operationId: 'showBooking', tags: ['conferencing'], summary: 'Una prenotazione', params: idParams, response: { 200: booking } },
    },
    async (req) => showBooking(deps.db, requireAuth(req), req.params.id),
  );
  r.get(
    '/bookings/:id/invitation.ics',
    {
      schema: {
        operationId: 'showBookingInvitation',
        tags: ['conferencing'],
        summary: 'L’invito iCalendar della prenotazione (REQUEST; CANCEL se annullata o rifiutata)',
        params: idParams,
        response: {
          200: {
            description: 'Invito iCalendar (RFC 5545), fuso Europe/Rome',
            content: { 'text/calendar': { schema: z.string().max(1000000).describe('VCALENDAR con un VEVENT') } },
          },
        },
      },
    },
    async (req, reply) => {
      const ics = await showInvitation(deps.db, requireAuth(req), req.params.id, { mail });
      return sendDownload(reply, { contentType: `text/calendar; charset=utf-8; method=${ics.method}`, filename: ics.filename, content: ics.content });
    },
  );
  r.patch(
    '/bookings/:id',
    {
      schema: {
        operationId: 'updateBooking',
        tags: ['conferencing'],
        summary: 'Modifica una prenotazione non ancora iniziata (ricontrolla regole e capacità)',
        params: idParams,
        body: updateBookingBody,
        response: { 200: booking },
      },
    },
    async (req) => updateBooking(deps.db, requireAuth(req), req.params.id, req.body, { ip: req.ip, mail }),
  );
  r.delete(
    '/bookings/:id',
    {
      schema: {
        operationId: 'cancelBooking',
        tags: ['conferencing'],
        summary: 'Annulla una prenotazione non ancora iniziata e libera la capacità',
        params: idParams,
        response: { 200: booking },
      },
    },
    async (req) => cancelBooking(deps.db, requireAuth(req), req.params.id, { ip: req.ip, mail }),
  );
  r.post(
    '/bookings/:id/decision',
    {
      schema: {
        operationId: 'decideBooking',
        tags: ['conferencing'],
        summary: 'Il gestore accetta o rifiuta una prenotazione in attesa di approvazione',
        params: idParams,
        body: z.strictObject({ decision: z.enum(['accepted', 'refused']) }),
        response: { 200: booking },
      },
    },
    async (req) => decideBooking(deps.db, requireAuth(req), req.params.id, req.body.decision, { ip: req.ip, mail }),
  );
}
