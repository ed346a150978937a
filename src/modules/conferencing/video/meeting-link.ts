/**
 * The link people use to join the meeting of a booking, as written in invitations, reminders
 * and the `.ics`: the one place that decides the link of a booking. With the booking's video row
 * (`repo.selectBookingVideo`), a platform that drives a configured video system gives the booking's
 * attendee link (Jitsi: its room with a signed token; BigBlueButton: the signed join URL); otherwise,
 * the platform's own link (`link`, null when the operator gave none). The organiser's moderator
 * link is never mailed (a forwarded invitation would hand it on): it is read from GET /bookings/{id}/links.
 */
import type { BookingRow } from '../bookings/index.js';
import type { BookingVideoRow } from './video.repo.js';
import type { PlatformRow } from '../platforms/index.js';
import { bookingLinks } from './video-links.js';
import { clock } from '../../../platform/clock.js';

export function meetingLinkFor(platform: PlatformRow, booking: BookingRow, video: BookingVideoRow | null = null, now = clock.now()): string | null {
  if (video && video.bookingId === booking.id) return bookingLinks(video, { organiser: false }, now).attendeeUrl;
  return platform.link;
}
