/**
 * A small, strict CSV reader and writer (RFC 4180 with the habits of Italian spreadsheets):
 * `;` or `,` as separator (detected on the header line), fields in double quotes with `""` for a
 * quote, line breaks inside quoted fields, CRLF or LF line ends, a UTF-8 byte-order mark ignored.
 * No package is installed for CSV, and the rules are few: they live here with their tests.
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
    fields.push(field);
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
      fields.push(field);
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

/** One field, quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvField(value: string, separator: Separator): string {
  return value.includes(separator) || /["\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** One record with its CRLF line end. */
export function csvRecord(values: string[], separator: Separator): string {
  return values.map((v) => csvField(v, separator)).join(separator) + '\r\n';
}
