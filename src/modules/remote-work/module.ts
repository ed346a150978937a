/** The remote-work module as the registry sees it: offices, employees, agreements, planner, indicators, POLA. */
import type { ModuleDefinition } from '../registry.js';
import { remoteWorkRoutes } from './remote-work.routes.js';
import { INDICATOR_SCHEDULES, indicatorJobHandlers } from './refresh-indicators.js';

export const remoteWorkModule: ModuleDefinition = {
  name: 'remote-work',
  routes: remoteWorkRoutes,
  jobs: (deps) => ({
    handlers: { ...indicatorJobHandlers(deps.db) },
    schedules: [...INDICATOR_SCHEDULES],
  }),
};
