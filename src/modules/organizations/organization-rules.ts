/**
 * Pure rules for the data of a body. No I/O.
 *
 * IPA code ("codice IPA", the identifier of the Indice dei domicili digitali della PA, e.g.
 * 'c_a182' for a municipality, 'r_piemon' for a region, 'm_it' for a ministry): lower-case
 * letters, digits and underscores, 2 to 20 characters. We accept upper case and store it lower case.
 * Tax code of a body (codice fiscale numerico / partita IVA): 11 digits with the check digit of
 * the Ministry of Finance algorithm (the last digit).
 * Patron day: "MM-DD", a day that exists in a leap year (so 02-29 is allowed).
 */
export const IPA_CODE_RE = /^[a-z0-9_]{2,20}$/;
export const PATRON_DAY_RE = /^(\d{2})-(\d{2})$/;

export function normalizeIpaCode(code: string): string {
  return code.trim().toLowerCase();
}

export function isValidIpaCode(code: string): boolean {
  return IPA_CODE_RE.test(normalizeIpaCode(code));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidPatronDay(value: string): boolean {
  const m = PATRON_DAY_RE.exec(value);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  return month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];
}

/** The check digit of an 11-digit numeric tax code (codice fiscale numerico / partita IVA). */
export function isValidTaxCode(value: string): boolean {
  if (!/^\d{11}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 10; i++) {
    let d = value.charCodeAt(i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10 === value.charCodeAt(10) - 48;
}

/** Kinds that operators create (the others come from the official ISTAT list). */
export const OPERATOR_KINDS = ['union_of_municipalities', 'mountain_community', 'ministry', 'other_public_body', 'provider', 'association'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

/** Kinds whose members are municipalities. */
export const KINDS_WITH_MEMBERS: readonly string[] = ['union_of_municipalities', 'mountain_community'];

export interface LinkTarget {
  id: string;
  kind: string;
  regionCode: string | null;
  provinceCode: string | null;
}

/**
 * Checks the parents and members of a new body and derives its region and province:
 * the common region/province of its members, else of its parents. Returns the problems found.
 */
export function checkLinks(
  kind: string,
  parentIds: string[],
  memberIds: string[],
  found: Map<string, LinkTarget>,
): { problems: string[]; regionCode: string | null; provinceCode: string | null } {
  const problems: string[] = [];
  for (const id of [...parentIds, ...memberIds]) if (!found.has(id)) problems.push(`L’ente ${id} non esiste.`);
  if (memberIds.length > 0 && !KINDS_WITH_MEMBERS.includes(kind)) problems.push('Solo unioni di comuni e comunità montane hanno comuni aderenti (memberIds).');
  for (const id of memberIds) {
    const t = found.get(id);
    if (t && t.kind !== 'municipality') problems.push(`L’ente ${id} non è un comune e non può aderire a un’unione.`);
  }
  const overlap = parentIds.filter((id) => memberIds.includes(id));
  if (overlap.length) problems.push('Un ente non può essere insieme ente superiore e aderente.');
  const common = (ids: string[], pick: (t: LinkTarget) => string | null): string | null => {
    const values = new Set(ids.map((id) => found.get(id)).filter((t): t is LinkTarget => !!t).map(pick));
    return values.size === 1 ? [...values][0] : null;
  };
  const basis = memberIds.length > 0 ? memberIds : parentIds;
  return { problems, regionCode: common(basis, (t) => t.regionCode), provinceCode: common(basis, (t) => t.provinceCode) };
}
