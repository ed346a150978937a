/** The agreements' background work: the daily closing of ended agreements (00:30, Europe/Rome). */
import type { ModuleJobDeps } from '../../../platform/module.js';
import type { JobHandler, ScheduleDefinition } from '../../../platform/jobs/index.js';
import { AGREEMENTS_CLOSING_JOB, closeEndedAgreements } from './close-ended-agreements.js';

export function agreementJobs(deps: ModuleJobDeps): { handlers: Record<string, JobHandler>; schedules: ScheduleDefinition[] } {
  return {
    handlers: {
      [AGREEMENTS_CLOSING_JOB]: async () => {
        await closeEndedAgreements(deps.db, { publicUrl: deps.config.publicUrl });
      },
    },
    schedules: [{ name: AGREEMENTS_CLOSING_JOB, spec: 'daily 00:30', type: AGREEMENTS_CLOSING_JOB }],
  };
}
