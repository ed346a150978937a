export { managesWholeBody } from './office-access.js';
export { selectBodyPeople, selectManagedOfficeIds, selectUserIdByEmail } from './offices.repo.js';
export { officesRoutes } from './offices.route.js';
export { DEMO_BODY_CODE, DEMO_EMPLOYEE_EMAIL, DEMO_HR_EMAIL, findDemoEmployees, seedRemoteWorkDemo } from './offices.seed-demo.js';
export type { DemoEmployee } from './offices.seed-demo.js';
