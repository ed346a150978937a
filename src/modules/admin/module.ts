/** The admin module as the registry sees it: routes only (its data is the platform's). */
import type { ModuleDefinition } from '../../platform/module.js';
import { adminRoutes } from './admin.routes.js';

export const adminModule: ModuleDefinition = { name: 'admin', routes: adminRoutes };
