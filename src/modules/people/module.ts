/**
 * The 'people' module as the registry sees it: sign-in, sessions, API tokens, OIDC, members of
 * bodies, and the demo people. The auth plugin itself belongs on the root instance
 * (`registerAuth` in app.ts); if it is not there, the module registers it for its own routes.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { AppDeps } from '../../platform/module.js';
import type { ModuleDefinition } from '../../platform/module.js';
import { isAuthRegistered, registerAuth } from '../../platform/auth/plugin.js';
import { authRoutes } from './auth.routes.js';
import { tokensRoutes } from './tokens.routes.js';
import { membersRoutes } from './members.routes.js';
import { oidcRoutes } from './oidc.routes.js';
import { seedPeopleDemo } from './seed-demo.js';
import * as repo from './people.repo.js';

/** Daily removal of expired sessions, spent reset links, OIDC states and old sign-in attempts. */
export const SIGN_IN_CLEANUP_JOB = 'people.sign_in_cleanup';

const routes: FastifyPluginAsync<{ deps: AppDeps }> = async (app, opts) => {
  if (!isAuthRegistered(app)) {
    app.log.warn('registerAuth(app, deps) is missing from app.ts: request.auth is resolved only for the people routes');
    await registerAuth(app, opts.deps);
  }
  await app.register(authRoutes, opts);
  await app.register(tokensRoutes, opts);
  await app.register(membersRoutes, opts);
  await app.register(oidcRoutes, opts);
};

export const peopleModule: ModuleDefinition = {
  name: 'people',
  routes,
  seedDemo: seedPeopleDemo,
  jobs: ({ db }) => ({
    handlers: { [SIGN_IN_CLEANUP_JOB]: () => db.ownerTx((tx) => repo.deleteSignInLeftovers(tx)) },
    schedules: [{ name: SIGN_IN_CLEANUP_JOB, spec: 'daily 03:40', type: SIGN_IN_CLEANUP_JOB }],
  }),
};
