import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles } from '@/db/schema';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { buildFtsQuery, MAX_QUERY_LENGTH, normaliseSearchInput } from './search-query';

// What readers type, including everything FTS5 would read as syntax.
const HOSTILE_INPUTS: [string, string][] = [
  ['a lone double quote', '"'],
  ['unbalanced quotes', '"mainframe retirement'],
  ['a quote inside a word', 'main"frame'],
  ['doubled quotes', '""mainframe""'],
  ['a single quote', "council's"],
  ['a star alone', '*'],
  ['a leading star', '*frame'],
  ['a prefix star', 'main*'],
  ['AND', 'AND'],
  ['OR between words', 'mainframe OR cloud'],
  ['NOT between words', 'mainframe NOT cloud'],
  ['a trailing operator', 'mainframe AND'],
  ['an open NEAR(', 'NEAR('],
  ['a NEAR group', 'NEAR(mainframe retirement, 5)'],
  ['a column filter', 'title:mainframe'],
  ['a column set filter', '{title summary}: mainframe'],
  ['a minus column filter', '-body:cloud'],
  ['an initial-token caret', '^mainframe'],
  ['parentheses', '(mainframe'],
  ['a plus', 'mainframe + cloud'],
  ['SQL', "'; DROP TABLE articles; --"],
  ['a NUL byte', 'main\u0000frame'],
  ['emoji only', '🔥🚀'],
  ['emoji with a word', '🔥 mainframe 🚀'],
  ['non-Latin words', 'données 数据 データ'],
  ['10,000 characters', 'a'.repeat(10_000)],
  ['10,000 characters of words', 'mainframe '.repeat(1_000)],
  ['10,000 characters of syntax', '"*(NEAR: '.repeat(1_112)],
];

// A built expression is only quoted terms, the last one optionally a prefix.
const SAFE_EXPRESSION = /^"[\p{L}\p{N}]+"\*?(?: "[\p{L}\p{N}]+"\*?)*$/u;

describe('normaliseSearchInput', () => {
  it('collapses whitespace and trims', () => {
    expect(normaliseSearchInput('  mainframe \n\t retirement  ')).toBe('mainframe retirement');
  });

  it(`caps the input at ${MAX_QUERY_LENGTH} characters`, () => {
    expect(normaliseSearchInput('x'.repeat(10_000))).toHaveLength(MAX_QUERY_LENGTH);
  });

  it('takes the first value of a repeated parameter and treats a missing one as empty', () => {
    expect(normaliseSearchInput(['cloud', 'mainframe'])).toBe('cloud');
    expect(normaliseSearchInput([])).toBe('');
    expect(normaliseSearchInput(undefined)).toBe('');
  });
});

describe('buildFtsQuery', () => {
  it.each([[''], ['   '], ['"'], ['*'], ['""'], ['()'], ['-:^{}'], ['🔥🚀'], ['\u0000']])('returns null when %j has no word', (input) => {
    expect(buildFtsQuery(input)).toBeNull();
  });

  it('keeps its own output as it is (the cached search makes its expression again from it)', () => {
    for (const input of ['Mainframe retire', 'cloud ai', '"main"frame* OR x', 'Émile Zola 2026']) {
      const once = buildFtsQuery(input);
      expect(buildFtsQuery(once!), input).toBe(once);
    }
  });

  it('quotes every word and lets the last match as a prefix', () => {
    expect(buildFtsQuery('Mainframe retire')).toBe('"mainframe" "retire"*');
  });

  it('does not prefix-match a last word shorter than three characters', () => {
    expect(buildFtsQuery('cloud ai')).toBe('"cloud" "ai"');
  });

  it('treats quotes and stars as text, not syntax', () => {
    expect(buildFtsQuery('"mainframe retirement')).toBe('"mainframe" "retirement"*');
    expect(buildFtsQuery('main*')).toBe('"main"*');
    expect(buildFtsQuery('main"frame')).toBe('"main" "frame"*');
  });

  it('treats AND, OR, NOT and NEAR as ordinary words', () => {
    expect(buildFtsQuery('mainframe AND NOT cloud')).toBe('"mainframe" "and" "not" "cloud"*');
    expect(buildFtsQuery('NEAR(mainframe retirement, 5)')).toBe('"near" "mainframe" "retirement" "5"');
  });

  it('treats a column filter as two words', () => {
    expect(buildFtsQuery('title:mainframe')).toBe('"title" "mainframe"*');
  });

  it('keeps letters and digits from any script', () => {
    expect(buildFtsQuery('données 2024 数据')).toBe('"données" "2024" "数据"');
  });

  it('keeps words and drops emoji', () => {
    expect(buildFtsQuery('🔥 mainframe 🚀')).toBe('"mainframe"*');
  });

  it('bounds the expression built from a 10,000-character input', () => {
    const built = buildFtsQuery('mainframe '.repeat(1_000));
    expect(built).toMatch(SAFE_EXPRESSION);
    expect(built!.split(' ')).toHaveLength(12);
  });

  it.each(HOSTILE_INPUTS)('builds only quoted terms from %s, or nothing from input without a word', (_, input) => {
    const built = buildFtsQuery(input);
    if (built === null) expect(input).not.toMatch(/[\p{L}\p{N}]/u);
    else expect(built).toMatch(SAFE_EXPRESSION);
  });
});

describe('buildFtsQuery against the real FTS5 index', () => {
  const search = (expression: string) =>
    getDb()
      .$client.prepare<[string], { id: number }>(
        `SELECT a.id AS id FROM articles_fts f JOIN articles a ON a.id = f.rowid
         WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts)`,
      )
      .all(expression);

  beforeAll(() => {
    migrateDatabase();
    seedDatabaseIfEmpty(new Date('2026-01-15T09:00:00Z'));
  });

  it('is strict about syntax: raw reader input would be an SQL error', () => {
    // Shows that the cases below would fail if buildFtsQuery let syntax through.
    expect(() => search('"mainframe retirement')).toThrow(/fts5|syntax|unterminated/i);
    expect(() => search('NEAR(')).toThrow(/fts5|syntax/i);
    expect(() => search('mainframe AND')).toThrow(/fts5|syntax/i);
    expect(() => search('nosuchcolumn:mainframe')).toThrow(/no such column/i);
  });

  it.each(HOSTILE_INPUTS)('runs the expression built from %s without an error', (_, input) => {
    const built = buildFtsQuery(input);
    if (built === null) {
      // Only input without a single letter or digit may build nothing.
      expect(input).not.toMatch(/[\p{L}\p{N}]/u);
    } else {
      expect(() => search(built)).not.toThrow();
    }
  });

  it('finds the mainframe article for the words a reader types', () => {
    const built = buildFtsQuery('"mainframe retirement');
    const slugs = search(built!).map(
      ({ id }) => getDb().select({ slug: articles.slug }).from(articles).where(eq(articles.id, id)).get()!.slug,
    );
    expect(slugs[0]).toBe('revenue-agency-begins-final-phase-of-mainframe-retirement');
  });

  it('matches the last word as a prefix', () => {
    expect(search(buildFtsQuery('mainfr')!).length).toBeGreaterThan(0);
    expect(search(buildFtsQuery('mainfr ')!.replace(/\*$/, '')).length).toBe(0);
  });
});
