import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * `column` contains `term` (SQLite's LIKE: ASCII case does not matter), with the term's own % and _
 * taken literally; undefined for an empty term, so it drops out of an and().
 */
export function contains(column: AnyColumn, term: string | undefined): SQL | undefined {
  const text = term?.trim();
  if (!text) return undefined;
  return sql`${column} LIKE ${`%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} ESCAPE '\\'`;
}
