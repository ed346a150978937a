import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkCharacter,
  makeCodiceFiscale,
  nameCode,
  namesMatchCodiceFiscale,
  surnameCode,
  validateCodiceFiscale,
} from './codice-fiscale.js';

const REF = 2026;
const problemOf = (s: string) => {
  const r = validateCodiceFiscale(s, REF);
  return r.valid ? 'valid' : r.problem;
};

describe('validateCodiceFiscale', () => {
  it('accepts well-known valid codes and decodes them', () => {
    // The textbook example: Mario Rossi, born 10 December 1985 in San Giuliano Terme (A562).
    const r = validateCodiceFiscale('RSSMRA85T10A562S', REF);
    expect(r).toEqual({ valid: true, code: 'RSSMRA85T10A562S', canonical: 'RSSMRA85T10A562S', omocodic: false, sex: 'M', birthDate: '1985-12-10', placeCode: 'A562' });
    // lower case and spaces are what people type
    expect(validateCodiceFiscale(' rssmra 85t10 a562s ', REF)).toMatchObject({ valid: true, code: 'RSSMRA85T10A562S' });
  });

  it('decodes women (day + 40), births after 2000 and foreign places', () => {
    const f = makeCodiceFiscale({ surname: 'Bianchi', name: 'Giulia', birthDate: '2001-03-05', sex: 'F', placeCode: 'E715' });
    expect(f.slice(0, 11)).toBe('BNCGLI01C45');
    expect(validateCodiceFiscale(f, REF)).toMatchObject({ valid: true, sex: 'F', birthDate: '2001-03-05', placeCode: 'E715' });
    const z = makeCodiceFiscale({ surname: 'Smith', name: 'John', birthDate: '1970-07-31', sex: 'M', placeCode: 'Z404' });
    expect(validateCodiceFiscale(z, REF)).toMatchObject({ valid: true, birthDate: '1970-07-31', placeCode: 'Z404' });
  });

  it('accepts omocodic codes (digits replaced by letters) and gives their canonical form', () => {
    const r = validateCodiceFiscale('RSSMRA85T10A56NH', REF);
    expect(r).toMatchObject({ valid: true, omocodic: true, canonical: 'RSSMRA85T10A562S', birthDate: '1985-12-10', placeCode: 'A562' });
    // every digit replaced
    const all = makeCodiceFiscale({ surname: 'Rossi', name: 'Mario', birthDate: '1985-12-10', sex: 'M', placeCode: 'A562', omocodia: 7 });
    expect(all).toBe('RSSMRAURTMLARSNL');
    expect(validateCodiceFiscale(all, REF)).toMatchObject({ valid: true, omocodic: true, canonical: 'RSSMRA85T10A562S' });
  });

  it('refuses a wrong check character (a typo anywhere)', () => {
    expect(problemOf('RSSMRA85T10A562T')).toBe('check');
    expect(problemOf('RSSMRA86T10A562S')).toBe('check'); // one digit changed
    expect(problemOf('RSSMAR85T10A562S')).toBe('check'); // two letters swapped
  });

  it('refuses malformed codes with the reason', () => {
    expect(problemOf('')).toBe('missing');
    expect(problemOf('RSSMRA85T10A562')).toBe('length');
    expect(problemOf('RSSMRA85T10A562SS')).toBe('length');
    expect(problemOf('RSSMRA85T10A562$')).toBe('characters');
    expect(problemOf('RSSMRÀ85T10A562S')).toBe('characters');
    expect(problemOf('1SSMRA85T10A562S')).toBe('format');
    expect(problemOf('RSSMRA85T10A5620')).toBe('format'); // check position must be a letter
    expect(problemOf('RSSMRA8XT10A562S')).toBe('format'); // X is not an omocodia letter
  });

  it('refuses impossible birth data even with a right check character', () => {
    const withCheck = (first15: string) => first15 + checkCharacter(first15);
    expect(problemOf(withCheck('RSSMRA85F10A562'))).toBe('month'); // F is not a month letter
    expect(problemOf(withCheck('RSSMRA85T32A562'))).toBe('day');
    expect(problemOf(withCheck('RSSMRA85T00A562'))).toBe('day');
    expect(problemOf(withCheck('RSSMRA85T72A562'))).toBe('day');
    expect(problemOf(withCheck('RSSMRA85B30A562'))).toBe('date'); // 30 February
    expect(problemOf(withCheck('RSSMRA85D31A562'))).toBe('date'); // 31 April
    expect(problemOf(withCheck('RSSMRA85B29A562'))).toBe('date'); // 1985 is not a leap year
    expect(problemOf(withCheck('RSSMRA84B29A562'))).toBe('valid'); // 1984 is
    expect(validateCodiceFiscale(withCheck('RSSMRA00B69A562'), REF)).toMatchObject({ valid: true, birthDate: '2000-02-29', sex: 'F' });
    expect(problemOf(withCheck('RSSMRA85T10N562'))).toBe('place'); // municipalities are A–M, countries Z
    expect(problemOf(withCheck('RSSMRA85T10A000'))).toBe('place');
  });

  it('round-trips generated codes of any date, sex and omocodia level', () => {
    const date = fc.date({ min: new Date('1927-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.constantFrom<'M' | 'F'>('M', 'F'), fc.integer({ min: 0, max: 7 }), fc.constantFrom('E715', 'G702', 'Z133', 'A001'), (birthDate, sex, omocodia, placeCode) => {
        const cf = makeCodiceFiscale({ surname: 'Del Prete', name: 'Anna Maria', birthDate, sex, placeCode, omocodia });
        const r = validateCodiceFiscale(cf, REF);
        expect(r).toMatchObject({ valid: true, sex, birthDate, placeCode, omocodic: omocodia > 0 });
      }),
      { numRuns: 300 },
    );
  });

  it('catches every single-character substitution', () => {
    const good = 'RSSMRA85T10A562S';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
    for (let i = 0; i < 16; i++) {
      for (const c of alphabet) {
        if (c === good[i]) continue;
        const bad = good.slice(0, i) + c + good.slice(i + 1);
        const r = validateCodiceFiscale(bad, REF);
        // an omocodia letter in place of its own digit is the same person, and valid only with its own check letter
        expect(r.valid, bad).toBe(false);
      }
    }
  });
});

describe('name letters', () => {
  it('follows the rules for surnames and names', () => {
    expect(surnameCode('Rossi')).toBe('RSS');
    expect(surnameCode('Fo')).toBe('FOX');
    expect(surnameCode('D’Angelo')).toBe('DNG');
    expect(surnameCode('Aiello')).toBe('LLA');
    expect(nameCode('Mario')).toBe('MRA');
    expect(nameCode('Gianfranco')).toBe('GFR'); // 1st, 3rd, 4th consonant
    expect(nameCode('Nicolò')).toBe('NCL');
    expect(nameCode('Ua')).toBe('UAX');
    expect(namesMatchCodiceFiscale('RSSMRA85T10A562S', 'Rossi', 'Mario')).toBe(true);
    expect(namesMatchCodiceFiscale('RSSMRA85T10A562S', 'Russo', 'Maria')).toBe(true); // same letters: a code cannot tell
    expect(namesMatchCodiceFiscale('RSSMRA85T10A562S', 'Bianchi', 'Mario')).toBe(false);
  });
});
