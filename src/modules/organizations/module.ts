/** The organizations module as the registry sees it: routes, start-up bootstrap, demo data. */
import type { ModuleDefinition } from '../registry.js';
import { loadOfficialListIntoDb } from './load-official-list.js';

export const organizationsModule: ModuleDefinition = {
  name: 'organizations',
  bootstrap: async (db) => {
    await loadOfficialListIntoDb(db);
  },
};
