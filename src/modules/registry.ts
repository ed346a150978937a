/**
 * The modules of the platform. Each contributes its HTTP routes (mounted under /api/v1) and,
 * optionally, what it must do to a database after migrations (`bootstrap`, idempotent, e.g. load
 * the official list of municipalities) and its part of the demo territory (`seedDemo`).
 * Add a module here once; app.ts, main.ts and the CLI do the rest.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app.js';
import type { Db } from '../platform/db/index.js';
import { organizationsModule } from './organizations/module.js';
import { peopleModule } from '../platform/auth/people.module.js';
import { adminModule } from './admin/module.js';
import { conferencingModule } from './conferencing/module.js';

export interface ModuleDefinition {
  name: string;
  routes?: FastifyPluginAsync<{ deps: AppDeps }>;
  bootstrap?: (db: Db) => Promise<void>;
  seedDemo?: (db: Db) => Promise<void>;
}

export const modules: ModuleDefinition[] = [organizationsModule, peopleModule, adminModule, conferencingModule];
