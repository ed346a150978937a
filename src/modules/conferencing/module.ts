/** The conferencing module as the registry sees it: shared videoconference platforms and their bookings. */
import type { ModuleDefinition } from '../../platform/module.js';
import { conferencingRoutes } from './conferencing.routes.js';
import { mailSettingsOf } from './bookings/index.js';
import { REMINDER_JOB, REMINDER_SCHEDULE, sendReminders } from './bookings/index.js';

export const conferencingModule: ModuleDefinition = {
  name: 'conferencing',
  routes: conferencingRoutes,
  jobs: ({ config, db }) => ({
    handlers: {
      [REMINDER_JOB]: async () => {
        await sendReminders(db, { mail: mailSettingsOf(config) });
      },
    },
    schedules: [{ name: REMINDER_JOB, spec: REMINDER_SCHEDULE, type: REMINDER_JOB }],
  }),
};
