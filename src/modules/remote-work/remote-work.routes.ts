/** The HTTP routes of the remote-work module (mounted under /api/v1): one plugin per area. */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import { officesRoutes } from './offices/index.js';
import { indicatorRoutes } from './indicators/index.js';
import { plansRoutes } from './plans/index.js';
import { agreementsRoutes } from './agreements/index.js';
import { polaRoutes } from './pola/index.js';
import { objectivesRoutes } from './objectives/index.js';

export const remoteWorkRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  // each area registers its routes here, e.g. officeRoutes(app, deps);
  indicatorRoutes(app, deps);
  plansRoutes(app, deps);
  agreementsRoutes(app, deps);
  officesRoutes(app, deps);
  polaRoutes(app, deps);
  objectivesRoutes(app, deps);
};
