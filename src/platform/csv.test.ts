import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvCell, csvDocument, csvFormat, csvRow, detectSeparator, parseCsv, PLAIN, SPREADSHEET_IT, type CsvFormat, type Separator } from './csv.js';

const ok = (text: string, sep?: Separator) => {
  const r = parseCsv(text, sep);
  if (!r.ok) throw new Error(`line ${r.line}: ${r.message}`);
  return r;
};

describe('parseCsv', () => {
  it('reads ; and , files, detecting the separator on the header', () => {
    expect(ok('a;b;c\r\n1;2;3\r\n')).toEqual({ ok: true, separator: ';', records: [{ line: 1, fields: ['a', 'b', 'c'] }, { line: 2, fields: ['1', '2', '3'] }] });
    expect(ok('a,b,c\n1,2,3').records.map((r) => r.fields)).toEqual([['a', 'b', 'c'], ['1', '2', '3']]);
    expect(ok('a,b,c\n1,2,3').separator).toBe(',');
    expect(detectSeparator('"x;y",b,c\n')).toBe(','); // separators inside quotes do not count
    expect(detectSeparator('solo')).toBe(';');
  });

  it('ignores the UTF-8 byte-order mark', () => {
    expect(ok('\uFEFFcodice;nome\r\nA;B').records[0].fields).toEqual(['codice', 'nome']);
  });

  it('handles quotes, escaped quotes, separators and line breaks inside quotes', () => {
    const r = ok('nome;note\r\n"Rossi; Mario";"dice ""ciao"""\r\n"D\'Angelo";"riga 1\r\nriga 2"\r\nultimo;""\r\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['nome', 'note'] },
      { line: 2, fields: ['Rossi; Mario', 'dice "ciao"'] },
      { line: 3, fields: ["D'Angelo", 'riga 1\r\nriga 2'] },
      { line: 5, fields: ['ultimo', ''] }, // the record after a two-line field starts on line 5
    ]);
  });

  it('keeps empty fields and skips blank lines, with the right line numbers', () => {
    const r = ok('a;b;c\n\n;;\n1;;3\r\n\r\n');
    expect(r.records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 3, fields: ['', '', ''] },
      { line: 4, fields: ['1', '', '3'] },
    ]);
    expect(ok('').records).toEqual([]);
    expect(ok('\r\n\n').records).toEqual([]);
    expect(ok('x').records).toEqual([{ line: 1, fields: ['x'] }]);
  });

  it('reads old Mac line ends (CR alone)', () => {
    expect(ok('a;b\r1;2\r').records).toEqual([{ line: 1, fields: ['a', 'b'] }, { line: 2, fields: ['1', '2'] }]);
  });

  it('refuses ambiguous quoting with the line', () => {
    expect(parseCsv('a;b\n1;"2\n3;4\n')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('mai chiuse') });
    expect(parseCsv('a;b\n1;2"x"\n')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('nel mezzo') });
    expect(parseCsv('a;b\n1;"2"x\n')).toMatchObject({ ok: false, line: 2, message: expect.stringContaining('dopo le virgolette') });
  });
});

describe('csvCell / csvRow / csvDocument', () => {
  it('quotes only what needs it', () => {
    expect(csvCell('Rossi', SPREADSHEET_IT)).toBe('Rossi');
    expect(csvCell('a,b', SPREADSHEET_IT)).toBe('a,b');
    expect(csvCell('a,b', PLAIN)).toBe('"a,b"');
    expect(csvCell('a;b', SPREADSHEET_IT)).toBe('"a;b"');
    expect(csvCell('di "noi"', SPREADSHEET_IT)).toBe('"di ""noi"""');
    expect(csvCell(' spazio', SPREADSHEET_IT)).toBe('" spazio"');
    expect(csvRow(['a', 'b c', '', null], SPREADSHEET_IT)).toBe('a;b c;;\r\n');
  });

  it('defuses every text a spreadsheet would run as a formula, and only text', () => {
    for (const f of ['=1+2', '+39 055', '-x', '@SUM(A1)', '\tx', '\rx', '=1+2@comune.it']) expect(csvCell(f, SPREADSHEET_IT).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://x")', SPREADSHEET_IT)).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell(-1.5, SPREADSHEET_IT)).toBe('-1,5');
    expect(csvCell(-1.5, PLAIN)).toBe('-1.5');
    expect(csvCell(Number.NaN, SPREADSHEET_IT)).toBe('');
  });

  it('keeps codes as text with their leading zeros, and reads them back', () => {
    expect(csvCell({ code: '001272' }, SPREADSHEET_IT)).toBe('"=""001272"""');
    expect(csvCell({ code: 'URP' }, SPREADSHEET_IT)).toBe('URP');
    const text = csvDocument(['codice', 'nome'], [[{ code: '001272' }, 'Torino'], [{ code: '01' }, '=Piemonte']], SPREADSHEET_IT);
    expect(text.startsWith('\uFEFFcodice;nome\r\n')).toBe(true);
    const back = parseCsv(text);
    expect(back.ok && back.records.map((r) => r.fields)).toEqual([['codice', 'nome'], ['001272', 'Torino'], ['01', '=Piemonte']]);
  });

  it('names the formats as the exports take them: semicolon (default) or comma', () => {
    expect(csvFormat()).toEqual(SPREADSHEET_IT);
    expect(csvFormat('semicolon')).toEqual({ separator: ';', decimal: ',' });
    expect(csvFormat('comma')).toEqual({ separator: ',', decimal: '.' });
  });

  it('round-trips any table through write and parse', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'Z', ' ', ';', ',', '"', '\n', '\r\n', 'è', '’', '😀', '=', '-', "'", '@'), maxLength: 12 });
    fc.assert(
      fc.property(fc.constantFrom<CsvFormat>(SPREADSHEET_IT, PLAIN), fc.integer({ min: 1, max: 5 }), fc.array(fc.array(cell, { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }), (format, width, rows) => {
        // a record of one empty field is a blank line: give every record some content
        const table = rows.map((r) => r.slice(0, width)).map((r) => (r.join('') === '' ? ['x', ...r.slice(1)] : r));
        const text = '\uFEFF' + table.map((r) => csvRow(r, format)).join('');
        const back = parseCsv(text, format.separator);
        expect(back.ok).toBe(true);
        if (back.ok) expect(back.records.map((r) => r.fields)).toEqual(table);
      }),
      { numRuns: 400 },
    );
  });
});
