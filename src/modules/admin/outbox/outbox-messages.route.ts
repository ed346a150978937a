/** GET /outbox-messages and /outbox-messages/{id}: the mail that went to the outbox folder. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../../platform/module.js';
import { requireRole } from '../../../platform/auth/context.js';
import { pageOf, pageQuery } from '../../../platform/http/pagination.js';
import { outboxMessage, outboxSummary } from '../admin.schemas.js';
import { listOutboxMessages } from './list-outbox-messages.js';
import { showOutboxMessage } from './show-outbox-message.js';

export function outboxMessagesRoutes(app: FastifyInstance, deps: AppDeps) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  typed.get(
    '/outbox-messages',
    {
      schema: {
        operationId: 'listOutboxMessages',
        tags: ['outbox'],
        summary: 'Posta in uscita (senza SMTP), dal messaggio più recente',
        querystring: z.object(pageQuery),
        response: { 200: pageOf(outboxSummary) },
      },
    },
    async (req) => listOutboxMessages(deps.config, requireRole(req, 'platform_admin'), req.query),
  );
  typed.get(
    '/outbox-messages/:id',
    {
      schema: {
        operationId: 'showOutboxMessage',
        tags: ['outbox'],
        summary: 'Un messaggio della posta in uscita: intestazioni e testo',
        params: z.object({ id: z.string().min(1).max(300).describe('Nome del file .eml') }),
        response: { 200: outboxMessage },
      },
    },
    async (req) => showOutboxMessage(deps.config, requireRole(req, 'platform_admin'), req.params.id),
  );
}
