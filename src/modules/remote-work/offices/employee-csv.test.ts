import { describe, expect, it } from 'vitest';
import { makeCodiceFiscale } from './codice-fiscale.js';
import { parseCsv } from '../../../platform/csv.js';
import { checkEmployeeImport, exportHeader, exportLine, IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ExistingEmployee, type ImportContext } from './employee-csv.js';
import { coverageShortfalls, describeShortfall, parseEmail, parsePersonName, parseSkills, parseWeekdays, parseYesNo, sameName, wouldCreateCycle } from './employee-rules.js';

const cf = (surname: string, name: string, birthDate = '1980-05-17', sex: 'M' | 'F' = 'M') => makeCodiceFiscale({ surname, name, birthDate, sex, placeCode: 'E715' });
const ROSSI = cf('Rossi', 'Mario');
const BIANCHI = cf('Bianchi', 'Giulia', '1990-01-02', 'F');
const VERDI = cf('Verdi', 'Luca', '1975-11-30');
const HEADER = 'codice_fiscale;nome;cognome;email;codice_ufficio;competenze;giorni_preferiti;lavoratore_fragile';

const offices = [
  { id: 'o-urp', code: 'URP' },
  { id: 'o-trib', code: 'TRIB' },
];
const ctx = (existing: ExistingEmployee[] = []): ImportContext => ({ offices, existing, referenceYear: 2026 });
const existingVerdi: ExistingEmployee = {
  id: 'e-verdi',
  taxCode: VERDI,
  firstName: 'Luca',
  lastName: 'Verdi',
  email: 'luca.verdi@provincia.lucca.it',
  officeId: 'o-trib',
  skills: [],
  preferredWeekdays: [5],
  disabledWorker: false,
  active: true,
};

describe('field rules', () => {
  it('parses names, e-mails, skills, weekdays and yes/no as people write them', () => {
    expect(parsePersonName('  Maria   Grazia ')).toEqual({ ok: true, value: 'Maria Grazia' });
    expect(parsePersonName('D’Angelo-Neri')).toEqual({ ok: true, value: 'D’Angelo-Neri' });
    expect(parsePersonName('=HYPERLINK("x")').ok).toBe(false); // formulas never reach a spreadsheet
    expect(parsePersonName('').ok).toBe(false);
    expect(parseEmail(' Mario.Rossi@Provincia.Lucca.IT ')).toEqual({ ok: true, value: 'mario.rossi@provincia.lucca.it' });
    expect(parseEmail('')).toEqual({ ok: true, value: null });
    expect(parseEmail('mario@').ok).toBe(false);
    expect(parseEmail('a b@c.it').ok).toBe(false);
    expect(parseSkills('Sportello, protocollo|sportello')).toEqual({ ok: true, value: ['protocollo', 'sportello'] });
    expect(parseSkills('front desk!').ok).toBe(false);
    expect(parseWeekdays('lun, Mercoledì 5')).toEqual({ ok: true, value: [1, 3, 5] });
    expect(parseWeekdays('8').ok).toBe(false);
    expect(parseYesNo('Sì')).toEqual({ ok: true, value: true });
    expect(parseYesNo('')).toEqual({ ok: true, value: false });
    expect(parseYesNo('forse').ok).toBe(false);
    expect(sameName('D’Angelo', 'dangelo')).toBe(true);
  });

  it('finds coverage minima larger than the office, in total and per skill', () => {
    const staff = [
      { officeId: 'urp', skills: ['sportello'] },
      { officeId: 'urp', skills: ['sportello', 'protocollo'] },
      { officeId: 'urp', skills: [] },
    ];
    const rules = [
      { officeId: 'urp', weekday: 1, skill: '', minOnSite: 3 },
      { officeId: 'urp', weekday: 2, skill: '', minOnSite: 4 },
      { officeId: 'urp', weekday: 1, skill: 'sportello', minOnSite: 2 },
      { officeId: 'urp', weekday: 3, skill: 'sportello', minOnSite: 3 },
      { officeId: 'urp', weekday: 3, skill: 'protocollo', minOnSite: 1 },
      { officeId: 'tributi', weekday: 1, skill: '', minOnSite: 1 },
    ];
    const s = coverageShortfalls(rules, staff);
    expect(s).toEqual([
      { officeId: 'tributi', weekday: 1, skill: '', required: 1, available: 0 },
      { officeId: 'urp', weekday: 2, skill: '', required: 4, available: 3 },
      { officeId: 'urp', weekday: 3, skill: 'sportello', required: 3, available: 2 },
    ]);
    expect(describeShortfall(s[2], 'URP')).toBe('URP, mercoledì: il presidio richiede 3 persone con competenza «sportello» in sede, l’ufficio ne ha 2 attive');
    // a minimum equal to the people is allowed (the boundary)
    expect(coverageShortfalls([{ officeId: 'urp', weekday: 1, skill: '', minOnSite: 3 }], staff)).toEqual([]);
  });

  it('refuses loops in the office tree', () => {
    const parents = new Map<string, string | null>([
      ['a', null],
      ['b', 'a'],
      ['c', 'b'],
    ]);
    expect(wouldCreateCycle(parents, 'a', 'c')).toBe(true);
    expect(wouldCreateCycle(parents, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(parents, 'c', 'a')).toBe(false);
    expect(wouldCreateCycle(parents, 'b', null)).toBe(false);
  });
});

describe('checkEmployeeImport', () => {
  it('accepts a clean file, with ; or , and with or without BOM, and says what each row does', () => {
    const semi = `\uFEFF${HEADER}\r\n${ROSSI};Mario;Rossi;mario.rossi@provincia.lucca.it;urp;sportello;lun,mer;no\r\n${VERDI};Luca;Verdi;luca.verdi@provincia.lucca.it;TRIB;;ven;no\r\n`;
    const { report, employees } = checkEmployeeImport(semi, ctx([existingVerdi]));
    expect(report).toMatchObject({ separator: ';', clean: true, totalRows: 2, rowsWithErrors: 0, creates: 1, updates: 0, unchanged: 1, fileErrors: [] });
    expect(report.rows.map((r) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'unchanged'],
    ]);
    expect(employees[0]).toMatchObject({ taxCode: ROSSI, officeId: 'o-urp', skills: ['sportello'], preferredWeekdays: [1, 3], disabledWorker: false, existingId: null });
    expect(employees[1]).toMatchObject({ existingId: 'e-verdi', action: 'unchanged' });

    const comma = HEADER.replace(/;/g, ',') + '\n' + `${BIANCHI},Giulia,Bianchi,,URP,"sportello,protocollo",,sì\n`;
    const r2 = checkEmployeeImport(comma, ctx());
    expect(r2.report).toMatchObject({ separator: ',', clean: true, creates: 1 });
    expect(r2.employees[0]).toMatchObject({ skills: ['protocollo', 'sportello'], disabledWorker: true, email: null });
  });

  it('accepts headers in any order and case, and only the required columns', () => {
    const text = `Cognome;NOME;Codice Fiscale;Codice_Ufficio\n${'Rossi'};Mario;${ROSSI.toLowerCase()};urp\n`;
    const { report, employees } = checkEmployeeImport(text, ctx());
    expect(report.clean).toBe(true);
    expect(employees[0]).toMatchObject({ taxCode: ROSSI, firstName: 'Mario', lastName: 'Rossi', skills: [], preferredWeekdays: [] });
  });

  it('lists every error of every row and imports nothing', () => {
    const badCheck = ROSSI.slice(0, 15) + (ROSSI[15] === 'A' ? 'B' : 'A');
    const lines = [
      HEADER,
      `${badCheck};Mario;Rossi;;URP;;;no`, // 2 wrong check letter
      `${BIANCHI};Giulia;Bianchi;giulia@;XYZ;Front Desk!;lun,ott;forse`, // 3 bad e-mail, office, skills, days, yes/no
      `${BIANCHI};Giulia;Bianchi;;URP;;;`, // 4 duplicate of row 3
      `;;Neri;;URP;;;`, // 5 missing tax code and name
      `${VERDI};Anna;Neri;;URP;;;`, // 6 tax code of another person of the body
      `${ROSSI};Mario;Rossi;luca.verdi@provincia.lucca.it;URP;;;`, // 7 e-mail of another employee
      `${ROSSI.slice(0, 8)}5${ROSSI.slice(9)};Mario;Rossi;;URP;;;`, // 8 malformed (a digit for the month)
      `${cf('Blu', 'Ada')};Ada;Blu;;URP`, // 9 too few fields
    ];
    const { report, employees } = checkEmployeeImport(lines.join('\r\n'), ctx([existingVerdi]));
    expect(employees).toEqual([]);
    expect(report.clean).toBe(false);
    const codes = Object.fromEntries(report.rows.map((r) => [r.line, r.errors.map((e) => e.code)]));
    expect(codes).toEqual({
      2: ['tax_code.check'],
      3: ['email.invalid', 'office.unknown', 'skills.invalid', 'weekdays.invalid', 'fragile.invalid'],
      4: ['tax_code.duplicate_in_file'],
      5: ['tax_code.missing', 'first_name.invalid'],
      6: ['tax_code.taken'],
      7: ['email.duplicate'],
      8: ['tax_code.format'],
      9: ['row.columns'],
    });
    expect(report.rowsWithErrors).toBe(8);
    expect(report.rows.find((r) => r.line === 4)!.errors[0].message).toContain('riga 3');
    expect(report.rows.find((r) => r.line === 6)!.errors[0].message).toContain('Verdi Luca');
    expect(report.rows.every((r) => r.action === null)).toBe(true);
  });

  it('refuses wrong or missing columns once, for the whole file', () => {
    const { report } = checkEmployeeImport(`codice_fiscale;nome;ufficio_sbagliato;cognome;cognome\n${ROSSI};Mario;URP;Rossi;Rossi\n`, ctx());
    expect(report.clean).toBe(false);
    expect(report.fileErrors.map((e) => e.code).sort()).toEqual(['columns.missing', 'columns.repeated', 'columns.unknown']);
    expect(report.fileErrors.find((e) => e.code === 'columns.missing')!.message).toContain('codice_ufficio');
    expect(report.totalRows).toBe(1);
  });

  it('refuses empty files, header-only files, bad quoting and files not in UTF-8', () => {
    expect(checkEmployeeImport('', ctx()).report.fileErrors[0].code).toBe('file.empty');
    expect(checkEmployeeImport(';;;\r\n', ctx()).report.fileErrors[0].code).toBe('file.empty');
    expect(checkEmployeeImport(HEADER + '\r\n', ctx()).report.fileErrors[0].code).toBe('file.no_rows');
    expect(checkEmployeeImport(`${HEADER}\n${ROSSI};"Mario;Rossi;;URP;;;\n`, ctx()).report.fileErrors[0]).toMatchObject({ code: 'file.quotes', message: expect.stringContaining('Riga 2') });
    // "Nicolò" saved as Windows-1252 and read as UTF-8
    const latin1 = new TextDecoder('utf-8').decode(new Uint8Array([...Buffer.from(`${HEADER}\n${ROSSI};Nicol`), 0xf2, ...Buffer.from(';Rossi;;URP;;;\n')]));
    expect(checkEmployeeImport(latin1, ctx()).report.fileErrors[0].code).toBe('file.encoding');
  });

  it('refuses more rows than the limit', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => `${ROSSI};Mario;Rossi;;URP;;;`);
    const { report } = checkEmployeeImport([HEADER, ...rows].join('\n'), ctx());
    expect(report.fileErrors[0].code).toBe('file.too_many_rows');
    expect(report.rows).toEqual([]);
  });

  it('ignores blank spreadsheet rows (only separators) and warns on names that do not match the code', () => {
    const { report } = checkEmployeeImport(`${HEADER}\n${ROSSI};Marco;Rossini;;URP;;;\n;;;;;;;\n;;;;;;;\n`, ctx());
    expect(report.totalRows).toBe(1);
    expect(report.clean).toBe(true);
    expect(report.rows[0].warnings[0]).toContain('non corrispondono');
  });

  it('updates an existing employee by tax code when the person is the same', () => {
    const { report, employees } = checkEmployeeImport(`${HEADER}\n${VERDI};Luca;Verdi;;URP;sportello;;no\n`, ctx([existingVerdi]));
    expect(report.updates).toBe(1);
    expect(employees[0]).toMatchObject({ existingId: 'e-verdi', action: 'update', officeId: 'o-urp', email: null });
    // an inactive employee in the file is made active again: an update, never "unchanged"
    const { report: r2 } = checkEmployeeImport(`${HEADER}\n${VERDI};Luca;Verdi;luca.verdi@provincia.lucca.it;TRIB;;ven;no\n`, ctx([{ ...existingVerdi, active: false }]));
    expect(r2.updates).toBe(1);
  });
});

describe('export', () => {
  it('writes the import columns, and an export imports back unchanged', () => {
    const people = [
      { taxCode: ROSSI, firstName: 'Mario', lastName: 'Rossi', email: 'mario.rossi@provincia.lucca.it', officeCode: 'URP', skills: ['sportello', 'protocollo'], preferredWeekdays: [3, 1], disabledWorker: true },
      { taxCode: BIANCHI, firstName: 'Giulia Maria', lastName: 'D’Angelo Bianchi', email: null, officeCode: 'TRIB', skills: [], preferredWeekdays: [], disabledWorker: false },
    ];
    for (const sep of [';', ','] as const) {
      const text = exportHeader(sep) + people.map((p) => exportLine(p, sep)).join('');
      const parsed = parseCsv(text);
      expect(parsed.ok && parsed.records[0].fields).toEqual([...IMPORT_COLUMNS]);
      expect(parsed.ok && parsed.records[1].fields).toEqual([ROSSI, 'Mario', 'Rossi', 'mario.rossi@provincia.lucca.it', 'URP', 'protocollo,sportello', 'lun,mer', 'sì']);
      const existing: ExistingEmployee[] = people.map((p, i) => ({
        id: `e${i}`,
        taxCode: p.taxCode,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        officeId: offices.find((o) => o.code === p.officeCode)!.id,
        skills: p.skills,
        preferredWeekdays: p.preferredWeekdays,
        disabledWorker: p.disabledWorker,
        active: true,
      }));
      const { report } = checkEmployeeImport(text, ctx(existing));
      expect(report).toMatchObject({ clean: true, unchanged: 2, creates: 0, updates: 0 });
    }
  });
});
