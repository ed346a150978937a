/**
 * Routes of the indicators: a body's dashboard and series, its target, the figures of Italy, a
 * region or a province, the bodies of a region side by side, CSV. All reads come from the
 * roll-ups (refreshed every minute); see docs/decisions/0004-indicator-rollups.md.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAuth } from '../../../platform/auth/context.js';
import type { AppDeps } from '../../../platform/module.js';
import {
  bodiesQuery,
  bodyIndicators,
  dayFigures,
  exportQuery,
  monthFigures,
  monthQuery,
  officeFigures,
  provinceParams,
  rangeQuery,
  regionParams,
  target,
  territoryBodies,
  territoryIndicators,
  updateTargetBody,
} from './indicators.schemas.js';
import { showBodyIndicators } from './show-body-indicators.js';
import { listOfficeIndicators } from './list-office-indicators.js';
import { listDayIndicators } from './list-day-indicators.js';
import { listMonthIndicators } from './list-month-indicators.js';
import { showTerritoryIndicators } from './show-territory-indicators.js';
import { listTerritoryBodyIndicators } from './list-territory-body-indicators.js';
import { showIndicatorTarget } from './show-indicator-target.js';
import { updateIndicatorTarget } from './update-indicator-target.js';
import { exportIndicators } from './export-indicators.js';
import { sendDownload } from '../../../platform/http/download.js';

const TAGS = ['remote-work'];
const BASE = '/remote-work/indicators';

export function indicatorRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    BASE,
    {
      schema: {
        operationId: 'showRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Cruscotto del lavoro agile dell’ente: obiettivo e scarto, mese, ultimi 12 mesi, uffici, giorni',
        querystring: monthQuery,
        response: { 200: bodyIndicators },
      },
    },
    async (req) => showBodyIndicators(deps.db, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/offices`,
    {
      schema: {
        operationId: 'listRemoteWorkOfficeIndicators',
        tags: TAGS,
        summary: 'Indicatori per ufficio in un mese (il responsabile d’ufficio vede i suoi uffici)',
        querystring: monthQuery,
        response: { 200: z.object({ month: z.string(), items: z.array(officeFigures) }) },
      },
    },
    async (req) => listOfficeIndicators(deps.db, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/days`,
    {
      schema: {
        operationId: 'listRemoteWorkDayIndicators',
        tags: TAGS,
        summary: 'Indicatori dell’ente giorno per giorno in un mese',
        querystring: monthQuery,
        response: { 200: z.object({ month: z.string(), headcount: z.number().int().min(0), items: z.array(dayFigures) }) },
      },
    },
    async (req) => listDayIndicators(deps.db, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/months`,
    {
      schema: {
        operationId: 'listRemoteWorkMonthIndicators',
        tags: TAGS,
        summary: 'Indicatori dell’ente mese per mese (al massimo 36 mesi)',
        querystring: rangeQuery,
        response: {
          200: z.object({
            from: z.string(),
            to: z.string(),
            headcount: z.number().int().min(0),
            targetPercent: z.number().min(0).max(100),
            items: z.array(monthFigures),
          }),
        },
      },
    },
    async (req) => listMonthIndicators(deps.db, requireAuth(req), req.query),
  );
  r.get(
    `${BASE}/target`,
    {
      schema: {
        operationId: 'showRemoteWorkTarget',
        tags: TAGS,
        summary: 'Obiettivo di lavoro agile dell’ente (30% se non fissato)',
        response: { 200: target },
      },
    },
    async (req) => showIndicatorTarget(deps.db, requireAuth(req)),
  );
  r.put(
    `${BASE}/target`,
    {
      schema: {
        operationId: 'updateRemoteWorkTarget',
        tags: TAGS,
        summary: 'Fissa l’obiettivo di lavoro agile dell’ente (ufficio del personale, amministratori)',
        body: updateTargetBody,
        response: { 200: target },
      },
    },
    async (req) => updateIndicatorTarget(deps.db, requireAuth(req), req.body, { ip: req.ip }),
  );
  r.get(
    `${BASE}/territories/nation`,
    {
      schema: {
        operationId: 'showNationalRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Indicatori nazionali del lavoro agile, con le regioni a confronto',
        querystring: monthQuery,
        response: { 200: territoryIndicators },
      },
    },
    async (req) => showTerritoryIndicators(deps.db, requireAuth(req), 'nation', null, req.query),
  );
  r.get(
    `${BASE}/territories/regions/:code`,
    {
      schema: {
        operationId: 'showRegionalRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Indicatori di una regione (codice ISTAT), con le sue province a confronto',
        params: regionParams,
        querystring: monthQuery,
        response: { 200: territoryIndicators },
      },
    },
    async (req) => showTerritoryIndicators(deps.db, requireAuth(req), 'region', req.params.code, req.query),
  );
  r.get(
    `${BASE}/territories/provinces/:code`,
    {
      schema: {
        operationId: 'showProvincialRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Indicatori di una provincia o città metropolitana (sigla)',
        params: provinceParams,
        querystring: monthQuery,
        response: { 200: territoryIndicators },
      },
    },
    async (req) => showTerritoryIndicators(deps.db, requireAuth(req), 'province', req.params.code, req.query),
  );
  r.get(
    `${BASE}/territories/regions/:code/bodies`,
    {
      schema: {
        operationId: 'listRegionalBodyRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Gli enti di una regione a confronto, con obiettivo e scarto (funzionari della regione)',
        params: regionParams,
        querystring: bodiesQuery,
        response: { 200: territoryBodies },
      },
    },
    async (req) => listTerritoryBodyIndicators(deps.db, requireAuth(req), 'region', req.params.code, req.query),
  );
  r.get(
    `${BASE}/territories/provinces/:code/bodies`,
    {
      schema: {
        operationId: 'listProvincialBodyRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Gli enti di una provincia a confronto, con obiettivo e scarto (funzionari della regione)',
        params: provinceParams,
        querystring: bodiesQuery,
        response: { 200: territoryBodies },
      },
    },
    async (req) => listTerritoryBodyIndicators(deps.db, requireAuth(req), 'province', req.params.code, req.query),
  );
  r.get(
    `${BASE}/export`,
    {
      schema: {
        operationId: 'exportRemoteWorkIndicators',
        tags: TAGS,
        summary: 'Una tabella degli indicatori in CSV (ente o territorio)',
        querystring: exportQuery,
        response: {
          200: {
            description: 'La tabella come file CSV da scaricare',
            content: { 'text/csv': { schema: z.string().describe('CSV con riga di intestazione e BOM UTF-8') } },
          },
        },
      },
    },
    async (req, reply) => {
      const out = await exportIndicators(deps.db, requireAuth(req), req.query);
      return sendDownload(reply, { contentType: out.contentType, filename: out.filename, content: out.body });
    },
  );
}
