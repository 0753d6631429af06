import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { migrateDatabase } from '@/db/migrate';
import { articles, articleTags, authors, sections, tags } from '@/db/schema';
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

const db = () => getDb();
const publishedSlugs = () =>
  db()
    .select({ slug: articles.slug })
    .from(articles)
    .where(eq(articles.status, 'published'))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .all()
    .map((r) => r.slug);
const draft = () =>
  db()
    .select({
      id: articles.id,
      title: articles.title,
      sectionId: articles.sectionId,
      authorId: articles.authorId,
      publishedAt: articles.publishedAt,
    })
    .from(articles)
    .where(eq(articles.slug, DRAFT_SLUG))
    .get()!;
const setPublishedAt = (slug: string, publishedAt: Date | null) =>
  db().update(articles).set({ publishedAt }).where(eq(articles.slug, slug)).run();
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
    setPublishedAt(DRAFT_SLUG, new Date(Date.now() - 2 * 24 * 60 * 60 * 1000));
  });

  it('is in the database with a past date, so the checks below mean something', () => {
    expect(draft().title).toContain('embargo');
    expect(draft().publishedAt!.getTime()).toBeLessThan(Date.now());
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
    const section = db().select({ slug: sections.slug }).from(sections).where(eq(sections.id, sectionId)).get()!;
    const author = db().select({ slug: authors.slug }).from(authors).where(eq(authors.id, authorId)).get()!;
    const tagSlugs = db()
      .select({ slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, id))
      .all();
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
      expect(slugsOf(await listRelatedArticles({ article: article! })), slug).not.toContain(DRAFT_SLUG);
    }
  });

  it('is not in the feeds or the sitemap', async () => {
    const sitemap = await listSitemapEntries();
    expect(sitemap.articles.map((a) => a.slug).sort()).toEqual(publishedSlugs().sort());
    expect(slugsOf(await listArticlesForFeed({ limit: 100 }))).not.toContain(DRAFT_SLUG);
    expect(slugsOf(await listArticlesForFeed({ sectionSlug: 'procurement', limit: 100 }))).not.toContain(DRAFT_SLUG);
  });
});

describe('cached reads called with arguments no page sends', () => {
  // Next lets anyone with a cached read's id call it as a server function with any arguments
  // (README, "How it works"), so each checks its own.
  it('answer nothing for a bad slug or page number, without an error', async () => {
    for (const page of [0, -1, 1.5, Number.NaN, 1e12]) {
      expect(await getFrontPage({ page }), `front page ${page}`).toBeNull();
      expect(await getSectionPage({ slug: 'procurement', page }), `section page ${page}`).toBeNull();
    }
    for (const slug of ['x'.repeat(300), '../etc', 'Council', '']) {
      expect(await getArticleBySlug({ slug }), slug.slice(0, 20)).toBeNull();
      expect(await getTagPage({ slug, page: 1 }), slug.slice(0, 20)).toBeNull();
      expect(await getAuthorPage({ slug, page: 1 }), slug.slice(0, 20)).toBeNull();
    }
  });

  it('name no related articles for a draft, which would say what the draft is about', async () => {
    const live = (await getArticleBySlug({ slug: MAINFRAME_SLUG }))!;
    expect((await listRelatedArticles({ article: live })).length).toBeGreaterThan(0);
    const asIfLive = { ...live, id: draft().id };
    expect(await listRelatedArticles({ article: asIfLive })).toEqual([]);
    expect((await listRelatedArticles({ article: live, limit: 10_000 })).length).toBeLessThanOrEqual(12);
  });
});

describe('articles scheduled for the future are not live yet', () => {
  it('hides an article whose publication time is still to come', async () => {
    const slug = publishedSlugs()[0]!;
    const row = db().select({ publishedAt: articles.publishedAt }).from(articles).where(eq(articles.slug, slug)).get()!;
    setPublishedAt(slug, new Date(Date.now() + 60 * 60 * 1000));
    try {
      expect(await getArticleBySlug({ slug })).toBeNull();
      expect(slugsOf((await getFrontPage({ page: 1 }))!.latest.items)).not.toContain(slug);
      expect((await listSitemapEntries()).articles.map((a) => a.slug)).not.toContain(slug);
    } finally {
      setPublishedAt(slug, row.publishedAt);
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
