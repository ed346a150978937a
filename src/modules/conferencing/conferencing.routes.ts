/** The HTTP routes of the conferencing module (mounted under /api/v1). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import { platformRoutes } from './platforms/index.js';
import { bookingRoutes } from './bookings/index.js';
import { videoRoutes } from './video/index.js';
import { integrationRoutes } from './video/index.js';

export const conferencingRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  platformRoutes(app, deps);
  bookingRoutes(app, deps);
  videoRoutes(app, deps);
  // its own plugin: a form body parser and `message` on problems, for Prosody only
  await app.register(integrationRoutes, { deps });
};
