/** The HTTP routes of the directory of public bodies (mounted under /api/v1). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import { searchOrganizationsRoute } from './search-organizations.route.js';
import { showOrganizationRoute } from './show-organization.route.js';
import { listOrganizationChildrenRoute } from './list-organization-children.route.js';
import { createOrganizationRoute } from './create-organization.route.js';
import { updateOrganizationRoute } from './update-organization.route.js';

export const organizationsRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  searchOrganizationsRoute(app, deps);
  showOrganizationRoute(app, deps);
  listOrganizationChildrenRoute(app, deps);
  createOrganizationRoute(app, deps);
  updateOrganizationRoute(app, deps);
};
