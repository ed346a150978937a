/** Domain errors of the directory of public bodies (stable codes, Italian titles first). */
import { defineError } from '../../platform/http/errors.js';

export const organizationErrors = {
  notFound: defineError('organization.not_found', {
    status: 404,
    title: 'Ente non trovato',
    titleEn: 'Organization not found',
  }),
  duplicateCode: defineError('organization.duplicate_code', {
    status: 409,
    title: 'Esiste già un ente con questo codice',
    titleEn: 'An organization with this code already exists',
  }),
  invalidLink: defineError('organization.invalid_link', {
    status: 422,
    title: 'Gli enti collegati indicati non sono validi',
    titleEn: 'Invalid parent or member organizations',
  }),
  officialFieldReadOnly: defineError('organization.official_field_read_only', {
    status: 422,
    title: 'Questo dato proviene dall’elenco ufficiale ISTAT e non si modifica a mano',
    titleEn: 'This field comes from the official ISTAT list and cannot be edited',
  }),
  fieldNotAllowed: defineError('organization.field_not_allowed', {
    status: 403,
    title: 'L’amministratore dell’ente può modificare solo contatti e giorno del patrono',
    titleEn: 'Body administrators may only change contact fields and the patron day',
  }),
};
