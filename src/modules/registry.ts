/**
 * The modules of the platform. Each contributes its HTTP routes (mounted under /api/v1) and,
 * optionally, what it must do to a database after migrations (`bootstrap`, idempotent, e.g. load
 * the official list of municipalities) and its part of the demo territory (`seedDemo`).
 * Add a module here once; app.ts, main.ts and the CLI do the rest.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../app.js';
import type { Db } from '../platform/db/index.js';
import type { JobHandler, ScheduleDefinition } from '../platform/jobs/index.js';
import type { Mailer } from '../platform/mail/types.js';
import type { Config } from '../platform/config.js';
import { organizationsModule } from './organizations/module.js';
import { peopleModule } from '../platform/auth/people.module.js';
import { adminModule } from './admin/module.js';
import { conferencingModule } from './conferencing/module.js';
import { remoteWorkModule } from './remote-work/module.js';

export interface ModuleDefinition {
  name: string;
  routes?: FastifyPluginAsync<{ deps: AppDeps }>;
  bootstrap?: (db: Db) => Promise<void>;
  seedDemo?: (db: Db) => Promise<void>;
  /** Background work of the module: handlers by job type (prefix them with the module's name) and schedules. */
  jobs?: (deps: ModuleJobDeps) => { handlers: Record<string, JobHandler>; schedules?: ScheduleDefinition[] };
}

export interface ModuleJobDeps {
  config: Config;
  db: Db;
  mailer: Mailer;
}

/** The handlers and schedules of every module, for the instance's worker. */
export function moduleJobs(deps: ModuleJobDeps): { handlers: Record<string, JobHandler>; schedules: ScheduleDefinition[] } {
  const handlers: Record<string, JobHandler> = {};
  const schedules: ScheduleDefinition[] = [];
  for (const m of modules) {
    if (!m.jobs) continue;
    const j = m.jobs(deps);
    for (const [type, h] of Object.entries(j.handlers)) {
      if (handlers[type]) throw new Error(`Tipo di lavoro registrato due volte: ${type}`);
      handlers[type] = h;
    }
    schedules.push(...(j.schedules ?? []));
  }
  return { handlers, schedules };
}

export const modules: ModuleDefinition[] = [organizationsModule, peopleModule, adminModule, conferencingModule, remoteWorkModule];
