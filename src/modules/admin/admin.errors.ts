/** Domain errors of the admin pages (audit log, outbox, jobs). */
import { defineError } from '../../platform/http/errors.js';

export const adminErrors = {
  auditOtherBody: defineError('audit.other_body', {
    status: 403,
    title: 'Puoi consultare solo il registro delle attività del tuo ente',
    titleEn: 'You may only read the audit log of your own body',
  }),
  auditNoBody: defineError('audit.no_body', {
    status: 403,
    title: 'Scegli l’ente per cui operi prima di consultare il registro delle attività',
    titleEn: 'Choose the body you act for before reading the audit log',
  }),
  auditBadRange: defineError('audit.invalid_range', {
    status: 400,
    title: 'Intervallo di date non valido: la data iniziale deve precedere quella finale',
    titleEn: 'Invalid date range: from must be before to',
  }),
  outboxInvalidId: defineError('outbox.invalid_id', {
    status: 400,
    title: 'Identificativo del messaggio non valido',
    titleEn: 'Invalid message id',
  }),
  outboxNotFound: defineError('outbox.not_found', {
    status: 404,
    title: 'Messaggio non trovato nella posta in uscita',
    titleEn: 'Message not found in the outbox',
  }),
};
