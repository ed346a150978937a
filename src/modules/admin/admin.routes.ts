/** The HTTP routes of the admin pages (mounted under /api/v1). */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import { auditEntriesRoutes } from './audit/index.js';
import { outboxMessagesRoutes } from './outbox/index.js';
import { jobsRoutes } from './jobs/index.js';

export const adminRoutes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, { deps }) => {
  auditEntriesRoutes(app, deps);
  outboxMessagesRoutes(app, deps);
  jobsRoutes(app, deps);
};
