/** The jobs slice's face: the background jobs' counts, latest and schedules, for the platform admin. */
export { jobsRoutes } from './jobs.route.js';
export { summarizeJobs } from './summarize-jobs.js';
