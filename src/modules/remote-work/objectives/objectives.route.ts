/**
 * Routes of work by objectives: objectives of an office, a team or a person, with indicators,
 * periods and responsible people; periodic reports; progress; teams.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import type { AppDeps } from '../../../platform/module.js';
import {
  createObjectiveBody,
  createReportBody,
  idParams,
  listObjectivesQuery,
  objectiveDetail,
  objectiveList,
  peopleList,
  peopleQuery,
  team,
  teamBody,
  teamList,
  updateObjectiveBody,
} from './objectives.schemas.js';
import { listObjectives } from './list-objectives.js';
import { showObjective } from './show-objective.js';
import { createObjective } from './create-objective.js';
import { updateObjective } from './update-objective.js';
import { deleteObjective } from './delete-objective.js';
import { createObjectiveReport } from './create-objective-report.js';
import { listObjectivePeople } from './list-objective-people.js';
import { listTeams } from './list-teams.js';
import { createTeam } from './create-team.js';
import { updateTeam } from './update-team.js';
import { deleteTeam } from './delete-team.js';

const TAGS = ['remote-work'];
const BASE = '/remote-work/objectives';
const TEAMS = '/remote-work/teams';

export function objectivesRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const meta = (ip: string) => ({ ip });

  r.get(
    BASE,
    {
      schema: {
        operationId: 'listRemoteWorkObjectives',
        tags: TAGS,
        summary: 'Obiettivi che puoi vedere, con l’avanzamento (personale: tutti; responsabile d’ufficio: i suoi uffici; dipendente: i suoi e dei suoi gruppi)',
        querystring: listObjectivesQuery,
        response: { 200: objectiveList },
      },
    },
    async (req) => listObjectives(deps.db, requireAuth(req), req.query),
  );
  r.post(
    BASE,
    {
      schema: {
        operationId: 'createRemoteWorkObjective',
        tags: TAGS,
        summary: 'Assegna un obiettivo a un ufficio, a un gruppo o a una persona',
        body: createObjectiveBody,
        response: { 201: objectiveDetail },
      },
    },
    async (req, reply) => {
      const o = await createObjective(deps.db, requireAuth(req), req.body, meta(req.ip));
      return reply.code(201).header('location', `/api/v1${BASE}/${o.id}`).send(o);
    },
  );
  r.get(
    `${BASE}/people`,
    {
      schema: {
        operationId: 'listRemoteWorkObjectiveResponsibleCandidates',
        tags: TAGS,
        summary: 'Persone dell’ente che possono essere responsabili di un obiettivo',
        querystring: peopleQuery,
        response: { 200: peopleList },
      },
    },
    async (req) => listObjectivePeople(deps.db, requireAuth(req), req.query.q),
  );
  r.get(
    `${BASE}/:id`,
    {
      schema: {
        operationId: 'showRemoteWorkObjective',
        tags: TAGS,
        summary: 'Un obiettivo con indicatori, resoconti e avanzamento',
        params: idParams,
        response: { 200: objectiveDetail },
      },
    },
    async (req) => showObjective(deps.db, requireAuth(req), req.params.id),
  );
  r.patch(
    `${BASE}/:id`,
    {
      schema: {
        operationId: 'updateRemoteWorkObjective',
        tags: TAGS,
        summary: 'Modifica titolo, descrizione, periodo, indicatori o responsabili di un obiettivo',
        params: idParams,
        body: updateObjectiveBody,
        response: { 200: objectiveDetail },
      },
    },
    async (req) => updateObjective(deps.db, requireAuth(req), req.params.id, req.body, meta(req.ip)),
  );
  r.delete(
    `${BASE}/:id`,
    {
      schema: {
        operationId: 'removeRemoteWorkObjective',
        tags: TAGS,
        summary: 'Elimina un obiettivo con i suoi resoconti',
        params: idParams,
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await deleteObjective(deps.db, requireAuth(req), req.params.id, meta(req.ip));
      return reply.code(204).send(null);
    },
  );
  r.post(
    `${BASE}/:id/reports`,
    {
      schema: {
        operationId: 'createRemoteWorkObjectiveReport',
        tags: TAGS,
        summary: 'Invia un resoconto (solo i responsabili): un valore per indicatore e un commento',
        params: idParams,
        body: createReportBody,
        response: { 201: objectiveDetail },
      },
    },
    async (req, reply) => {
      const o = await createObjectiveReport(deps.db, requireAuth(req), req.params.id, req.body, meta(req.ip));
      return reply.code(201).header('location', `/api/v1${BASE}/${o.id}`).send(o);
    },
  );

  r.get(
    TEAMS,
    { schema: { operationId: 'listRemoteWorkTeams', tags: TAGS, summary: 'Gruppi di lavoro che puoi vedere', response: { 200: teamList } } },
    async (req) => listTeams(deps.db, requireAuth(req)),
  );
  r.post(
    TEAMS,
    {
      schema: { operationId: 'createRemoteWorkTeam', tags: TAGS, summary: 'Crea un gruppo di lavoro (un insieme di dipendenti)', body: teamBody, response: { 201: team } },
    },
    async (req, reply) => {
      const t = await createTeam(deps.db, requireAuth(req), req.body, meta(req.ip));
      return reply.code(201).header('location', `/api/v1${TEAMS}/${t.id}`).send(t);
    },
  );
  r.put(
    `${TEAMS}/:id`,
    {
      schema: {
        operationId: 'replaceRemoteWorkTeam',
        tags: TAGS,
        summary: 'Modifica nome, ufficio e componenti di un gruppo di lavoro',
        params: idParams,
        body: teamBody,
        response: { 200: team },
      },
    },
    async (req) => updateTeam(deps.db, requireAuth(req), req.params.id, req.body, meta(req.ip)),
  );
  r.delete(
    `${TEAMS}/:id`,
    {
      schema: { operationId: 'removeRemoteWorkTeam', tags: TAGS, summary: 'Elimina un gruppo di lavoro senza obiettivi', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteTeam(deps.db, requireAuth(req), req.params.id, meta(req.ip));
      return reply.code(204).send(null);
    },
  );
}
