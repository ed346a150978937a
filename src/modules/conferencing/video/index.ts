export * as videoRepo from './video.repo.js';
export { integrationRoutes } from './integrations.route.js';
export { meetingLinkFor } from './meeting-link.js';
export { storeVideoSettings, videoSettingsFor } from './video-settings.js';
export type { VideoSettingsInput } from './video-settings.js';
export { selectBookingVideo } from './video.repo.js';
export type { BookingVideoRow } from './video.repo.js';
export { videoRoutes } from './video.route.js';
export { videoSettingsFields } from './video.schemas.js';
