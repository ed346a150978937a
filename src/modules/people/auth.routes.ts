/** Routes of sign-in and sessions: /auth/login, /auth/session, /auth/logout(-all), switch, password reset. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/module.js';
import { requireAuth } from '../../platform/auth/context.js';
import { emailSchema, passwordSchema, sessionSchema } from './auth.schemas.js';
import { login } from './login.js';
import { logout, logoutAll } from './logout.js';
import { showSession } from './show-session.js';
import { switchOrganization } from './switch-organization.js';
import { requestPasswordReset } from './request-password-reset.js';
import { confirmPasswordReset } from './confirm-password-reset.js';
import { changePassword } from './change-password.js';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/plugin.js';

const TAGS = ['auth'];

export const authRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (instance, { deps }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db, config } = deps;
  const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
    ip: req.ip,
    userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
  });

  app.post(
    '/auth/login',
    {
      config: { csrf: false },
      schema: {
        operationId: 'createSession',
        tags: TAGS,
        summary: 'Accesso con e-mail e password',
        description: 'Imposta il cookie di sessione agilepa_session. Dopo 5 tentativi falliti in 15 minuti risponde 429.',
        security: [],
        body: z.strictObject({ email: emailSchema, password: passwordSchema }),
        response: { 200: sessionSchema },
      },
    },
    async (req, reply) => {
      const started = await login(db, req.body, client(req));
      setSessionCookie(reply, config, started.token);
      return started.view;
    },
  );

  app.get(
    '/auth/session',
    { schema: { operationId: 'showSession', tags: TAGS, summary: 'La sessione corrente: utente, ente, ruoli, appartenenze', response: { 200: sessionSchema } } },
    async (req) => showSession(db, requireAuth(req)),
  );

  app.post(
    '/auth/logout',
    { schema: { operationId: 'removeSession', tags: TAGS, summary: 'Esce da questa sessione', response: { 204: z.null() } } },
    async (req, reply) => {
      await logout(db, requireAuth(req));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/logout-all',
    { schema: { operationId: 'removeAllSessions', tags: TAGS, summary: 'Esce da tutte le sessioni dell’utente', response: { 204: z.null() } } },
    async (req, reply) => {
      await logoutAll(db, requireAuth(req));
      clearSessionCookie(reply, config);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/switch-organization',
    {
      schema: {
        operationId: 'switchSessionOrganization',
        tags: TAGS,
        summary: 'Cambia l’ente per cui si opera',
        body: z.strictObject({ organizationId: z.uuid() }),
        response: { 200: sessionSchema },
      },
    },
    async (req) => switchOrganization(db, requireAuth(req), req.body.organizationId),
  );

  app.put(
    '/auth/password',
    {
      schema: {
        operationId: 'replaceOwnPassword',
        tags: TAGS,
        summary: 'Cambia la propria password (serve quella attuale)',
        description:
          'La nuova password deve avere almeno 12 caratteri; le altre sessioni aperte vengono chiuse, questa resta. Con signOutEverywhere finiscono anche tutti i token API della persona.',
        body: z.strictObject({ currentPassword: passwordSchema, newPassword: passwordSchema, signOutEverywhere: z.boolean().optional().describe('true: revoca anche i token API') }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await changePassword(db, requireAuth(req), req.body, req.ip);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/auth/password-reset',
    {
      config: { csrf: false },
      schema: {
        operationId: 'requestPasswordReset',
        tags: TAGS,
        summary: 'Chiede il collegamento per reimpostare la password',
        description: 'Risponde sempre 202, che l’indirizzo esista o no; il collegamento vale un’ora e una sola volta.',
        security: [],
        body: z.strictObject({ email: emailSchema }),
        response: { 202: z.object({ status: z.literal('accepted') }) },
      },
    },
    async (req, reply) => {
      const { delivery } = await requestPasswordReset({ db, mailer: deps.mailer, publicUrl: config.publicUrl }, req.body.email);
      delivery.catch((err) => req.log.error({ err }, 'password reset mail not sent'));
      return reply.code(202).send({ status: 'accepted' as const });
    },
  );

  app.post(
    '/auth/password-reset/confirm',
    {
      config: { csrf: false },
      schema: {
        operationId: 'confirmPasswordReset',
        tags: TAGS,
        summary: 'Imposta la nuova password con il collegamento ricevuto',
        description: 'La password deve avere almeno 12 caratteri; tutte le sessioni aperte vengono chiuse.',
        security: [],
        body: z.strictObject({ token: z.string().min(10).max(200), password: passwordSchema }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await confirmPasswordReset(db, req.body);
      return reply.code(204).send(null);
    },
  );
};
