/**
 * The people module's face: what other modules, the command line and the app may use of people
 * and sign-in. Everything else in this folder is the module's own.
 */
export { createUser } from './create-user.js';
export { createApiToken } from './create-api-token.js';
export { loadMember } from './members.js';
export { findUserByEmail, memberEmails } from './people.repo.js';
export { DEMO_PASSWORD, DEMO_PEOPLE } from './seed-demo.js';
