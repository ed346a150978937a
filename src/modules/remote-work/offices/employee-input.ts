/**
 * The fields of an employee as the API receives them, checked with the same rules as the CSV
 * import (codice fiscale, names, e-mail, skills, weekdays): every problem as a field error.
 */
import type { FieldError } from '../../../platform/http/errors.js';
import { validateCodiceFiscale } from './codice-fiscale.js';
import { normalizeSkills, parseEmail, parsePersonName, SKILL } from './employee-rules.js';
import type { EmployeeFields } from './offices.repo.js';

export interface EmployeeInput {
  taxCode?: string;
  firstName?: string;
  lastName?: string;
  email?: string | null;
  officeId?: string;
  skills?: string[];
  preferredWeekdays?: number[];
  disabledWorker?: boolean;
  active?: boolean;
}

/** Applies `input` over `base` and checks the result. */
export function checkEmployeeFields(base: EmployeeFields, input: EmployeeInput): { fields: EmployeeFields; errors: FieldError[]; taxCodeProblem: string | null } {
  const errors: FieldError[] = [];
  const fields: EmployeeFields = { ...base };
  let taxCodeProblem: string | null = null;
  if (input.taxCode !== undefined) {
    const cf = validateCodiceFiscale(input.taxCode);
    if (cf.valid) fields.taxCode = cf.code;
    else {
      taxCodeProblem = cf.message;
      errors.push({ field: 'body.taxCode', message: cf.message });
    }
  }
  for (const k of ['firstName', 'lastName'] as const) {
    if (input[k] === undefined) continue;
    const p = parsePersonName(input[k]!);
    if (p.ok) fields[k] = p.value;
    else errors.push({ field: `body.${k}`, message: `${k === 'firstName' ? 'nome' : 'cognome'}: ${p.message}` });
  }
  if (input.email !== undefined) {
    const p = parseEmail(input.email ?? '');
    if (p.ok) fields.email = p.value;
    else errors.push({ field: 'body.email', message: p.message });
  }
  if (input.officeId !== undefined) fields.officeId = input.officeId;
  if (input.skills !== undefined) {
    const s = normalizeSkills(input.skills);
    if (s.some((x) => !SKILL.test(x))) errors.push({ field: 'body.skills', message: 'competenze: lettere minuscole, cifre, - e _' });
    fields.skills = s;
  }
  if (input.preferredWeekdays !== undefined) fields.preferredWeekdays = [...new Set(input.preferredWeekdays)].sort((a, b) => a - b);
  if (input.disabledWorker !== undefined) fields.disabledWorker = input.disabledWorker;
  if (input.active !== undefined) fields.active = input.active;
  return { fields, errors, taxCodeProblem };
}
