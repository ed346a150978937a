/** Routes of personal API tokens: list, create (secret shown once), revoke. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/module.js';
import { requireAuth } from '../../platform/auth/context.js';
import { createApiToken, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS } from './create-api-token.js';
import { listApiTokens } from './list-api-tokens.js';
import { revokeApiToken } from './revoke-api-token.js';

const TAGS = ['auth'];

const iso = (d: Date | string | null): string | null => (d == null ? null : new Date(d).toISOString());

const tokenSchema = z.object({
  id: z.uuid(),
  name: z.string().max(100),
  prefix: z.string().max(20).describe('Inizio del token, per riconoscerlo'),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }).nullable(),
  expiresAt: z.iso.datetime({ offset: true }).nullable(),
});

export const tokensRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (instance, { deps }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  app.get(
    '/auth/tokens',
    {
      schema: {
        operationId: 'listApiTokens',
        tags: TAGS,
        summary: 'I miei token personali per le integrazioni',
        response: { 200: z.object({ items: z.array(tokenSchema).max(1000) }) },
      },
    },
    async (req) => {
      const rows = await listApiTokens(db, requireAuth(req));
      return {
        items: rows.map((r) => ({ id: r.id, name: r.name, prefix: r.prefix, createdAt: iso(r.created_at)!, lastUsedAt: iso(r.last_used_at), expiresAt: iso(r.expires_at) })),
      };
    },
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        operationId: 'createApiToken',
        tags: TAGS,
        summary: 'Crea un token personale (mostrato una sola volta)',
        body: z.strictObject({
          name: z.string().trim().min(1).max(100),
          expiresInDays: z.number().int().min(1).max(TOKEN_MAX_DAYS).meta({ format: 'int32' }).optional().describe(`Durata in giorni (predefinita ${TOKEN_DEFAULT_DAYS}, al massimo ${TOKEN_MAX_DAYS})`),
        }),
        response: { 201: tokenSchema.extend({ token: z.string().max(200).describe('Da usare come Authorization: Bearer …') }) },
      },
    },
    async (req, reply) => {
      const auth = requireAuth(req);
      const t = await createApiToken(db, { userId: auth.userId, name: req.body.name, expiresInDays: req.body.expiresInDays }, { sessionId: auth.sessionId, tokenId: auth.tokenId });
      return reply.code(201).send({ id: t.id, name: t.name, prefix: t.prefix, token: t.token, createdAt: iso(t.createdAt)!, lastUsedAt: null, expiresAt: iso(t.expiresAt) });
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        operationId: 'revokeApiToken',
        tags: TAGS,
        summary: 'Revoca un token personale',
        params: z.object({ id: z.uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await revokeApiToken(db, requireAuth(req), req.params.id);
      return reply.code(204).send(null);
    },
  );
};
