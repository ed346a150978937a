/**
 * Pure rules for the data of offices and employees, shared by the API, the CSV import and the
 * seed: names, e-mail, skills, preferred weekdays, yes/no, and the on-site coverage check
 * (a minimum can never ask for more people than the office has).
 */
import { isValidEmail } from '../../../platform/email-rules.js';

/** A person's name: starts with a letter; letters, spaces, apostrophes, hyphens and dots. */
export const PERSON_NAME = /^\p{L}[\p{L}\p{M} '’.-]{0,99}$/u;
export const SKILL = /^[a-z0-9][a-z0-9_-]{0,39}$/;
export const MAX_SKILLS = 20;
/** Italian three-letter weekday names, index 0 = Monday (ISO 1). */
export const WEEKDAY_ABBR = ['lun', 'mar', 'mer', 'gio', 'ven', 'sab', 'dom'] as const;
const WEEKDAY_FULL = ['lunedi', 'martedi', 'mercoledi', 'giovedi', 'venerdi', 'sabato', 'domenica'];

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

export function parsePersonName(raw: string): Parsed<string> {
  const v = raw.trim().replace(/\s+/g, ' ');
  if (!v) return { ok: false, message: 'obbligatorio' };
  if (v.length > 100) return { ok: false, message: 'al massimo 100 caratteri' };
  if (!PERSON_NAME.test(v)) return { ok: false, message: 'solo lettere, spazi, apostrofi, trattini e punti; deve iniziare con una lettera' };
  return { ok: true, value: v };
}

export function parseEmail(raw: string): Parsed<string | null> {
  const v = raw.trim().toLowerCase();
  if (!v) return { ok: true, value: null };
  if (!isValidEmail(v)) return { ok: false, message: `indirizzo e-mail non valido: «${raw.trim().slice(0, 60)}»` };
  return { ok: true, value: v };
}

/** Skills as written in a cell: separated by commas, `|` or spaces; lower-cased; repeated ones merged. */
export function parseSkills(raw: string): Parsed<string[]> {
  const parts = raw
    .split(/[,|\s]+/)
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const bad = parts.filter((s) => !SKILL.test(s));
  if (bad.length) return { ok: false, message: `competenze non valide: ${bad.slice(0, 3).map((b) => `«${b.slice(0, 40)}»`).join(', ')} (lettere minuscole, cifre, - e _)` };
  const unique = [...new Set(parts)].sort();
  if (unique.length > MAX_SKILLS) return { ok: false, message: `al massimo ${MAX_SKILLS} competenze` };
  return { ok: true, value: unique };
}

export function normalizeSkills(skills: string[]): string[] {
  return [...new Set(skills.map((s) => s.trim().toLowerCase()))].sort();
}

function plain(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/** Weekdays as written in a cell: 1-7 or Italian names ("lun", "lunedì"), separated by commas, `|` or spaces. */
export function parseWeekdays(raw: string): Parsed<number[]> {
  const parts = raw
    .split(/[,|\s]+/)
    .map((s) => plain(s.trim()))
    .filter(Boolean);
  const out = new Set<number>();
  for (const p of parts) {
    let d = /^[1-7]$/.test(p) ? Number(p) : WEEKDAY_ABBR.indexOf(p as (typeof WEEKDAY_ABBR)[number]) + 1;
    if (d === 0) d = WEEKDAY_FULL.indexOf(p) + 1;
    if (d === 0) return { ok: false, message: `giorno non valido: «${p.slice(0, 20)}» (usa 1-7 o lun, mar, mer, gio, ven, sab, dom)` };
    out.add(d);
  }
  return { ok: true, value: [...out].sort((a, b) => a - b) };
}

export function formatWeekdays(days: number[]): string {
  return [...days].sort((a, b) => a - b).map((d) => WEEKDAY_ABBR[d - 1]).join(',');
}

/** sì/si/no, true/false, 1/0, x; an empty cell is no. */
export function parseYesNo(raw: string): Parsed<boolean> {
  const v = plain(raw.trim());
  if (['', 'no', 'n', 'false', 'falso', '0'].includes(v)) return { ok: true, value: false };
  if (['si', 's', 'yes', 'y', 'true', 'vero', '1', 'x'].includes(v)) return { ok: true, value: true };
  return { ok: false, message: `valore non valido: «${raw.trim().slice(0, 20)}» (usa sì o no)` };
}

/** Names compared as a person would: case, accents, apostrophes and spaces ignored. */
export function sameName(a: string, b: string): boolean {
  const k = (s: string) => plain(s).replace(/[^a-z]/g, '');
  return k(a) === k(b);
}

// ---------------------------------------------------------------- coverage

/** One stored rule: skill '' is the office total. */
export interface CoverageRuleRow {
  officeId: string;
  weekday: number;
  skill: string;
  minOnSite: number;
}

/** An active employee as the coverage check sees them. */
export interface StaffMember {
  officeId: string;
  skills: string[];
}

export interface CoverageShortfall {
  officeId: string;
  weekday: number;
  skill: string;
  required: number;
  available: number;
}

const WEEKDAY_NAMES = ['lunedì', 'martedì', 'mercoledì', 'giovedì', 'venerdì', 'sabato', 'domenica'];

/**
 * The rules that ask for more people than the office has: a minimum on site larger than its
 * active employees, or a skill minimum larger than its active employees with that skill.
 * Such a rule can never be met, whatever the plan: it is refused when written, and changes of
 * people (moves, deactivations, imports) that would cause one are refused too.
 */
export function coverageShortfalls(rules: CoverageRuleRow[], staff: StaffMember[]): CoverageShortfall[] {
  const total = new Map<string, number>();
  const bySkill = new Map<string, number>();
  for (const s of staff) {
    total.set(s.officeId, (total.get(s.officeId) ?? 0) + 1);
    for (const k of new Set(s.skills)) bySkill.set(`${s.officeId}\u0000${k}`, (bySkill.get(`${s.officeId}\u0000${k}`) ?? 0) + 1);
  }
  const out: CoverageShortfall[] = [];
  for (const r of rules) {
    const available = r.skill === '' ? total.get(r.officeId) ?? 0 : bySkill.get(`${r.officeId}\u0000${r.skill}`) ?? 0;
    if (r.minOnSite > available) out.push({ officeId: r.officeId, weekday: r.weekday, skill: r.skill, required: r.minOnSite, available });
  }
  return out.sort((a, b) => a.officeId.localeCompare(b.officeId) || a.weekday - b.weekday || a.skill.localeCompare(b.skill));
}

/** "Ufficio URP, lunedì: richieste 3 persone con competenza «sportello» in sede, l’ufficio ne ha 2." */
export function describeShortfall(s: CoverageShortfall, officeLabel: string): string {
  const who = s.skill ? `persone con competenza «${s.skill}»` : 'persone';
  return `${officeLabel}, ${WEEKDAY_NAMES[s.weekday - 1]}: il presidio richiede ${s.required} ${who} in sede, l’ufficio ne ha ${s.available} attive`;
}

/** Whether making `parentId` the parent of `officeId` would close a loop in the tree. */
export function wouldCreateCycle(parents: Map<string, string | null>, officeId: string, parentId: string | null): boolean {
  let p = parentId;
  const seen = new Set<string>();
  while (p) {
    if (p === officeId) return true;
    if (seen.has(p)) return true;
    seen.add(p);
    p = parents.get(p) ?? null;
  }
  return false;
}

/** The API's shape of an office's coverage: one entry per weekday, the total and the skill minima. */
export interface WeekdayCoverage {
  weekday: number;
  minOnSite: number;
  skills: { skill: string; minOnSite: number }[];
}

/** Stored rows → one entry per weekday that has a rule, Monday first. */
export function coverageByWeekday(rows: CoverageRuleRow[]): WeekdayCoverage[] {
  const by = new Map<number, WeekdayCoverage>();
  for (const r of rows) {
    const w = by.get(r.weekday) ?? { weekday: r.weekday, minOnSite: 0, skills: [] };
    if (r.skill === '') w.minOnSite = r.minOnSite;
    else w.skills.push({ skill: r.skill, minOnSite: r.minOnSite });
    by.set(r.weekday, w);
  }
  return [...by.values()].sort((a, b) => a.weekday - b.weekday).map((w) => ({ ...w, skills: w.skills.sort((a, b) => a.skill.localeCompare(b.skill)) }));
}

/**
 * The API's shape → stored rows (zero minima are not stored). Problems (a weekday twice, a skill
 * twice in one weekday) are returned as messages.
 */
export function coverageRows(officeId: string, rules: { weekday: number; minOnSite: number; skills?: { skill: string; minOnSite: number }[] }[]): { rows: CoverageRuleRow[]; problems: string[] } {
  const rows: CoverageRuleRow[] = [];
  const problems: string[] = [];
  const seen = new Set<number>();
  for (const r of rules) {
    if (seen.has(r.weekday)) problems.push(`${WEEKDAY_NAMES[r.weekday - 1]} compare due volte`);
    seen.add(r.weekday);
    if (r.minOnSite > 0) rows.push({ officeId, weekday: r.weekday, skill: '', minOnSite: r.minOnSite });
    const skills = new Set<string>();
    for (const s of r.skills ?? []) {
      if (skills.has(s.skill)) problems.push(`${WEEKDAY_NAMES[r.weekday - 1]}: la competenza «${s.skill}» compare due volte`);
      skills.add(s.skill);
      if (s.minOnSite > 0) rows.push({ officeId, weekday: r.weekday, skill: s.skill, minOnSite: s.minOnSite });
    }
  }
  return { rows, problems };
}
