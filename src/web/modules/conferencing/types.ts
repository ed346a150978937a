/**
 * What the conferencing pages read from the API: names for the generated OpenAPI types (schema.ts),
 * the kinds and statuses as runtime lists, and the extra members of the module's refusals.
 */
import type { ResultOf } from '../../api/types.js';

export const BOOKING_KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const satisfies readonly Booking['kind'][];
export type BookingKind = Booking['kind'];
export const BOOKING_STATUSES = ['pending', 'accepted', 'cancelled', 'refused'] as const satisfies readonly Booking['status'][];
export type BookingStatus = Booking['status'];

/** A platform with its booking rules ('territory' access: the bodies of a region, province or metropolitan city). */
export type Platform = ResultOf<'showConferencePlatform'>;
export type VideoSystem = Platform['videoSystem'];

/** A platform's video settings as the operator reads them back: never the secrets. */
export type PlatformVideo = ResultOf<'showConferencePlatformVideo'>;
export type BbbChecksum = NonNullable<PlatformVideo['bbbChecksum']>;
export const BBB_CHECKSUMS = ['sha1', 'sha256', 'sha384', 'sha512'] as const satisfies readonly BbbChecksum[];

export type Booking = ResultOf<'showBooking'>;
/** A page of bookings (`GET /bookings`). */
export type BookingPage = ResultOf<'listBookings'>;

/** One piece of the availability timeline: constant use over [start, end). */
export type Segment = ResultOf<'showConferencePlatformAvailability'>[number];

export type Usage = ResultOf<'showConferencePlatformUsage'>;

/** One place where a lower capacity does not hold the bookings already made (platform.capacity_below_bookings). */
export interface CapacityShortfall {
  start: string;
  end: string;
  used: number;
  capacity: number;
  excess: number;
}

/** The extra members of a `booking.capacity_exceeded` problem. */
export interface CapacityOverflow {
  start: string;
  end: string;
  used: number;
  requested: number;
  capacity: number;
  excess: number;
}
export interface Suggestion {
  start: string;
  end: string;
}
