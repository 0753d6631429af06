// Builds an FTS5 MATCH expression from what a reader typed. Every word becomes a quoted string,
// so FTS5 syntax in the input (quotes, *, AND/OR/NOT, NEAR(, column filters) is only ever text.

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

export function normaliseSearchInput(raw: string | string[] | undefined): string {
  const value = Array.isArray(raw) ? (raw[0] ?? '') : (raw ?? '');
  return value.replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_LENGTH);
}

/** Returns null when the input has no searchable word. The last word also matches as a prefix. */
export function buildFtsQuery(input: string): string | null {
  const terms = normaliseSearchInput(input).match(/[\p{L}\p{N}]+/gu);
  if (!terms || terms.length === 0) return null;
  const picked = terms.slice(0, MAX_TERMS).map((t) => t.toLowerCase());
  return picked.map((t, i) => (i === picked.length - 1 && t.length >= 3 ? `"${t}"*` : `"${t}"`)).join(' ');
}
