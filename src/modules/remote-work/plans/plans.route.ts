/** Routes of the planner's area: plan runs, the month grid, pins, swaps, the employee's calendar and feed. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import { pageOf } from '../../../platform/http/pagination.js';
import type { AppDeps } from '../../../platform/module.js';
import {
  createPlanBody, feedCreated, feedParams, gridQuery, idParams, myCalendar, myCalendarQuery, pinsBody, pinsResult, planGrid, planRun,
  planSettings, planSettingsBody, runListQuery, swapBody, swapDecisionBody, swapListQuery, swapRequest,
} from './plans.schemas.js';
import { createPlanRun } from './create-plan-run.js';
import { listPlanRuns, showPlanRun } from './show-plan-run.js';
import { showPlanGrid } from './show-plan-grid.js';
import { setPins } from './set-pins.js';
import { showPlanSettings, updatePlanSettings } from './plan-settings.js';
import { createSwapRequest } from './create-swap-request.js';
import { decideSwapRequest } from './decide-swap-request.js';
import { listSwapRequests } from './list-swap-requests.js';
import { showMyCalendar } from './show-my-calendar.js';
import { createFeedToken, removeFeed, renderFeed } from './calendar-feed.js';
import { sendDownload } from '../../../platform/http/download.js';

const TAGS = ['remote-work'];

export function plansRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const publicUrl = deps.config.publicUrl;

  r.post(
    '/remote-work/plans',
    {
      schema: {
        operationId: 'createRemoteWorkPlan',
        tags: TAGS,
        summary: 'Pianifica i giorni di lavoro agile di un periodo (al massimo 3 mesi): subito (201) o in background con avanzamento (202)',
        body: createPlanBody,
        response: { 201: planRun, 202: planRun },
      },
    },
    async (req, reply) => {
      const { run, queued } = await createPlanRun(deps.db, requireAuth(req), req.body, { ip: req.ip });
      return reply.code(queued ? 202 : 201).header('location', `/api/v1/remote-work/plans/${run.id}`).send(run);
    },
  );
  r.get(
    '/remote-work/plans',
    {
      schema: {
        operationId: 'listRemoteWorkPlans',
        tags: TAGS,
        summary: 'Le pianificazioni dell’ente, dalla più recente (senza l’esito per dipendente)',
        querystring: runListQuery,
        response: { 200: pageOf(planRun) },
      },
    },
    async (req) => listPlanRuns(deps.db, requireAuth(req), req.query),
  );
  r.get(
    '/remote-work/plans/:id',
    {
      schema: {
        operationId: 'showRemoteWorkPlan',
        tags: TAGS,
        summary: 'Una pianificazione: stato, avanzamento e rapporto (esiti per dipendente, carenze per ufficio e giorno)',
        params: idParams,
        response: { 200: planRun },
      },
    },
    async (req) => showPlanRun(deps.db, requireAuth(req), req.params.id),
  );
  r.get(
    '/remote-work/plan-days',
    {
      schema: {
        operationId: 'showRemoteWorkPlanGrid',
        tags: TAGS,
        summary: 'La griglia del piano: uffici × persone × giorni, con il presidio di ogni giorno e le carenze spiegate',
        querystring: gridQuery,
        response: { 200: planGrid },
      },
    },
    async (req) => showPlanGrid(deps.db, requireAuth(req), req.query),
  );
  r.post(
    '/remote-work/pins',
    {
      schema: {
        operationId: 'updateRemoteWorkPins',
        tags: TAGS,
        summary: 'Fissa a mano giorni in lavoro agile o in sede (o li libera) e ripianifica intorno a essi; segnala i giorni fissati che violano una regola',
        body: pinsBody,
        response: { 200: pinsResult },
      },
    },
    async (req) => setPins(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
  r.get(
    '/remote-work/plan-settings',
    {
      schema: { operationId: 'showRemoteWorkPlanSettings', tags: TAGS, summary: 'Impostazioni della pianificazione dell’ente', response: { 200: planSettings } },
    },
    async (req) => showPlanSettings(deps.db, requireAuth(req)),
  );
  r.put(
    '/remote-work/plan-settings',
    {
      schema: {
        operationId: 'updateRemoteWorkPlanSettings',
        tags: TAGS,
        summary: 'Cambia le impostazioni della pianificazione (approvazione degli scambi)',
        body: planSettingsBody,
        response: { 200: planSettings },
      },
    },
    async (req) => updatePlanSettings(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
  r.post(
    '/remote-work/swap-requests',
    {
      schema: {
        operationId: 'createRemoteWorkSwapRequest',
        tags: TAGS,
        summary: 'Chiede di spostare un proprio giorno di lavoro agile: accettata subito se valida (o in attesa del responsabile), altrimenti respinta con il motivo',
        body: swapBody,
        response: { 201: swapRequest },
      },
    },
    async (req, reply) => {
      const swap = await createSwapRequest(deps.db, requireAuth(req), req.body, { ip: req.ip, publicUrl });
      return reply.code(201).send(swap);
    },
  );
  r.get(
    '/remote-work/swap-requests',
    {
      schema: {
        operationId: 'listRemoteWorkSwapRequests',
        tags: TAGS,
        summary: 'Richieste di scambio: le proprie, o quelle degli uffici che si gestiscono',
        querystring: swapListQuery,
        response: { 200: pageOf(swapRequest) },
      },
    },
    async (req) => listSwapRequests(deps.db, requireAuth(req), req.query),
  );
  r.post(
    '/remote-work/swap-requests/:id/decision',
    {
      schema: {
        operationId: 'decideRemoteWorkSwapRequest',
        tags: TAGS,
        summary: 'Il responsabile accoglie o respinge uno scambio in attesa (accogliendolo, lo scambio è ricontrollato)',
        params: idParams,
        body: swapDecisionBody,
        response: { 200: swapRequest },
      },
    },
    async (req) => decideSwapRequest(deps.db, requireAuth(req), req.params.id, req.body, { ip: req.ip, publicUrl }),
  );
  r.get(
    '/remote-work/my-calendar',
    {
      schema: {
        operationId: 'showMyRemoteWorkCalendar',
        tags: TAGS,
        summary: 'Il mio calendario: giorni in lavoro agile, in sede, assenze, scambi chiesti',
        querystring: myCalendarQuery,
        response: { 200: myCalendar },
      },
    },
    async (req) => showMyCalendar(deps.db, requireAuth(req), req.query),
  );
  r.post(
    '/remote-work/my-calendar/feed',
    {
      schema: {
        operationId: 'createMyRemoteWorkCalendarFeed',
        tags: TAGS,
        summary: 'Crea (o rigenera: il precedente smette di funzionare) l’indirizzo iCalendar del mio calendario',
        response: { 201: feedCreated },
      },
    },
    async (req, reply) => reply.code(201).header('cache-control', 'no-store').send(await createFeedToken(deps.db, requireAuth(req), { ip: req.ip, publicUrl })),
  );
  r.delete(
    '/remote-work/my-calendar/feed',
    {
      schema: { operationId: 'removeMyRemoteWorkCalendarFeed', tags: TAGS, summary: 'Disattiva l’indirizzo iCalendar del mio calendario', response: { 204: z.null() } },
    },
    async (req, reply) => {
      await removeFeed(deps.db, requireAuth(req), { ip: req.ip });
      return reply.code(204).send(null);
    },
  );
  r.get(
    '/remote-work/calendar/:token.ics',
    {
      schema: {
        operationId: 'showRemoteWorkCalendarFeed',
        tags: TAGS,
        summary: 'Calendario iCalendar di un dipendente (eventi di un giorno "Lavoro agile" / "In sede"); il segreto nell’indirizzo fa da credenziale',
        security: [],
        params: feedParams,
        response: {
          200: {
            description: 'Il calendario (RFC 5545, METHOD:PUBLISH)',
            content: { 'text/calendar': { schema: z.string().describe('iCalendar') } },
          },
        },
      },
    },
    async (req, reply) => {
      const ics = await renderFeed(deps.db, req.params.token);
      return sendDownload(reply, {
        contentType: 'text/calendar; charset=utf-8',
        filename: 'lavoro-agile.ics',
        content: ics,
        disposition: 'inline',
        cacheControl: 'private, max-age=300',
      });
    },
  );
}
