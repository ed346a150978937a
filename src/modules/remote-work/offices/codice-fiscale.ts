/**
 * The Italian tax code (codice fiscale) of a person, pure: validation and construction.
 *
 * Layout (16 characters): surname (3 letters) · name (3 letters) · year (2 digits) · month
 * (one letter of ABCDEHLMPRST) · day (2 digits, +40 for women) · place (Belfiore code: a letter
 * A–M for Italian municipalities or Z for a foreign country, then 3 digits) · check letter.
 * Omocodia: when two people would get the same code, the Agenzia delle Entrate replaces digits
 * from the right with letters (0→L, 1→M, 2→N, 3→P, 4→Q, 5→R, 6→S, 7→T, 8→U, 9→V); the check
 * letter is computed on the code as written.
 */
import { clock } from '../../../platform/clock.js';

export const MONTH_LETTERS = 'ABCDEHLMPRST';
/** Letters that stand for digits in omocodic codes, index = digit. */
export const OMOCODIA_LETTERS = 'LMNPQRSTUV';
/** 0-based positions that hold digits (year, day, place number). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

// Values of a character in an odd (1st, 3rd, … 15th) position: digits share the letters' values.
const ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

function charIndex(c: string): number {
  const code = c.charCodeAt(0);
  return code >= 48 && code <= 57 ? code - 48 : code - 65;
}

/** The check letter of the first 15 characters (upper case). */
export function checkCharacter(first15: string): string {
  let sum = 0;
  for (let i = 0; i < 15; i++) {
    const v = charIndex(first15[i]);
    sum += i % 2 === 0 ? ODD_VALUES[v] : v;
  }
  return String.fromCharCode(65 + (sum % 26));
}

export type CodiceFiscaleProblem = 'missing' | 'length' | 'characters' | 'format' | 'check' | 'month' | 'day' | 'date' | 'place';

export type CodiceFiscaleResult =
  | {
      valid: true;
      /** Upper case, without spaces. */
      code: string;
      /** The code with omocodia letters turned back into digits (same person, canonical form). */
      canonical: string;
      omocodic: boolean;
      sex: 'M' | 'F';
      /** Birth date, the century chosen as the most recent one not after the reference year. */
      birthDate: string;
      /** Belfiore code of the birth place (Z… for a foreign country). */
      placeCode: string;
    }
  | { valid: false; problem: CodiceFiscaleProblem; message: string };

const MESSAGES: Record<CodiceFiscaleProblem, string> = {
  missing: 'codice fiscale mancante',
  length: 'il codice fiscale deve avere 16 caratteri',
  characters: 'il codice fiscale contiene caratteri non ammessi (solo lettere e cifre)',
  format: 'il codice fiscale non ha la struttura attesa (6 lettere, anno, mese, giorno, comune, carattere di controllo)',
  check: 'carattere di controllo errato: il codice fiscale contiene un errore di battitura',
  month: 'la lettera del mese di nascita non è valida (ammesse A B C D E H L M P R S T)',
  day: 'il giorno di nascita non è valido (1-31 per gli uomini, 41-71 per le donne)',
  date: 'la data di nascita indicata dal codice fiscale non esiste',
  place: 'il codice del luogo di nascita non è valido',
};

function fail(problem: CodiceFiscaleProblem): CodiceFiscaleResult {
  return { valid: false, problem, message: MESSAGES[problem] };
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** Normalises what a person typed: upper case, spaces removed. */
export function normalizeCodiceFiscale(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * Validates a codice fiscale. `referenceYear` (default: this year) picks the century of the
 * two-digit year: the latest year ending in those digits that is not after it.
 */
export function validateCodiceFiscale(input: string, referenceYear = clock.date().getUTCFullYear()): CodiceFiscaleResult {
  const code = normalizeCodiceFiscale(input ?? '');
  if (code.length === 0) return fail('missing');
  if (!/^[A-Z0-9]*$/.test(code)) return fail('characters');
  if (code.length !== 16) return fail('length');
  if (!/^[A-Z]{6}[0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/.test(code)) return fail('format');
  if (checkCharacter(code) !== code[15]) return fail('check');
  const chars = code.split('');
  let omocodic = false;
  for (const p of DIGIT_POSITIONS) {
    const k = OMOCODIA_LETTERS.indexOf(chars[p]);
    if (k >= 0) {
      chars[p] = String(k);
      omocodic = true;
    }
  }
  const decoded = chars.join('');
  const month = MONTH_LETTERS.indexOf(decoded[8]) + 1;
  if (month === 0) return fail('month');
  let day = Number(decoded.slice(9, 11));
  const sex: 'M' | 'F' = day > 40 ? 'F' : 'M';
  if (day > 40) day -= 40;
  if (day < 1 || day > 31) return fail('day');
  const yy = Number(decoded.slice(6, 8));
  let year = Math.floor(referenceYear / 100) * 100 + yy;
  if (year > referenceYear) year -= 100;
  // 29 February of a year "00" exists in 2000 but not in 1900: the other century decides then.
  if (day > daysInMonth(year, month)) {
    const other = year + 100 <= referenceYear ? year + 100 : year - 100;
    if (day > daysInMonth(other, month)) return fail('date');
    year = other;
  }
  if (!/^[A-MZ][0-9]{3}$/.test(decoded.slice(11, 15)) || decoded.slice(12, 15) === '000') return fail('place');
  const canonical = decoded.slice(0, 15) + checkCharacter(decoded.slice(0, 15));
  const birthDate = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return { valid: true, code, canonical, omocodic, sex, birthDate, placeCode: decoded.slice(11, 15) };
}

// ---------------------------------------------------------------- construction

/** Upper-case letters only, accents removed ("D’Angelo" → "DANGELO", "Nicolò" → "NICOLO"). */
function lettersOf(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z]/g, '');
}

const isVowel = (c: string) => 'AEIOU'.includes(c);

/** The three letters of a surname: consonants, then vowels, then X. */
export function surnameCode(surname: string): string {
  const l = lettersOf(surname);
  const cons = [...l].filter((c) => !isVowel(c)).join('');
  const vows = [...l].filter(isVowel).join('');
  return (cons + vows + 'XXX').slice(0, 3);
}

/** The three letters of a first name: 1st, 3rd and 4th consonant when there are four or more. */
export function nameCode(name: string): string {
  const l = lettersOf(name);
  const cons = [...l].filter((c) => !isVowel(c)).join('');
  if (cons.length >= 4) return cons[0] + cons[2] + cons[3];
  const vows = [...l].filter(isVowel).join('');
  return (cons + vows + 'XXX').slice(0, 3);
}

export interface PersonData {
  surname: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'M' | 'F';
  /** Belfiore code, e.g. 'E715' (Lucca), 'Z404' (United States). */
  placeCode: string;
  /** Omocodia level: how many digits, from the right, are replaced by letters (0-7). */
  omocodia?: number;
}

/** The codice fiscale of a person (with its check letter). */
export function makeCodiceFiscale(p: PersonData): string {
  const [y, m, d] = p.birthDate.split('-').map(Number);
  const day = p.sex === 'F' ? d + 40 : d;
  const chars = (
    surnameCode(p.surname) +
    nameCode(p.name) +
    String(y % 100).padStart(2, '0') +
    MONTH_LETTERS[m - 1] +
    String(day).padStart(2, '0') +
    p.placeCode.toUpperCase()
  ).split('');
  const level = Math.min(p.omocodia ?? 0, DIGIT_POSITIONS.length);
  for (let i = 0; i < level; i++) {
    const pos = DIGIT_POSITIONS[DIGIT_POSITIONS.length - 1 - i];
    chars[pos] = OMOCODIA_LETTERS[Number(chars[pos])];
  }
  const first15 = chars.join('');
  return first15 + checkCharacter(first15);
}

/**
 * Whether the first six letters of a valid code agree with a surname and a name. A mismatch is
 * not always an error (codes issued before a change of name), so callers show it as a warning.
 */
export function namesMatchCodiceFiscale(code: string, surname: string, name: string): boolean {
  const c = normalizeCodiceFiscale(code);
  return c.slice(0, 3) === surnameCode(surname) && c.slice(3, 6) === nameCode(name);
}
