/**
 * The API's error codes that the videoconference pages explain in their own words, in both languages
 * (test/web-contract.test.ts keeps their Italian text equal to the API's titles).
 */
export const BOOKING_CODES = [
  'booking.capacity_exceeded',
  'booking.notice_too_short',
  'booking.beyond_horizon',
  'booking.too_long',
  'booking.outside_opening_hours',
  'booking.holiday',
  'booking.invalid_range',
  'booking.connections_invalid',
  'booking.not_member',
  'booking.past_readonly',
  'booking.not_active',
  'booking.not_pending',
  'booking.not_found',
  'platform.not_found',
  'platform.archived',
  'availability.range_too_wide',
] as const;

/**
 * The refusals of the platform pages (registering, changing, archiving a platform, its video
 * system) that the pages explain in their own words; src/web/modules/conferencing/codes.test.ts
 * keeps their Italian text equal to the API's titles.
 */
export const PLATFORM_CODES = [
  'platform.capacity_below_bookings',
  'platform.has_future_bookings',
  'platform.invalid_territory',
  'platform.invalid_members',
  'platform.invalid_opening_hours',
  'platform.invalid_operator',
  'video.settings_invalid',
] as const;
