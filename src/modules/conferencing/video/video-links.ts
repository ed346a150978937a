/**
 * The meeting links of a booking (pure): Jitsi links with a signed token, BigBlueButton signed
 * join URLs and the create URL, or the platform's own link when it drives no configured video system.
 */
import { openSecret } from '../../../platform/secret-box.js';
import type { BookingVideoRow } from './video.repo.js';
import { BBB_EARLY_MINUTES, bbbCreateUrl, bbbJoinUrl, type BbbSettings } from './video-bbb.js';
import { JITSI_TOKEN_MARGIN_SECONDS, jitsiMeetingUrl, type JitsiSettings } from './video-jitsi.js';
import { clock } from '../../../platform/clock.js';

export interface LinkViewer {
  /** The caller belongs to the booking's body: it gets the moderator link (and BigBlueButton's create URL). */
  organiser: boolean;
  userId?: string;
  name?: string;
  email?: string;
}

export interface BookingLinks {
  bookingId: string;
  videoSystem: 'none' | 'jitsi' | 'bbb';
  /** The room (Jitsi) or meetingID (BigBlueButton) of the booking; null without a configured video system. */
  room: string | null;
  /** When the links work: the booking with the margins of the video system. */
  validFrom: string;
  validUntil: string;
  /** The link to share with the participants. */
  attendeeUrl: string | null;
  /** The organiser's link (moderator): only for the booking's body. */
  moderatorUrl: string | null;
  /** BigBlueButton: the signed `create` call that opens the meeting before anyone joins (booking's body only). */
  createUrl: string | null;
}

export function jitsiSettingsOf(b: BookingVideoRow): JitsiSettings | null {
  if (b.videoSystem !== 'jitsi' || !b.jitsiDomain || !b.jitsiAppId || !b.jitsiAppSecret) return null;
  return { domain: b.jitsiDomain, appId: b.jitsiAppId, appSecret: openSecret(b.jitsiAppSecret) };
}

export function bbbSettingsOf(b: BookingVideoRow): BbbSettings | null {
  if (b.videoSystem !== 'bbb' || !b.bbbApiUrl || !b.bbbSecret) return null;
  return { apiUrl: b.bbbApiUrl, secret: openSecret(b.bbbSecret), checksum: b.bbbChecksum ?? 'sha256' };
}

export function bookingLinks(b: BookingVideoRow, viewer: LinkViewer, now = clock.now()): BookingLinks {
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  const margin = JITSI_TOKEN_MARGIN_SECONDS * 1000;
  const base = { bookingId: b.bookingId, validFrom: new Date(start - margin).toISOString(), validUntil: b.end };
  const jitsi = jitsiSettingsOf(b);
  if (jitsi) {
    const token = { room: b.room, start, end, now };
    return {
      ...base,
      videoSystem: 'jitsi',
      room: b.room,
      validUntil: new Date(end + margin).toISOString(),
      attendeeUrl: jitsiMeetingUrl(jitsi, { ...token, moderator: false }),
      moderatorUrl: viewer.organiser
        ? jitsiMeetingUrl(jitsi, { ...token, moderator: true, user: { id: viewer.userId, name: viewer.name, email: viewer.email } })
        : null,
      createUrl: null,
    };
  }
  const bbb = bbbSettingsOf(b);
  if (bbb) {
    return {
      ...base,
      videoSystem: 'bbb',
      room: b.room,
      validFrom: new Date(start - BBB_EARLY_MINUTES * 60_000).toISOString(),
      attendeeUrl: bbbJoinUrl(bbb, { meetingId: b.room, fullName: 'Partecipante', moderator: false }),
      moderatorUrl: viewer.organiser ? bbbJoinUrl(bbb, { meetingId: b.room, fullName: viewer.name || 'Organizzatore', moderator: true, userId: viewer.userId }) : null,
      createUrl: viewer.organiser ? bbbCreateUrl(bbb, { meetingId: b.room, name: b.title, start, end, maxParticipants: b.expectedConnections }) : null,
    };
  }
  return { ...base, validFrom: b.start, videoSystem: b.videoSystem, room: null, attendeeUrl: b.link, moderatorUrl: null, createUrl: null };
}
