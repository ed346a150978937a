import { describe, expect, it } from 'vitest';
import { checkLinks, isValidIpaCode, isValidPatronDay, isValidTaxCode } from './organization-rules.js';
import { searchNameOf } from './search-name.js';

describe('searchNameOf', () => {
  it('strips accents, lowers case, normalises apostrophes and spaces', () => {
    expect(searchNameOf('Agliè')).toBe('aglie');
    expect(searchNameOf('  FORLÌ   Cesena ')).toBe('forli cesena');
    expect(searchNameOf('Sant’Agata de’ Goti')).toBe("sant'agata de' goti");
    expect(searchNameOf('Cefalù')).toBe(searchNameOf('cefalu'));
  });
});

describe('isValidPatronDay', () => {
  it.each(['06-24', '01-01', '12-31', '02-29', '07-12'])('accepts %s', (d) => expect(isValidPatronDay(d)).toBe(true));
  it.each(['6-24', '13-01', '00-10', '02-30', '04-31', '06-00', '0624', '06/24', '', '06-24x'])('refuses %s', (d) => expect(isValidPatronDay(d)).toBe(false));
});

describe('isValidTaxCode', () => {
  it('accepts 11 digits with a correct check digit', () => {
    expect(isValidTaxCode('00514490010')).toBe(true); // Comune di Torino
    expect(isValidTaxCode('80054330586')).toBe(true); // a ministry-style numeric code
  });
  it('refuses a wrong check digit, letters, wrong length', () => {
    expect(isValidTaxCode('00514490011')).toBe(false);
    expect(isValidTaxCode('0051449001')).toBe(false);
    expect(isValidTaxCode('0051449001A')).toBe(false);
    expect(isValidTaxCode('RSSMRA80A01H501U')).toBe(false);
  });
});

describe('isValidIpaCode', () => {
  it('accepts lower/upper case letters, digits and underscores, 2 to 20 characters', () => {
    expect(isValidIpaCode('c_a182')).toBe(true);
    expect(isValidIpaCode('R_PIEMON')).toBe(true);
    expect(isValidIpaCode('a'.repeat(20))).toBe(true);
  });
  it('refuses other characters and lengths', () => {
    expect(isValidIpaCode('a')).toBe(false);
    expect(isValidIpaCode('a'.repeat(21))).toBe(false);
    expect(isValidIpaCode('c-a182')).toBe(false);
    expect(isValidIpaCode('c a182')).toBe(false);
  });
});

describe('checkLinks', () => {
  const found = new Map([
    ['m1', { id: 'm1', kind: 'municipality', regionCode: '01', provinceCode: 'TO' }],
    ['m2', { id: 'm2', kind: 'municipality', regionCode: '01', provinceCode: 'TO' }],
    ['m3', { id: 'm3', kind: 'municipality', regionCode: '01', provinceCode: 'CN' }],
    ['p1', { id: 'p1', kind: 'province', regionCode: '01', provinceCode: 'TO' }],
  ]);
  it('derives the common region and province of the members', () => {
    expect(checkLinks('union_of_municipalities', [], ['m1', 'm2'], found)).toEqual({ problems: [], regionCode: '01', provinceCode: 'TO' });
    expect(checkLinks('union_of_municipalities', [], ['m1', 'm3'], found)).toEqual({ problems: [], regionCode: '01', provinceCode: null });
  });
  it('refuses missing bodies, non-municipal members, members of kinds without members, overlaps', () => {
    expect(checkLinks('union_of_municipalities', [], ['zz'], found).problems).toHaveLength(1);
    expect(checkLinks('union_of_municipalities', [], ['p1'], found).problems).toHaveLength(1);
    expect(checkLinks('provider', [], ['m1'], found).problems).toHaveLength(1);
    expect(checkLinks('mountain_community', ['m1'], ['m1'], found).problems).toHaveLength(1);
  });
});
