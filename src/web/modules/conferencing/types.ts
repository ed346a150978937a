/** What the conferencing pages read from the API (a subset of the OpenAPI document). */
export const BOOKING_KINDS = ['meeting', 'council_session', 'board_session', 'training', 'streaming'] as const;
export type BookingKind = (typeof BOOKING_KINDS)[number];
export const BOOKING_STATUSES = ['pending', 'accepted', 'cancelled', 'refused'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

export interface Platform {
  id: string;
  operatorId: string;
  name: string;
  capacity: number;
  /** 'territory': the bodies of a region, province or metropolitan city (the API decides who is in it). */
  access: 'members' | 'everyone' | 'territory';
  memberIds: string[];
  territoryId?: string | null;
  minNoticeDays: number;
  maxHorizonDays: number;
  maxDurationMinutes: number;
  /** "1" Monday … "7" Sunday → [["08:00", "20:00"], …] in Rome time */
  openingHours: Record<string, string[][]>;
  openOnHolidays: boolean;
  requiresApproval: boolean;
  videoSystem: 'none' | 'jitsi' | 'bbb';
  link: string | null;
  /** Whether the video system has its settings (the secrets are never returned). */
  videoConfigured?: boolean;
  /** When the operator retired it; archived platforms take no bookings. */
  archivedAt?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export type VideoSystem = Platform['videoSystem'];
export const BBB_CHECKSUMS = ['sha1', 'sha256', 'sha384', 'sha512'] as const;

/** A platform's video settings as the operator reads them back: never the secrets. */
export interface PlatformVideo {
  platformId: string;
  videoSystem: VideoSystem;
  videoConfigured: boolean;
  jitsiDomain: string | null;
  jitsiAppId: string | null;
  bbbApiUrl: string | null;
  bbbChecksum: string | null;
  updatedAt: string | null;
}

/** One place where a lower capacity does not hold the bookings already made (platform.capacity_below_bookings). */
export interface CapacityShortfall {
  start: string;
  end: string;
  used: number;
  capacity: number;
  excess: number;
}

export interface Booking {
  id: string;
  platformId: string;
  organizationId: string;
  /** Present when the API names the body (operator's view). */
  organizationName?: string;
  createdBy: string | null;
  title: string;
  kind: BookingKind;
  start: string;
  end: string;
  expectedConnections: number;
  organiserName: string;
  organiserEmail: string;
  organiserPhone: string | null;
  status: BookingStatus;
  createdAt: string;
  updatedAt: string;
}

/** One piece of the availability timeline: constant use over [start, end). */
export interface Segment {
  start: string;
  end: string;
  used: number;
  free: number;
}

export interface UsageRow {
  bookings: number;
  hours: number;
  peakConnections: number;
}
export interface Usage {
  platformId: string;
  from: string;
  to: string;
  capacity: number;
  totals: UsageRow;
  byMonth: (UsageRow & { month: string })[];
  byOrganization: (UsageRow & { organizationId: string; name: string })[];
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
