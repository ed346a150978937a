/** Domain errors of the conferencing module (stable codes, Italian titles first). */
import { defineError } from '../../platform/http/errors.js';

export const conferencingErrors = {
  platformNotFound: defineError('platform.not_found', { status: 404, title: 'Piattaforma di videoconferenza non trovata', titleEn: 'Conference platform not found' }),
  bookingNotFound: defineError('booking.not_found', { status: 404, title: 'Prenotazione non trovata', titleEn: 'Booking not found' }),
  invalidRange: defineError('booking.invalid_range', { status: 422, title: 'La fine della prenotazione deve essere successiva all’inizio', titleEn: 'The end must be after the start' }),
  connectionsInvalid: defineError('booking.connections_invalid', { status: 422, title: 'Il numero di collegamenti previsti non è valido', titleEn: 'Invalid number of expected connections' }),
  noticeTooShort: defineError('booking.notice_too_short', { status: 422, title: 'Preavviso insufficiente: prenota almeno con i giorni di anticipo richiesti', titleEn: 'Notice too short' }),
  beyondHorizon: defineError('booking.beyond_horizon', { status: 422, title: 'La data è oltre il periodo prenotabile', titleEn: 'Beyond the booking horizon' }),
  tooLong: defineError('booking.too_long', { status: 422, title: 'La prenotazione supera la durata massima', titleEn: 'Booking too long' }),
  outsideOpeningHours: defineError('booking.outside_opening_hours', { status: 422, title: 'La prenotazione è fuori dall’orario di servizio della piattaforma', titleEn: 'Outside opening hours' }),
  holiday: defineError('booking.holiday', { status: 422, title: 'La piattaforma è chiusa nei giorni festivi', titleEn: 'Closed on public holidays' }),
  notMember: defineError('booking.not_member', { status: 403, title: 'Il tuo ente non può prenotare questa piattaforma', titleEn: 'Your body may not book this platform' }),
  capacityExceeded: defineError('booking.capacity_exceeded', { status: 409, title: 'Capacità della piattaforma superata: vedi gli orari proposti', titleEn: 'Platform capacity exceeded' }),
  pastReadOnly: defineError('booking.past_readonly', { status: 409, title: 'Le prenotazioni iniziate o passate non si modificano', titleEn: 'Past bookings are read-only' }),
  notActive: defineError('booking.not_active', { status: 409, title: 'La prenotazione è annullata o rifiutata', titleEn: 'The booking is cancelled or refused' }),
  notPending: defineError('booking.not_pending', { status: 409, title: 'La prenotazione non è in attesa di approvazione', titleEn: 'The booking is not pending approval' }),
  rangeTooWide: defineError('availability.range_too_wide', { status: 422, title: 'Intervallo troppo ampio: al massimo 62 giorni', titleEn: 'Range too wide (at most 62 days)' }),
  invalidOpeningHours: defineError('platform.invalid_opening_hours', { status: 422, title: 'Orari di servizio non validi', titleEn: 'Invalid opening hours' }),
  platformArchived: defineError('platform.archived', { status: 409, title: 'La piattaforma è stata dismessa: non accetta prenotazioni né modifiche', titleEn: 'The platform is archived' }),
  capacityBelowBookings: defineError('platform.capacity_below_bookings', { status: 409, title: 'La nuova capacità è inferiore ai collegamenti già prenotati: vedi gli intervalli indicati', titleEn: 'The new capacity is below the connections already booked' }),
  hasFutureBookings: defineError('platform.has_future_bookings', { status: 409, title: 'La piattaforma ha prenotazioni future: confermane l’annullamento per dismetterla', titleEn: 'The platform has future bookings' }),
  invalidTerritory: defineError('platform.invalid_territory', { status: 422, title: 'Il territorio deve essere una regione, una provincia o una città metropolitana', titleEn: 'The territory must be a region, a province or a metropolitan city' }),
  invalidMembers: defineError('platform.invalid_members', { status: 422, title: 'Alcuni enti aderenti indicati non esistono', titleEn: 'Some member bodies do not exist' }),
  usageRangeTooWide: defineError('usage.range_too_wide', { status: 422, title: 'Periodo troppo ampio: al massimo 366 giorni', titleEn: 'Period too wide (at most 366 days)' }),
  usageInvalidRange: defineError('usage.invalid_range', { status: 422, title: 'La data finale del periodo deve essere uguale o successiva a quella iniziale', titleEn: 'The end date must not precede the start date' }),
  invalidOperator: defineError('platform.invalid_operator', { status: 422, title: 'Il gestore deve essere un fornitore o un’associazione', titleEn: 'The operator must be a provider or an association' }),
};
