/** Routes of a body's people: /organizations/{id}/members (body admins of that body, platform admins). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/module.js';
import { offsetOf, pageOf, pageQuery } from '../../platform/http/pagination.js';
import { ROLES, requireAuth } from '../../platform/auth/context.js';
import { actorOf } from '../../platform/auth/actor.js';
import { emailSchema, roleSchema } from './auth.schemas.js';
import { addMember } from './add-member.js';
import { listMembers } from './list-members.js';
import { removeMember } from './remove-member.js';
import { updateMember } from './update-member.js';
import { PASSWORD_MAX } from './passwords.js';

const TAGS = ['people'];

const memberSchema = z.object({
  userId: z.uuid(),
  email: z.string().max(254),
  displayName: z.string().max(200),
  disabled: z.boolean(),
  roles: z.array(roleSchema).max(ROLES.length),
  since: z.iso.datetime({ offset: true }),
});

const rolesSchema = z.array(roleSchema).min(1).max(ROLES.length);
const orgParams = z.object({ id: z.uuid() });
const memberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export const membersRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (instance, { deps }) => {
  const app = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  app.get(
    '/organizations/:id/members',
    {
      schema: {
        operationId: 'listOrganizationMembers',
        tags: TAGS,
        summary: 'Le persone dell’ente e i loro ruoli',
        params: orgParams,
        querystring: z.object(pageQuery),
        response: { 200: pageOf(memberSchema) },
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const r = await listMembers(db, actorOf(requireAuth(req), req.ip), req.params.id, { limit: pageSize, offset: offsetOf(req.query) });
      return { items: r.items, page, pageSize, total: r.total };
    },
  );

  app.post(
    '/organizations/:id/members',
    {
      schema: {
        operationId: 'createOrganizationMember',
        tags: TAGS,
        summary: 'Aggiunge una persona all’ente (crea l’utente o collega quello esistente)',
        params: orgParams,
        body: z.strictObject({
          email: emailSchema,
          displayName: z.string().trim().min(1).max(200),
          roles: rolesSchema,
          password: z.string().min(1).max(PASSWORD_MAX).optional(),
          taxCode: z.string().trim().min(16).max(22).optional(),
        }),
        response: { 201: memberSchema.extend({ created: z.boolean().describe('true: nuovo utente; false: utente esistente collegato') }) },
      },
    },
    async (req, reply) => {
      const r = await addMember(db, actorOf(requireAuth(req), req.ip), req.params.id, req.body);
      return reply.code(201).send({ ...r.member, created: r.created });
    },
  );

  app.patch(
    '/organizations/:id/members/:userId',
    {
      schema: {
        operationId: 'updateOrganizationMember',
        tags: TAGS,
        summary: 'Cambia i ruoli di una persona nell’ente, o ne disattiva (riattiva) l’account',
        description:
          'Un account disattivato non accede più: le sue sessioni si chiudono subito e i suoi token smettono di funzionare. ' +
          'L’amministratore dell’ente disattiva solo le persone che appartengono soltanto al suo ente.',
        params: memberParams,
        body: z
          .strictObject({ roles: rolesSchema.optional(), disabled: z.boolean().optional().describe('true: account disattivato') })
          .refine((b) => b.roles !== undefined || b.disabled !== undefined, { error: 'indica i ruoli o lo stato dell’account' }),
        response: { 200: memberSchema },
      },
    },
    async (req) => {
      const actor = actorOf(requireAuth(req), req.ip);
      return updateMember(db, actor, req.params.id, req.params.userId, req.body);
    },
  );

  app.delete(
    '/organizations/:id/members/:userId',
    {
      schema: {
        operationId: 'removeOrganizationMember',
        tags: TAGS,
        summary: 'Toglie una persona dall’ente',
        params: memberParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeMember(db, actorOf(requireAuth(req), req.ip), req.params.id, req.params.userId);
      return reply.code(204).send(null);
    },
  );
};
