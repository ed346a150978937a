/**
 * The one rule for an e-mail address people type (sign-in, a member, an employee, a booking's
 * organiser), on the server and in the web forms: one @, a dot in the domain and at least two
 * letters after it, no spaces and none of the characters that break a mail header or a CSV cell
 * (`"<>;,`), at most 254 characters. Callers trim it first; the server stores it lower case.
 */
export const EMAIL_MAX = 254;
const EMAIL = /^[^\s@"<>;,]+@[^\s@"<>;,]+\.[^\s@"<>;,]{2,}$/;

export function isValidEmail(value: string): boolean {
  return value.length <= EMAIL_MAX && EMAIL.test(value);
}
