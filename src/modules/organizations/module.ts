/** The organizations module as the registry sees it: routes, start-up bootstrap, demo data. */
import type { ModuleDefinition } from '../../platform/module.js';
import { loadOfficialListIntoDb } from './load-official-list.js';
import { organizationsRoutes } from './organizations.routes.js';
import { seedOrganizationsDemo } from './seed-demo.js';

export const organizationsModule: ModuleDefinition = {
  name: 'organizations',
  routes: organizationsRoutes,
  bootstrap: async (db) => {
    await loadOfficialListIntoDb(db);
  },
  seedDemo: seedOrganizationsDemo,
};
