export { PLAN_JOB } from './create-plan-run.js';
export { planJobHandler } from './plan-run-job.js';
export { plansRoutes } from './plans.route.js';
export { seedPlansDemo } from './plans.seed-demo.js';
