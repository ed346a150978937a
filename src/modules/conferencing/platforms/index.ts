export * as platformRepo from './platforms.repo.js';
export { mayBookPlatform } from './platform-access.js';
export type { PlatformRow, VideoSystem } from './platforms.repo.js';
export { platformRoutes } from './platforms.route.js';
