/**
 * The searchable form of a name or a query: lower case, accents and other combining marks
 * stripped, typographic apostrophes made plain, spaces collapsed. Computed in the application
 * (no dependency on the unaccent extension) and stored in organizations.search_name.
 * "Agliè" → "aglie", "Sant’Agata" → "sant'agata".
 */
export function searchNameOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
}
