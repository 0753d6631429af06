import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { seedDatabaseIfEmpty } from '@/db/seed';
import { PAGE_SIZE } from './pagination';
import {
  getArticleBySlug,
  getAuthorPage,
  getFrontPage,
  getSectionPage,
  getTagPage,
  listArticlesForFeed,
  listRelatedArticles,
  listSitemapEntries,
  searchArticles,
  type ArticleSummary,
} from './queries';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './search-markers';

const DRAFT_SLUG = 'embargoed-framework-award-draft';
const MAINFRAME_SLUG = 'revenue-agency-begins-final-phase-of-mainframe-retirement';

const client = () => getDb().$client;
const publishedSlugs = () =>
  client()
    .prepare<[], { slug: string }>(`SELECT slug FROM articles WHERE status = 'published' ORDER BY published_at DESC, id DESC`)
    .all()
    .map((r) => r.slug);
const draft = () =>
  client()
    .prepare<[string], { id: number; title: string; sectionId: number; authorId: number; publishedAt: number | null }>(
      'SELECT id, title, section_id AS sectionId, author_id AS authorId, published_at AS publishedAt FROM articles WHERE slug = ?',
    )
    .get(DRAFT_SLUG)!;
const slugsOf = (items: ArticleSummary[]) => items.map((a) => a.slug);

beforeAll(() => {
  migrateDatabase();
  seedDatabaseIfEmpty();
});

describe('searchArticles with hostile input', () => {
  it.each([
    '"',
    '"mainframe retirement',
    'main"frame',
    '*',
    'main*',
    'AND',
    'mainframe AND',
    'mainframe OR NOT cloud',
    'NEAR(',
    'NEAR(mainframe retirement, 5)',
    'title:mainframe',
    '{title summary}: mainframe',
    '-body:cloud',
    '^mainframe',
    "'; DROP TABLE articles; --",
    'main\u0000frame',
    '🔥🚀',
    '🔥 mainframe',
    'a'.repeat(10_000),
    'mainframe '.repeat(1_000),
    '"*(NEAR: '.repeat(1_112),
    '',
  ])('answers %j with a page of results or an empty page, never an error', async (query) => {
    const result = await searchArticles({ query, page: 1 });
    expect(result).not.toBeNull();
    expect(result!.page).toBe(1);
    expect(result!.items.length).toBeLessThanOrEqual(PAGE_SIZE);
    expect(result!.total).toBeGreaterThanOrEqual(result!.items.length);
  });

  it('still finds the article when the words come wrapped in syntax', async () => {
    for (const query of ['"mainframe retirement', 'NEAR(mainframe retirement', 'mainframe AND retirement*', '(mainframe) -retirement']) {
      const result = await searchArticles({ query, page: 1 });
      expect(result!.items[0]?.slug, query).toBe(MAINFRAME_SLUG);
    }
  });
});

describe('searchArticles ranking and snippets', () => {
  it('ranks the mainframe article first for "mainframe", with marked snippets', async () => {
    const result = await searchArticles({ query: 'mainframe', page: 1 });
    expect(result!.items[0]?.slug).toBe(MAINFRAME_SLUG);
    expect(result!.items[0]?.snippet).toMatch(new RegExp(`${SNIPPET_OPEN}mainframe${SNIPPET_CLOSE}`, 'i'));
  });

  it('answers a page past the results with null, and no results with an empty first page', async () => {
    expect(await searchArticles({ query: 'mainframe', page: 99999 })).toBeNull();
    expect(await searchArticles({ query: 'zzqqxxnothing', page: 5 })).toMatchObject({ page: 1, total: 0, items: [] });
  });
});

describe('the draft is never visible', () => {
  beforeAll(() => {
    // A draft may carry a date (a planned time, or a story pulled back after publication); give it
    // one in the past so that only its status can keep it hidden.
    client().prepare('UPDATE articles SET published_at = ? WHERE slug = ?').run(Date.now() - 2 * 24 * 60 * 60 * 1000, DRAFT_SLUG);
  });

  it('is in the database with a past date, so the checks below mean something', () => {
    expect(draft().title).toContain('embargo');
    expect(draft().publishedAt).toBeLessThan(Date.now());
  });

  it('is not found by slug', async () => {
    expect(await getArticleBySlug({ slug: DRAFT_SLUG })).toBeNull();
  });

  it('is not found by search, even for its own words', async () => {
    for (const query of [draft().title, 'embargo', 'Crown Procurement Service', 'standstill period']) {
      const result = await searchArticles({ query, page: 1 });
      expect(slugsOf(result!.items), query).not.toContain(DRAFT_SLUG);
    }
  });

  it('is not on any page of the front page, its section, its author or its tags', async () => {
    const seen: string[] = [];
    for (let page = 1; ; page++) {
      const front = await getFrontPage({ page });
      if (!front) break;
      seen.push(...slugsOf(front.latest.items), ...front.sections.flatMap((s) => slugsOf(s.items)));
    }
    const { sectionId, authorId, id } = draft();
    const section = client().prepare<[number], { slug: string }>('SELECT slug FROM sections WHERE id = ?').get(sectionId)!;
    const author = client().prepare<[number], { slug: string }>('SELECT slug FROM authors WHERE id = ?').get(authorId)!;
    const tagSlugs = client()
      .prepare<[number], { slug: string }>('SELECT t.slug FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?')
      .all(id);
    expect(tagSlugs.length).toBeGreaterThan(0);
    seen.push(...slugsOf((await getSectionPage({ slug: section.slug, page: 1 }))!.list.items));
    seen.push(...slugsOf((await getAuthorPage({ slug: author.slug, page: 1 }))!.list.items));
    for (const tag of tagSlugs) seen.push(...slugsOf((await getTagPage({ slug: tag.slug, page: 1 }))!.list.items));

    expect(new Set(seen)).toEqual(new Set(publishedSlugs()));
    expect(seen).not.toContain(DRAFT_SLUG);
  });

  it('is not related to anything', async () => {
    for (const slug of publishedSlugs()) {
      const article = await getArticleBySlug({ slug });
      expect(slugsOf(await listRelatedArticles({ articleId: article!.id })), slug).not.toContain(DRAFT_SLUG);
    }
  });

  it('is not in the feeds or the sitemap', async () => {
    const sitemap = await listSitemapEntries();
    expect(sitemap.articles.map((a) => a.slug).sort()).toEqual(publishedSlugs().sort());
    expect(slugsOf(await listArticlesForFeed({ limit: 100 }))).not.toContain(DRAFT_SLUG);
    expect(slugsOf(await listArticlesForFeed({ sectionSlug: 'procurement', limit: 100 }))).not.toContain(DRAFT_SLUG);
  });
});

describe('articles scheduled for the future are not live yet', () => {
  it('hides an article whose publication time is still to come', async () => {
    const slug = publishedSlugs()[0]!;
    const row = client().prepare<[string], { publishedAt: number }>('SELECT published_at AS publishedAt FROM articles WHERE slug = ?').get(slug)!;
    client().prepare('UPDATE articles SET published_at = ? WHERE slug = ?').run(Date.now() + 60 * 60 * 1000, slug);
    try {
      expect(await getArticleBySlug({ slug })).toBeNull();
      expect(slugsOf((await getFrontPage({ page: 1 }))!.latest.items)).not.toContain(slug);
      expect((await listSitemapEntries()).articles.map((a) => a.slug)).not.toContain(slug);
    } finally {
      client().prepare('UPDATE articles SET published_at = ? WHERE slug = ?').run(row.publishedAt, slug);
    }
    expect(await getArticleBySlug({ slug })).not.toBeNull();
  });
});

describe('pagination of listings', () => {
  it('lists the newest first, PAGE_SIZE to a page, and answers null past the last page', async () => {
    const all = publishedSlugs();
    const pageCount = Math.ceil(all.length / PAGE_SIZE);
    const first = await getFrontPage({ page: 1 });
    expect(first!.lead?.slug).toBe(all[0]);
    expect(slugsOf(first!.latest.items)).toEqual(all.slice(0, PAGE_SIZE));
    expect(first!.latest).toMatchObject({ page: 1, pageCount, total: all.length });
    const last = await getFrontPage({ page: pageCount });
    expect(slugsOf(last!.latest.items)).toEqual(all.slice((pageCount - 1) * PAGE_SIZE));
    expect(await getFrontPage({ page: pageCount + 1 })).toBeNull();
    expect(await getFrontPage({ page: 99999 })).toBeNull();
  });

  it('answers null past the end of a section, tag or author archive, and for unknown slugs', async () => {
    expect(await getSectionPage({ slug: 'data', page: 1 })).not.toBeNull();
    expect(await getSectionPage({ slug: 'data', page: 99999 })).toBeNull();
    expect(await getSectionPage({ slug: 'no-such-section', page: 1 })).toBeNull();
    expect(await getAuthorPage({ slug: 'maya-okafor', page: 99999 })).toBeNull();
    expect(await getAuthorPage({ slug: 'no-such-author', page: 1 })).toBeNull();
    expect(await getTagPage({ slug: 'no-such-tag', page: 1 })).toBeNull();
    expect(await getArticleBySlug({ slug: 'no-such-article' })).toBeNull();
  });
});
