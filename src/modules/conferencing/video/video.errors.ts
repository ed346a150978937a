/** Domain errors of the video systems of the conferencing module (stable codes, Italian titles first). */
import { defineError } from '../../../platform/http/errors.js';

export const videoErrors = {
  settingsInvalid: defineError('video.settings_invalid', {
    status: 422,
    title: 'Impostazioni del sistema video non valide: controlla i campi indicati',
    titleEn: 'Invalid video system settings',
  }),
  // Jitsi's reservation API (Prosody mod_reservations): 4xx with `message`, never 409 (Prosody reads
  // 409 as "the conference exists" and expects a conflict_id).
  roomUnknown: defineError('jitsi.room_unknown', {
    status: 404,
    title: 'Nessuna prenotazione per questa stanza sulle piattaforme Jitsi del tuo ente',
    titleEn: 'No booking for this room on your Jitsi platforms',
  }),
  bookingNotActive: defineError('jitsi.booking_not_active', {
    status: 403,
    title: 'La prenotazione di questa stanza non è confermata',
    titleEn: 'The booking of this room is not accepted',
  }),
  tooEarly: defineError('jitsi.too_early', {
    status: 403,
    title: 'La stanza non è ancora aperta: la riunione prenotata non è iniziata',
    titleEn: 'The room is not open yet',
  }),
  ended: defineError('jitsi.booking_ended', {
    status: 403,
    title: 'La prenotazione di questa stanza è terminata',
    titleEn: 'The booking of this room has ended',
  }),
};
