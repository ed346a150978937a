/**
 * The modules of the platform. Each contributes its HTTP routes (mounted under /api/v1) and,
 * optionally, what it must do to a database after migrations (`bootstrap`, idempotent, e.g. load
 * the official list of municipalities) and its part of the demo territory (`seedDemo`).
 * Add a module here once; build-app.ts, main.ts and the CLI do the rest.
 */
import type { ModuleDefinition, ModuleJobDeps } from '../platform/module.js';
import type { JobHandler, ScheduleDefinition } from '../platform/jobs/index.js';
import { organizationsModule } from '../modules/organizations/module.js';
import { peopleModule } from '../modules/people/module.js';
import { adminModule } from '../modules/admin/module.js';
import { conferencingModule } from '../modules/conferencing/module.js';
import { remoteWorkModule } from '../modules/remote-work/module.js';

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
