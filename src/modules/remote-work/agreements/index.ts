export { dateIt, instantDateIt } from './agreement-document.js';
export { agreementJobs } from './agreement-jobs.js';
export { addDays, monthNameIt, weekdayNameIt } from './agreement-rules.js';
export { agreementsRoutes } from './agreements.route.js';
export { seedAgreementsDemo } from './agreements.seed-demo.js';
