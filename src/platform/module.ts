/**
 * What a module gives the platform, and what the platform gives a module. The modules' list lives
 * in `src/app/registry.ts`; this file only holds the types, so `platform/` imports nothing above it.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Db } from './db/index.js';
import type { JobHandler, ScheduleDefinition } from './jobs/index.js';
import type { Mailer } from './mail/types.js';
import type { Config } from './config.js';

/** What every module's routes receive: settings, database and mailer. */
export interface AppDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
}

/** What background work receives. */
export type ModuleJobDeps = AppDeps;

/**
 * A module as the registry sees it: its HTTP routes (mounted under /api/v1), what it must do to a
 * database after migrations (`bootstrap`, idempotent, e.g. load the official list of
 * municipalities), its part of the demo territory (`seedDemo`) and its background work.
 */
export interface ModuleDefinition {
  name: string;
  routes?: FastifyPluginAsync<{ deps: AppDeps }>;
  bootstrap?: (db: Db) => Promise<void>;
  seedDemo?: (db: Db) => Promise<void>;
  /** Background work of the module: handlers by job type (prefix them with the module's name) and schedules. */
  jobs?: (deps: ModuleJobDeps) => { handlers: Record<string, JobHandler>; schedules?: ScheduleDefinition[] };
}
