/** The HTTP routes of the conferencing module (mounted under /api/v1). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import { platformRoutes } from './platforms.route.js';
import { bookingRoutes } from './bookings.route.js';
import { videoRoutes } from './video.route.js';
import { integrationRoutes } from './integrations.route.js';

export const conferencingRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  platformRoutes(app, deps);
  bookingRoutes(app, deps);
  videoRoutes(app, deps);
  // its own plugin: a form body parser and `message` on problems, for Prosody only
  await app.register(integrationRoutes, { deps });
};
