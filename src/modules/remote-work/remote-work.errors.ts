/**
 * Domain errors of the remote-work module (stable codes, Italian titles first). Each area of the
 * module (offices and employees, agreements, plans, indicators, POLA, objectives) adds its own
 * group below; codes start with the area: `office.`, `employee.`, `agreement.`, `plan.`, …
 */
import { defineError } from '../../platform/http/errors.js';

export const remoteWorkErrors = {
  forbidden: defineError('remote_work.forbidden', { status: 403, title: 'Non hai il ruolo necessario per questa operazione sul lavoro agile', titleEn: 'You lack the role for this remote-work operation' }),
};
