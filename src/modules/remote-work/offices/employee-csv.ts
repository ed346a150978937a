/**
 * The employees' CSV file, pure: checking an import (every row with every error, nothing written
 * here) and writing an export in the same columns, so an export imports back unchanged.
 *
 * Columns (Italian headers, any order, `;` or `,`, UTF-8 with or without BOM):
 *   codice_fiscale*   the tax code (validated: check letter, omocodia, birth date)
 *   nome*, cognome*   first name and surname
 *   email             work e-mail; links the employee to the platform account with that e-mail
 *   codice_ufficio*   the office's code in the body (e.g. URP), case-insensitive
 *   competenze        skills separated by commas, `|` or spaces (e.g. "sportello,protocollo")
 *   giorni_preferiti  preferred remote weekdays: 1-7 or lun, mar, mer, gio, ven, sab, dom
 *   lavoratore_fragile sì / no (disabled or fragile worker: 90 days' notice of withdrawal)
 * (* required). Rows are matched to the body's employees by tax code: existing ones are updated
 * (and made active again), new ones created. The export lists the active employees.
 */
import { csvFormat, csvHeader, csvRow, parseCsv, type Separator } from '../../../platform/csv.js';
import { namesMatchCodiceFiscale, validateCodiceFiscale } from './codice-fiscale.js';
import { formatWeekdays, parseEmail, parsePersonName, parseSkills, parseWeekdays, parseYesNo, sameName } from './employee-rules.js';

export const IMPORT_COLUMNS = ['codice_fiscale', 'nome', 'cognome', 'email', 'codice_ufficio', 'competenze', 'giorni_preferiti', 'lavoratore_fragile'] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
export const REQUIRED_COLUMNS: ImportColumn[] = ['codice_fiscale', 'nome', 'cognome', 'codice_ufficio'];
export const MAX_IMPORT_ROWS = 20_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ImportOffice {
  id: string;
  code: string;
}

export interface ExistingEmployee {
  id: string;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  officeId: string;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
  active: boolean;
}

export interface ImportProblem {
  /** The column concerned, or null for the whole row / file. */
  column: ImportColumn | null;
  /** Stable code, e.g. `tax_code.check`, `office.unknown`, `tax_code.duplicate_in_file`. */
  code: string;
  message: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged';

export interface ImportRowReport {
  /** Line of the file (the header is line 1). */
  line: number;
  values: Partial<Record<ImportColumn, string>>;
  /** What committing would do; null when the row has errors. */
  action: ImportAction | null;
  errors: ImportProblem[];
  warnings: string[];
}

export interface ImportReport {
  separator: Separator;
  clean: boolean;
  totalRows: number;
  rowsWithErrors: number;
  creates: number;
  updates: number;
  unchanged: number;
  /** Problems of the file as a whole: columns, encoding, coverage after the import. */
  fileErrors: ImportProblem[];
  rows: ImportRowReport[];
}

/** A checked row, ready to write. */
export interface ImportedEmployee {
  line: number;
  existingId: string | null;
  action: ImportAction;
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  officeId: string;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
}

export interface ImportContext {
  offices: ImportOffice[];
  existing: ExistingEmployee[];
  referenceYear?: number;
}

const HEADER_ALIASES: Record<string, ImportColumn> = {
  codicefiscale: 'codice_fiscale',
  cf: 'codice_fiscale',
  nome: 'nome',
  cognome: 'cognome',
  email: 'email',
  mail: 'email',
  codiceufficio: 'codice_ufficio',
  ufficio: 'codice_ufficio',
  competenze: 'competenze',
  giornipreferiti: 'giorni_preferiti',
  lavoratorefragile: 'lavoratore_fragile',
};

/** "Codice fiscale", "CODICE_FISCALE", "e-mail" → the column. */
function columnOf(header: string): ImportColumn | null {
  const k = header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  return HEADER_ALIASES[k] ?? null;
}

const sameSet = (a: readonly (string | number)[], b: readonly (string | number)[]) => a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000');

function emptyReport(separator: Separator, fileErrors: ImportProblem[]): { report: ImportReport; employees: ImportedEmployee[] } {
  return { report: { separator, clean: false, totalRows: 0, rowsWithErrors: 0, creates: 0, updates: 0, unchanged: 0, fileErrors, rows: [] }, employees: [] };
}

/**
 * Checks a whole file against the body's offices and employees. Returns the report (every row,
 * every error) and, for the rows without errors, what to write. Too-large files are refused by
 * the caller before this (see MAX_IMPORT_BYTES / MAX_IMPORT_ROWS), but the row limit is checked
 * here too.
 */
export function checkEmployeeImport(text: string, ctx: ImportContext): { report: ImportReport; employees: ImportedEmployee[] } {
  if (text.includes('\uFFFD')) {
    return emptyReport(';', [{ column: null, code: 'file.encoding', message: 'Il file non è in UTF-8: salvalo come «CSV UTF-8» e riprova (le lettere accentate risultano illeggibili).' }]);
  }
  const parsed = parseCsv(text);
  if (!parsed.ok) return emptyReport(';', [{ column: null, code: 'file.quotes', message: `Riga ${parsed.line}: ${parsed.message}.` }]);
  const { separator } = parsed;
  const records = parsed.records.filter((r) => r.fields.some((f) => f.trim() !== ''));
  if (records.length === 0) return emptyReport(separator, [{ column: null, code: 'file.empty', message: 'Il file è vuoto: serve la riga di intestazione e almeno una riga di dati.' }]);

  // header
  const fileErrors: ImportProblem[] = [];
  const header = records[0].fields.map((h) => h.trim());
  const positions = new Map<ImportColumn, number>();
  header.forEach((h, i) => {
    const c = columnOf(h);
    if (!c) {
      if (h) fileErrors.push({ column: null, code: 'columns.unknown', message: `Colonna sconosciuta «${h.slice(0, 40)}»: le colonne ammesse sono ${IMPORT_COLUMNS.join(', ')}.` });
      else fileErrors.push({ column: null, code: 'columns.unnamed', message: `La colonna ${i + 1} non ha nome nell’intestazione.` });
    } else if (positions.has(c)) fileErrors.push({ column: c, code: 'columns.repeated', message: `La colonna «${c}» compare due volte.` });
    else positions.set(c, i);
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!positions.has(c)) fileErrors.push({ column: c, code: 'columns.missing', message: `Manca la colonna obbligatoria «${c}».` });
  }
  const data = records.slice(1);
  if (data.length === 0) fileErrors.push({ column: null, code: 'file.no_rows', message: 'Il file ha solo l’intestazione: nessuna riga da importare.' });
  if (data.length > MAX_IMPORT_ROWS) {
    return emptyReport(separator, [{ column: null, code: 'file.too_many_rows', message: `Il file ha ${data.length} righe: al massimo ${MAX_IMPORT_ROWS} per importazione.` }]);
  }
  if (fileErrors.some((e) => e.code === 'columns.missing' || e.code === 'columns.unknown' || e.code === 'columns.unnamed' || e.code === 'columns.repeated')) {
    // With the wrong columns every row would be misread: say so once, and list the rows unchecked.
    const rows = data.map((r) => ({ line: r.line, values: {}, action: null, errors: [], warnings: [] }));
    return { report: { separator, clean: false, totalRows: data.length, rowsWithErrors: 0, creates: 0, updates: 0, unchanged: 0, fileErrors, rows }, employees: [] };
  }

  const officeByCode = new Map<string, ImportOffice>();
  for (const o of ctx.offices) officeByCode.set(o.code.toUpperCase(), o);
  const existingByTax = new Map(ctx.existing.map((e) => [e.taxCode, e]));
  const firstLineOfTax = new Map<string, number>();
  const rows: ImportRowReport[] = [];
  const candidates: (ImportedEmployee | null)[] = [];

  for (const rec of data) {
    const values: Partial<Record<ImportColumn, string>> = {};
    for (const [c, i] of positions) values[c] = rec.fields[i] ?? '';
    const errors: ImportProblem[] = [];
    const warnings: string[] = [];
    const err = (column: ImportColumn | null, code: string, message: string) => errors.push({ column, code, message });
    if (rec.fields.length !== header.length) {
      err(null, 'row.columns', `La riga ha ${rec.fields.length} campi invece di ${header.length}: controlla separatori e virgolette.`);
    }
    const get = (c: ImportColumn) => (values[c] ?? '').trim();

    // codice fiscale
    const cf = validateCodiceFiscale(get('codice_fiscale'), ctx.referenceYear);
    let taxCode = '';
    if (!cf.valid) err('codice_fiscale', `tax_code.${cf.problem}`, cf.message);
    else {
      taxCode = cf.code;
      const first = firstLineOfTax.get(taxCode);
      if (first !== undefined) err('codice_fiscale', 'tax_code.duplicate_in_file', `codice fiscale ripetuto: compare già alla riga ${first}`);
      else firstLineOfTax.set(taxCode, rec.line);
    }
    const first = parsePersonName(get('nome'));
    if (!first.ok) err('nome', 'first_name.invalid', `nome: ${first.message}`);
    const last = parsePersonName(get('cognome'));
    if (!last.ok) err('cognome', 'last_name.invalid', `cognome: ${last.message}`);
    const email = parseEmail(get('email'));
    if (!email.ok) err('email', 'email.invalid', email.message);
    const officeCode = get('codice_ufficio');
    const office = officeCode ? officeByCode.get(officeCode.toUpperCase()) : undefined;
    if (!officeCode) err('codice_ufficio', 'office.missing', 'codice ufficio mancante');
    else if (!office) err('codice_ufficio', 'office.unknown', `ufficio «${officeCode.slice(0, 30)}» sconosciuto: crea prima l’ufficio o correggi il codice`);
    const skills = parseSkills(get('competenze'));
    if (!skills.ok) err('competenze', 'skills.invalid', skills.message);
    const weekdays = parseWeekdays(get('giorni_preferiti'));
    if (!weekdays.ok) err('giorni_preferiti', 'weekdays.invalid', weekdays.message);
    const fragile = parseYesNo(get('lavoratore_fragile'));
    if (!fragile.ok) err('lavoratore_fragile', 'fragile.invalid', fragile.message);

    const existing = taxCode ? existingByTax.get(taxCode) : undefined;
    if (cf.valid && first.ok && last.ok) {
      if (existing && !sameName(existing.lastName, last.value) && !sameName(existing.firstName, first.value)) {
        err('codice_fiscale', 'tax_code.taken', `codice fiscale già registrato nell’ente per ${existing.lastName} ${existing.firstName}: nome e cognome non corrispondono`);
      } else if (!namesMatchCodiceFiscale(taxCode, last.value, first.value)) {
        warnings.push('nome e cognome non corrispondono alle lettere del codice fiscale: controlla che siano della stessa persona');
      }
    }
    if (cf.valid && cf.omocodic) warnings.push('codice fiscale omocodico (alcune cifre sono sostituite da lettere): è corretto solo se così rilasciato');

    let candidate: ImportedEmployee | null = null;
    if (errors.length === 0 && first.ok && last.ok && email.ok && office && skills.ok && weekdays.ok && fragile.ok) {
      const next = {
        taxCode,
        firstName: first.value,
        lastName: last.value,
        email: email.value,
        officeId: office.id,
        skills: skills.value,
        preferredWeekdays: weekdays.value,
        disabledWorker: fragile.value,
      };
      const unchanged =
        !!existing &&
        existing.active &&
        existing.firstName === next.firstName &&
        existing.lastName === next.lastName &&
        existing.email === next.email &&
        existing.officeId === next.officeId &&
        sameSet(existing.skills, next.skills) &&
        sameSet(existing.preferredWeekdays, next.preferredWeekdays) &&
        existing.disabledWorker === next.disabledWorker;
      candidate = { line: rec.line, existingId: existing?.id ?? null, action: existing ? (unchanged ? 'unchanged' : 'update') : 'create', ...next };
    }
    candidates.push(candidate);
    rows.push({ line: rec.line, values, action: null, errors, warnings });
  }

  // E-mail: one person each, in the body as it would be after the import.
  const emailOwner = new Map<string, { taxCode: string; line: number | null }>();
  // the e-mail of an employee updated by the file is the file's
  const inFile = new Set(candidates.filter((c) => c?.existingId).map((c) => c!.taxCode));
  for (const e of ctx.existing) if (e.email && !inFile.has(e.taxCode)) emailOwner.set(e.email, { taxCode: e.taxCode, line: null });
  rows.forEach((row, i) => {
    const mail = parseEmail(row.values.email ?? '');
    if (!mail.ok || !mail.value) return;
    const tax = validateCodiceFiscale(row.values.codice_fiscale ?? '', ctx.referenceYear);
    const taxCode = tax.valid ? tax.code : `#${row.line}`;
    const owner = emailOwner.get(mail.value);
    if (owner && owner.taxCode !== taxCode) {
      const where = owner.line === null ? 'un altro dipendente dell’ente' : `la riga ${owner.line}`;
      row.errors.push({ column: 'email', code: 'email.duplicate', message: `indirizzo e-mail già usato da ${where}` });
      candidates[i] = null;
    } else if (!owner) emailOwner.set(mail.value, { taxCode, line: row.line });
  });

  const employees: ImportedEmployee[] = [];
  rows.forEach((row, i) => {
    const c = row.errors.length === 0 ? candidates[i] : null;
    row.action = c?.action ?? null;
    if (c) employees.push(c);
  });
  const rowsWithErrors = rows.filter((r) => r.errors.length > 0).length;
  const count = (a: ImportAction) => employees.filter((e) => e.action === a).length;
  return {
    report: {
      separator,
      clean: rowsWithErrors === 0 && fileErrors.length === 0,
      totalRows: rows.length,
      rowsWithErrors,
      creates: count('create'),
      updates: count('update'),
      unchanged: count('unchanged'),
      fileErrors,
      rows,
    },
    employees,
  };
}

/** A row of the export, in the import's columns. */
export interface ExportEmployee {
  taxCode: string;
  firstName: string;
  lastName: string;
  email: string | null;
  officeCode: string;
  skills: string[];
  preferredWeekdays: number[];
  disabledWorker: boolean;
}

/** The CSV header line (with the UTF-8 BOM that spreadsheets need to read accents). */
export function exportHeader(separator: Separator = ';'): string {
  return csvHeader(IMPORT_COLUMNS, csvFormat(separator));
}

export function exportLine(e: ExportEmployee, separator: Separator = ';'): string {
  return csvRow(
    [e.taxCode, e.firstName, e.lastName, e.email ?? '', { code: e.officeCode }, [...e.skills].sort().join(','), formatWeekdays(e.preferredWeekdays), e.disabledWorker ? 'sì' : 'no'],
    csvFormat(separator),
  );
}
