import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { countWords } from '@/lib/articles/markdown';
import { getDb, type Db } from './index';
import { migrateDatabase } from './migrate';
import { articles, articleTags, authors, sections, tags } from './schema';
import { seedDatabaseIfEmpty } from './seed';

const DAY = 24 * 60 * 60 * 1000;
const ANCHOR = new Date('2026-03-10T14:37:21Z');
const DRAFT_SLUG = 'embargoed-framework-award-draft';

/** Everything the seed wrote, by slug rather than by id, so two databases can be compared. */
function snapshot(db: Db) {
  const tagsOf = (articleId: number) =>
    db
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, articleId))
      .orderBy(asc(tags.slug))
      .all()
      .map((t) => t.slug);
  return {
    sections: db
      .select({ slug: sections.slug, name: sections.name, description: sections.description, position: sections.position })
      .from(sections)
      .orderBy(sections.slug)
      .all(),
    authors: db
      .select({ slug: authors.slug, name: authors.name, role: authors.role, bio: authors.bio })
      .from(authors)
      .orderBy(authors.slug)
      .all(),
    tags: db.select({ slug: tags.slug, name: tags.name }).from(tags).orderBy(tags.slug).all(),
    articles: db
      .select({
        id: articles.id,
        slug: articles.slug,
        title: articles.title,
        summary: articles.summary,
        body: articles.body,
        status: articles.status,
        commentsOpen: articles.commentsOpen,
        publishedAt: articles.publishedAt,
        revisedAt: articles.revisedAt,
        section: sections.slug,
        author: authors.slug,
      })
      .from(articles)
      .innerJoin(sections, eq(sections.id, articles.sectionId))
      .innerJoin(authors, eq(authors.id, articles.authorId))
      .orderBy(articles.slug)
      .all()
      .map(({ id, publishedAt, revisedAt, ...a }) => ({
        ...a,
        publishedAt: publishedAt?.getTime() ?? null,
        revisedAt: revisedAt?.getTime() ?? null,
        tags: tagsOf(id),
      })),
  };
}

type ArticleRow = ReturnType<typeof snapshot>['articles'][number];

/**
 * Migrates and seeds a second, brand-new database file. lib/env reads DATABASE_PATH once per
 * module graph, so the db modules are loaded afresh after pointing it at the new file.
 */
async function seedAnotherDatabase(anchor: Date) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-unit-other-'));
  const previousPath = process.env.DATABASE_PATH;
  process.env.DATABASE_PATH = path.join(dir, 'site.db');
  vi.resetModules();
  try {
    const db = await import('./index');
    const { migrateDatabase: migrateOther } = await import('./migrate');
    const { seedDatabaseIfEmpty: seedOther } = await import('./seed');
    migrateOther();
    const result = seedOther(anchor);
    const data = snapshot(db.getDb());
    db.closeDb();
    return { result, data };
  } finally {
    process.env.DATABASE_PATH = previousPath;
    vi.resetModules();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('seedDatabaseIfEmpty on a fresh database', () => {
  let first: ReturnType<typeof seedDatabaseIfEmpty>;
  let data: ReturnType<typeof snapshot>;
  let published: ArticleRow[];

  beforeAll(() => {
    migrateDatabase();
    first = seedDatabaseIfEmpty(ANCHOR);
    data = snapshot(getDb());
    published = data.articles.filter((a) => a.status === 'published');
  });

  it('seeds, and says how many articles it wrote', () => {
    expect(first.seeded).toBe(true);
    expect(first.articles).toBe(data.articles.length);
  });

  it('publishes at least 24 articles', () => {
    expect(published.length).toBeGreaterThanOrEqual(24);
  });

  it('writes every published article at 400 to 1,200 words', () => {
    const outside = published.map((a) => ({ slug: a.slug, words: countWords(a.body) })).filter((a) => a.words < 400 || a.words > 1200);
    expect(outside).toEqual([]);
  });

  it('has 6 sections, each with published articles', () => {
    expect(data.sections).toHaveLength(6);
    for (const { slug } of data.sections) {
      expect(published.filter((a) => a.section === slug).length, `section ${slug}`).toBeGreaterThan(0);
    }
  });

  it('has 5 authors, each with a role and a bio, each with published articles', () => {
    expect(data.authors).toHaveLength(5);
    for (const author of data.authors) {
      expect(author.role, author.slug).not.toBe('');
      expect(author.bio.length, author.slug).toBeGreaterThan(60);
      expect(published.filter((a) => a.author === author.slug).length, author.slug).toBeGreaterThan(0);
    }
  });

  it('gives every article a headline, a standfirst and at least one tag', () => {
    for (const a of data.articles) {
      expect(a.title.length, a.slug).toBeGreaterThan(10);
      expect(a.summary.length, a.slug).toBeGreaterThan(20);
      expect(a.tags, a.slug).not.toEqual([]);
    }
    expect(data.tags.length).toBeGreaterThan(5);
  });

  it('writes Markdown with subheads, quotes, lists and links', () => {
    const bodies = published.map((a) => a.body);
    expect(bodies.filter((b) => /^## /m.test(b)).length).toBeGreaterThan(published.length / 2);
    expect(bodies.some((b) => /^> /m.test(b))).toBe(true);
    expect(bodies.some((b) => /^(- |\d+\. )/m.test(b))).toBe(true);
    expect(bodies.some((b) => /\[[^\]]+\]\([^)]+\)/.test(b))).toBe(true);
  });

  it('has exactly one draft, the embargoed one, with no publication date', () => {
    const drafts = data.articles.filter((a) => a.status !== 'published');
    expect(drafts.map((a) => [a.slug, a.status, a.publishedAt])).toEqual([[DRAFT_SLUG, 'draft', null]]);
  });

  it('closes comments on some articles and leaves them open on most', () => {
    const closed = published.filter((a) => !a.commentsOpen).length;
    expect(closed).toBeGreaterThan(0);
    expect(closed).toBeLessThan(published.length / 2);
  });

  it('dates every publication within the 90 days before the anchor, spread over them', () => {
    for (const a of published) {
      expect(a.publishedAt, a.slug).not.toBeNull();
      expect(a.publishedAt!, a.slug).toBeLessThanOrEqual(ANCHOR.getTime());
      expect(a.publishedAt!, a.slug).toBeGreaterThan(ANCHOR.getTime() - 90 * DAY);
      if (a.revisedAt !== null) expect(a.revisedAt, a.slug).toBeGreaterThan(a.publishedAt!);
    }
    const times = published.map((a) => a.publishedAt!);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(60 * DAY);
  });

  it('keeps the full-text index in step with the articles', () => {
    const client = getDb().$client;
    const n = client.prepare<[], { n: number }>(`SELECT count(*) AS n FROM articles_fts WHERE articles_fts MATCH '"mainframe"'`).get()!.n;
    const expected = data.articles.filter((a) => /mainframe/i.test(`${a.title} ${a.summary} ${a.body}`)).length;
    expect(n).toBe(expected);
    expect(n).toBeGreaterThan(0);
  });

  it('does nothing when run a second time', () => {
    expect(seedDatabaseIfEmpty(new Date(ANCHOR.getTime() + 5 * DAY))).toEqual({ seeded: false, articles: 0 });
    expect(snapshot(getDb())).toEqual(data);
  });

  it('writes the same data into another fresh database for the same anchor', async () => {
    const other = await seedAnotherDatabase(new Date(ANCHOR));
    expect(other.result).toEqual(first);
    expect(other.data).toEqual(data);
  });

  it('dates articles relative to the anchor', async () => {
    const later = await seedAnotherDatabase(new Date(ANCHOR.getTime() + 3 * DAY));
    const shifted = later.data.articles.find((a) => a.status === 'published')!;
    const original = data.articles.find((a) => a.slug === shifted.slug)!;
    expect(shifted.publishedAt! - original.publishedAt!).toBe(3 * DAY);
  });
});
