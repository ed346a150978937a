/**
 * The one CSV reader and writer of the platform (RFC 4180 with the habits of Italian spreadsheets).
 * Every import and export uses it. No package is installed for CSV, and the rules are few: they
 * live here with their tests (csv.test.ts).
 *
 * Reading: `;` or `,` as separator (detected on the header line), fields in double quotes with `""`
 * for a quote, line breaks inside quoted fields, CRLF or LF line ends, a UTF-8 byte-order mark
 * ignored. What this writer adds to keep a spreadsheet from misreading a cell is taken off again
 * (`="007"` reads `007`, `'=SUM(A1)` reads `=SUM(A1)`), so an export imports back unchanged.
 *
 * Writing (`csvDocument`, `csvRow`): UTF-8 with a byte-order mark (Excel then reads the accents),
 * CRLF, headers in Italian snake_case (`codice_fiscale`, `ore_prenotate`). The format is chosen per
 * export and documented in its route: `SPREADSHEET_IT` (`;` and decimal comma, what Excel and
 * LibreOffice in Italian open as columns, the default everywhere) or `PLAIN` (`,` and decimal
 * point, for programs). Every text cell that a spreadsheet would run as a formula (starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading apostrophe; numbers are written
 * as numbers; codes (`{ code: '001272' }`: ISTAT codes, office codes) as text a spreadsheet keeps
 * with its leading zeros.
 */

export type Separator = ';' | ',';

export interface CsvRecord {
  /** 1-based line of the file where the record starts (what a spreadsheet shows as its row). */
  line: number;
  fields: string[];
}

export type CsvResult =
  | { ok: true; separator: Separator; records: CsvRecord[] }
  | { ok: false; line: number; message: string };

/** The separator of the first line: the one of `;` and `,` that occurs more often outside quotes (`;` on a tie). */
export function detectSeparator(text: string): Separator {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && c === ';') semi++;
    else if (!quoted && c === ',') comma++;
  }
  return comma > semi ? ',' : ';';
}

/**
 * Parses a whole file. Blank lines are skipped. A quote inside an unquoted field, text after a
 * closing quote or a quote never closed is an error with its line: such a file would be read
 * differently by different programs, so it is refused rather than guessed.
 */
export function parseCsv(input: string, separator?: Separator): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = separator ?? detectSeparator(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const n = text.length;
  // Whether the current record has any content (to skip blank lines).
  let started = false;
  const endRecord = () => {
    fields.push(readBack(field));
    if (started) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    started = false;
  };
  while (i < n) {
    const c = text[i];
    if (c === '"') {
      if (field.length > 0) return { ok: false, line, message: 'virgolette nel mezzo di un campo: racchiudi tutto il campo tra virgolette e raddoppia quelle interne ("")' };
      started = true;
      const openLine = line;
      i++;
      for (;;) {
        if (i >= n) return { ok: false, line: openLine, message: 'virgolette aperte e mai chiuse' };
        const q = text[i];
        if (q === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (q === '\r' && text[i + 1] === '\n') {
          field += '\r\n';
          i += 2;
          line++;
          continue;
        }
        if (q === '\n' || q === '\r') line++;
        field += q;
        i++;
      }
      // after the closing quote: a separator, a line end or the end of the file
      const next = text[i];
      if (i < n && next !== sep && next !== '\n' && next !== '\r') {
        return { ok: false, line, message: 'testo dopo le virgolette di chiusura: racchiudi tutto il campo tra virgolette' };
      }
      continue;
    }
    if (c === sep) {
      started = true;
      fields.push(readBack(field));
      field = '';
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
      continue;
    }
    started = true;
    field += c;
    i++;
  }
  if (started || field.length > 0 || fields.length > 0) endRecord();
  return { ok: true, separator: sep, records };
}

/** Takes off what `csvCell` adds for spreadsheets: `="007"` is `007`, `'=x` is `=x` (and `''=x` is `'=x`). */
function readBack(field: string): string {
  const code = /^="([^"]*)"$/.exec(field);
  if (code) return code[1];
  return /^'+[=+\-@\t\r]/.test(field) ? field.slice(1) : field;
}

/** A code kept as text by spreadsheets (an ISTAT code with its leading zeros, an office code). */
export interface CsvCode {
  code: string;
}
export type CsvValue = string | number | null | undefined | CsvCode;

export interface CsvFormat {
  separator: Separator;
  /** The decimal mark of numbers. */
  decimal: ',' | '.';
}
/** `;` and decimal comma: what a spreadsheet in Italian opens as columns. The default of every export. */
export const SPREADSHEET_IT: CsvFormat = { separator: ';', decimal: ',' };
/** `,` and decimal point, for programs. */
export const PLAIN: CsvFormat = { separator: ',', decimal: '.' };

/** The format an export's `separator` parameter names. */
export function csvFormat(separator: 'semicolon' | 'comma' | Separator = 'semicolon'): CsvFormat {
  return separator === 'comma' || separator === ',' ? PLAIN : SPREADSHEET_IT;
}

/** Text a spreadsheet would run as a formula; with apostrophes before it, so that what is read back is what was written. */
const FORMULA = /^'*[=+\-@\t\r]/;

/** One cell: text defused and quoted when needed, a number with the format's decimal mark, a code as text. */
export function csvCell(value: CsvValue, format: CsvFormat = SPREADSHEET_IT): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', format.decimal) : '';
  if (typeof value === 'object') {
    // digits only: a spreadsheet would read a number and drop the leading zeros; anything else is plain text
    return /^\d+$/.test(value.code) ? quote(`="${value.code}"`) : csvCell(value.code, format);
  }
  const text = FORMULA.test(value) ? `'${value}` : value;
  return text.includes(format.separator) || /["\r\n]/.test(text) || /^\s|\s$/.test(text) ? quote(text) : text;
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** One record with its CRLF line end. */
export function csvRow(values: readonly CsvValue[], format: CsvFormat = SPREADSHEET_IT): string {
  return values.map((v) => csvCell(v, format)).join(format.separator) + '\r\n';
}

/** The byte-order mark and the header line, to start a streamed export. */
export function csvHeader(columns: readonly string[], format: CsvFormat = SPREADSHEET_IT): string {
  return '\uFEFF' + csvRow(columns, format);
}

/** A whole file: byte-order mark, header, rows. */
export function csvDocument(columns: readonly string[], rows: Iterable<readonly CsvValue[]>, format: CsvFormat = SPREADSHEET_IT): string {
  let out = csvHeader(columns, format);
  for (const r of rows) out += csvRow(r, format);
  return out;
}
