/**
 * The link people use to join the meeting of a booking, as written in invitations, reminders
 * and the `.ics`. For now it is the platform's own link (`link`, null when the operator gave
 * none). The video systems (Jitsi Meet with a signed JWT per booking, BigBlueButton with a signed
 * join URL) extend this function: it is the one place that decides the link of a booking.
 */
import type { BookingRow, PlatformRow } from './conferencing.repo.js';

export function meetingLinkFor(platform: PlatformRow, booking: BookingRow): string | null {
  void booking;
  return platform.link;
}
