/**
 * What people may type: no control characters (NUL, the C0 set, DEL) other than tab and line
 * breaks, and no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which can
 * make a text read differently from what it holds. A one-line field (a name, a title, an address)
 * takes no line break either: it goes into mail subjects, calendar entries and CSV cells. Pure,
 * shared by the API's request check and the web forms.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const BIDI = /[\u202a-\u202e\u2066-\u2069]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

/** Field names that are one line wherever they appear in a request. */
export const ONE_LINE_FIELDS: ReadonlySet<string> = new Set([
  'name', 'title', 'displayName', 'firstName', 'lastName', 'email', 'pec', 'website', 'phone', 'code',
  'organiserName', 'organiserEmail', 'organiserPhone', 'ipaCode', 'taxCode', 'unit', 'skill', 'q', 'subject',
]);

/** Why a text is refused (Italian), or null. */
export function textProblem(value: string, oneLine: boolean): string | null {
  if (CONTROL.test(value)) return 'contiene caratteri di controllo';
  if (BIDI.test(value)) return 'contiene caratteri che invertono la direzione del testo';
  if (oneLine && LINE_BREAK.test(value)) return 'deve stare su una riga';
  return null;
}

/** Every refused text of a request part (body, query, params), with its field path (`body.title`). */
export function textProblems(value: unknown, path: string, field = ''): { field: string; message: string }[] {
  if (typeof value === 'string') {
    const problem = textProblem(value, ONE_LINE_FIELDS.has(field));
    return problem ? [{ field: path, message: problem }] : [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => textProblems(v, `${path}.${i}`, field));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => textProblems(v, `${path}.${k}`, k));
  return [];
}
