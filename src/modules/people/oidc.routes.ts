/** Routes of SPID/CIE sign-in: /auth/oidc/login (to the provider) and /auth/oidc/callback. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/module.js';
import { authErrors } from '../../platform/auth/auth.errors.js';
import { OidcRelyingParty, oidcConfigured } from './oidc-client.js';
import { beginOidcSignIn, completeOidcSignIn } from './oidc-sign-in.js';
import { setSessionCookie } from '../../platform/auth/plugin.js';

const TAGS = ['auth'];

export const oidcRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (instance, { deps }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const rp = new OidcRelyingParty(config);
  const ensure = () => {
    if (!oidcConfigured(config)) throw authErrors.oidcNotConfigured();
  };

  app.get(
    '/auth/oidc/login',
    {
      schema: {
        operationId: 'startOidcSignIn',
        tags: TAGS,
        summary: 'Accesso con SPID/CIE: reindirizza al fornitore di identità',
        security: [],
        response: { 302: z.null().describe('Verso il fornitore di identità') },
      },
    },
    async (_req, reply) => {
      ensure();
      const url = await beginOidcSignIn(db, rp);
      return reply.redirect(url, 302);
    },
  );

  app.get(
    '/auth/oidc/callback',
    {
      schema: {
        operationId: 'completeOidcSignIn',
        tags: TAGS,
        summary: 'Ritorno dal fornitore di identità: apre la sessione',
        security: [],
        querystring: z.object({
          code: z.string().max(2000).optional(),
          state: z.string().max(200).optional(),
          iss: z.string().max(500).optional(),
          error: z.string().max(200).optional(),
          error_description: z.string().max(2000).optional(),
          session_state: z.string().max(500).optional(),
        }),
        response: { 302: z.null().describe('Verso la pagina iniziale, con il cookie di sessione') },
      },
    },
    async (req, reply) => {
      ensure();
      if (req.query.error) throw authErrors.oidcFailed(req.query.error_description ?? req.query.error);
      const url = new URL(req.url, config.publicUrl);
      const started = await completeOidcSignIn(db, rp, url, {
        ip: req.ip,
        userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
      });
      setSessionCookie(reply, config, started.token);
      return reply.redirect('/', 302);
    },
  );
};
