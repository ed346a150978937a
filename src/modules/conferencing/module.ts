/** The conferencing module as the registry sees it: shared videoconference platforms and their bookings. */
import type { ModuleDefinition } from '../registry.js';
import { conferencingRoutes } from './conferencing.routes.js';

export const conferencingModule: ModuleDefinition = {
  name: 'conferencing',
  routes: conferencingRoutes,
};
