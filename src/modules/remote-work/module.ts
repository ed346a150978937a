/** The remote-work module as the registry sees it: offices, employees, agreements, planner, indicators, POLA. */
import type { ModuleDefinition } from '../registry.js';
import { remoteWorkRoutes } from './remote-work.routes.js';
import { PLAN_JOB } from './create-plan-run.js';
import { planJobHandler } from './plan-run-job.js';

export const remoteWorkModule: ModuleDefinition = {
  name: 'remote-work',
  routes: remoteWorkRoutes,
  jobs: () => ({
    handlers: { [PLAN_JOB]: planJobHandler() },
  }),
};
