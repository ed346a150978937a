/**
 * The iCalendar invitation of a booking (RFC 5545/5546), written with the platform's writer
 * (src/platform/calendar/icalendar.ts):
 * - one stable UID per booking, SEQUENCE from the booking (raised on every write);
 * - METHOD:REQUEST while the booking is accepted (STATUS:CONFIRMED) or pending
 *   (STATUS:TENTATIVE); METHOD:CANCEL (STATUS:CANCELLED) once cancelled or refused;
 * - DTSTART/DTEND in Europe/Rome local time with the VTIMEZONE;
 * - ORGANIZER: the platform, with the instance's sender address (MAIL_FROM); ATTENDEE: the
 *   booking's organiser (chair, already accepted: no reply expected);
 * - LOCATION and URL: the meeting link (meeting-link.ts), or the platform's name when there is none.
 */
import { writeCalendar, type CalendarMethod } from '../../../platform/calendar/icalendar.js';
import type { BookingRow } from './bookings.repo.js';
import type { BookingVideoRow } from '../video/index.js';
import type { PlatformRow } from '../platforms/index.js';
import { meetingLinkFor } from '../video/index.js';
import { KIND_LABELS } from './booking-text.js';

/** Where invitations come from and where people manage their bookings. */
export interface MailSettings {
  sender: { name: string; email: string };
  /** The public address of the web app, without a trailing slash. */
  publicUrl: string;
}

/** Parses MAIL_FROM ("Agile PA <noreply@example.it>" or a bare address). */
export function mailSettingsOf(config: { MAIL_FROM: string; publicUrl: string }): MailSettings {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(config.MAIL_FROM);
  const sender = m ? { name: m[1].trim() || 'Agile PA', email: m[2].trim() } : { name: 'Agile PA', email: config.MAIL_FROM.trim() };
  return { sender, publicUrl: config.publicUrl.replace(/\/$/, '') };
}

export const DEFAULT_MAIL_SETTINGS: MailSettings = mailSettingsOf({ MAIL_FROM: 'Agile PA <noreply@agilepa.localhost>', publicUrl: 'http://localhost:3000' });

/** The UID of a booking's event: the same for every version of the invitation. */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@agilepa`;
}

export function invitationMethodOf(booking: Pick<BookingRow, 'status'>): CalendarMethod {
  return booking.status === 'cancelled' || booking.status === 'refused' ? 'CANCEL' : 'REQUEST';
}

/** The .ics of a booking, for the mail and for GET /bookings/{id}/invitation.ics. */
export function bookingInvitation(
  platform: PlatformRow,
  booking: BookingRow,
  settings: MailSettings,
  now: number,
  method: CalendarMethod = invitationMethodOf(booking),
  video: BookingVideoRow | null = null,
): { method: CalendarMethod; content: string } {
  const link = meetingLinkFor(platform, booking, video, now);
  const kind = KIND_LABELS[booking.kind];
  const description = [
    `${kind.it} su ${platform.name}: ${booking.expectedConnections} collegamenti previsti.`,
    link ? `Collegamento: ${link}` : 'Il collegamento sarà comunicato dal gestore della piattaforma.',
    `Organizzatore: ${booking.organiserName} <${booking.organiserEmail}>${booking.organiserPhone ? `, ${booking.organiserPhone}` : ''}`,
    '',
    `${kind.en} on ${platform.name}: ${booking.expectedConnections} expected connections.`,
    link ? `Link: ${link}` : 'The platform operator will send the link.',
  ].join('\n');
  const cancelled = method === 'CANCEL';
  const content = writeCalendar({
    method,
    now,
    events: [
      {
        uid: bookingUid(booking.id),
        sequence: booking.sequence,
        start: Date.parse(booking.start),
        end: Date.parse(booking.end),
        summary: booking.title,
        description,
        location: link ?? platform.name,
        url: link,
        status: cancelled ? 'CANCELLED' : booking.status === 'pending' ? 'TENTATIVE' : 'CONFIRMED',
        organizer: { name: platform.name, email: settings.sender.email },
        attendees: [{ name: booking.organiserName, email: booking.organiserEmail, role: 'CHAIR', partstat: 'ACCEPTED', rsvp: false }],
        categories: [kind.it],
        created: Date.parse(booking.createdAt),
        lastModified: Date.parse(booking.updatedAt),
      },
    ],
  });
  return { method, content };
}
