/** The remote-work module as the registry sees it: offices, employees, agreements, planner, indicators, POLA. */
import type { ModuleDefinition } from '../../platform/module.js';
import { remoteWorkRoutes } from './remote-work.routes.js';
import { seedRemoteWorkDemo } from './offices/index.js';
import { INDICATOR_SCHEDULES, indicatorJobHandlers } from './indicators/index.js';
import { PLAN_JOB } from './plans/index.js';
import { planJobHandler } from './plans/index.js';
import { agreementJobs } from './agreements/index.js';
import { seedAgreementsDemo } from './agreements/index.js';
import { seedPlansDemo } from './plans/index.js';
import { seedIndicatorsDemo } from './indicators/index.js';
import { seedPolaObjectivesDemo } from './pola/index.js';

export const remoteWorkModule: ModuleDefinition = {
  name: 'remote-work',
  routes: remoteWorkRoutes,
  seedDemo: async (db) => {
    await seedRemoteWorkDemo(db);
    await seedAgreementsDemo(db);
    // the demo plan comes last: it needs the offices, the people and their agreements
    await seedPlansDemo(db);
    // the indicators' target and first roll-ups, once everything else is there
    await seedIndicatorsDemo(db);
    await seedPolaObjectivesDemo(db);
  },
  jobs: (deps) => ({
    handlers: { ...indicatorJobHandlers(deps.db), [PLAN_JOB]: planJobHandler(), ...agreementJobs(deps).handlers },
    schedules: [...INDICATOR_SCHEDULES, ...agreementJobs(deps).schedules],
  }),
};
