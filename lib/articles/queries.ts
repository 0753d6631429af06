import 'server-only';
import { and, count, desc, eq, gte, inArray, lte, ne, type Placeholder, type SQL, sql } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db';
import { articleAuthors, articles, articleTags, authors, media, sections, tags, type Media } from '@/db/schema';
import type { MediaImage } from '@/lib/media/rules';
import { newsroomNow } from '@/lib/site/clock';
import { isValidSlug } from '@/lib/site/urls';
import { articleTag, authorTag, COMMENT_COUNTS_TAG, LISTINGS_TAG, sectionTag, SECTIONS_TAG, tagTag } from './cache-tags';
import { readingMinutes, renderMarkdown } from './markdown';
import { isPageNumber, paginate, PAGE_SIZE, type Pagination } from './pagination';
import { SNIPPET_CLOSE, SNIPPET_OPEN } from './search-markers';
import { buildFtsQuery } from './search-query';

// Public reads. Each selects only the columns a reader may see and returns plain, serialisable
// values (dates as ISO strings) because results are kept in Next's data cache.

export interface SectionRef {
  slug: string;
  name: string;
}
export interface AuthorRef {
  slug: string;
  name: string;
}
/** An article's lead picture: the stored file (lib/media) and this article's words for it. */
export interface LeadImage {
  hash: string;
  format: Media['format'];
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
}
export interface ArticleSummary {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: string;
  revisedAt: string | null;
  section: SectionRef;
  /** The first byline; `bylines` has them all, in order. */
  author: AuthorRef;
  bylines: AuthorRef[];
  image: LeadImage | null;
  /** Approved comments; listings that show it are tagged COMMENT_COUNTS_TAG. */
  commentCount: number;
}
export interface ArticleDetail extends ArticleSummary {
  html: string;
  readingMinutes: number;
  commentsOpen: boolean;
  tags: { slug: string; name: string }[];
  author: AuthorRef & { role: string };
  correction: { text: string; at: string } | null;
}
export interface Page<T> extends Pagination {
  items: T[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * Published and not in the future: the one rule for what readers may see, in every query, the
 * search SQL and the comment form. `at` may be a prepared statement's placeholder (bound as ms).
 */
export function isLive(at: Date | Placeholder = newsroomNow()) {
  return and(eq(articles.status, 'published'), lte(articles.publishedAt, at))!;
}

const summaryColumns = {
  id: articles.id,
  slug: articles.slug,
  title: articles.title,
  summary: articles.summary,
  publishedAt: articles.publishedAt,
  revisedAt: articles.revisedAt,
  sectionSlug: sections.slug,
  sectionName: sections.name,
  authorSlug: authors.slug,
  authorName: authors.name,
  bylines: sql<string>`(SELECT json_group_array(json_object('slug', au.slug, 'name', au.name) ORDER BY aa.position)
    FROM ${articleAuthors} aa JOIN ${authors} au ON au.id = aa.author_id WHERE aa.article_id = ${articles.id})`,
  imageHash: media.hash,
  imageFormat: media.format,
  imageWidth: media.width,
  imageHeight: media.height,
  imageAlt: articles.imageAlt,
  imageCaption: articles.imageCaption,
  imageCredit: articles.imageCredit,
  commentCount: sql<number>`(SELECT count(*) FROM comments c WHERE c.article_id = ${articles.id} AND c.status = 'approved')`,
};

type SummaryRow = {
  id: number;
  slug: string;
  title: string;
  summary: string;
  publishedAt: Date | null;
  revisedAt: Date | null;
  sectionSlug: string;
  sectionName: string;
  authorSlug: string;
  authorName: string;
  bylines: string | null;
  imageHash: string | null;
  imageFormat: Media['format'] | null;
  imageWidth: number | null;
  imageHeight: number | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  commentCount: number;
};

function toSummary(r: SummaryRow): ArticleSummary {
  const author = { slug: r.authorSlug, name: r.authorName };
  const bylines = r.bylines ? (JSON.parse(r.bylines) as AuthorRef[]) : [];
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    summary: r.summary,
    publishedAt: iso(r.publishedAt) ?? new Date(0).toISOString(),
    revisedAt: iso(r.revisedAt),
    section: { slug: r.sectionSlug, name: r.sectionName },
    author: bylines[0] ?? author,
    bylines: bylines.length > 0 ? bylines : [author],
    image:
      r.imageHash && r.imageFormat && r.imageWidth && r.imageHeight
        ? {
            hash: r.imageHash,
            format: r.imageFormat,
            width: r.imageWidth,
            height: r.imageHeight,
            alt: r.imageAlt,
            caption: r.imageCaption,
            credit: r.imageCredit,
          }
        : null,
    commentCount: r.commentCount,
  };
}

function summaries() {
  return getDb()
    .select(summaryColumns)
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.imageId));
}

function countLive(where = isLive()) {
  return getDb().select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
}

function pageOf(where: ReturnType<typeof isLive>, page: number, limit = PAGE_SIZE): Page<ArticleSummary> | null {
  const bounds = paginate(countLive(where), page, limit);
  if (bounds.outOfRange) return null;
  const items = summaries()
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(bounds.limit)
    .offset(bounds.offset)
    .all()
    .map(toSummary);
  return { ...bounds, items };
}

export async function listSections(): Promise<(SectionRef & { description: string })[]> {
  'use cache';
  cacheTag(SECTIONS_TAG);
  cacheLife('reader');
  return getDb()
    .select({ slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .orderBy(sections.position, sections.name)
    .all();
}

export interface FrontPage {
  lead: ArticleSummary | null;
  latest: Page<ArticleSummary>;
  sections: { section: SectionRef; items: ArticleSummary[] }[];
}

/** Page 1 has the lead story, the latest and a block per section; later pages list the rest. */
export async function getFrontPage({ page }: { page: number }): Promise<FrontPage | null> {
  'use cache';
  if (!isPageNumber(page)) return null;
  cacheTag(LISTINGS_TAG, COMMENT_COUNTS_TAG);
  cacheLife('reader');
  const latest = pageOf(isLive(), page);
  if (!latest) return null;
  if (page > 1) return { lead: null, latest, sections: [] };
  const bySection = (await listSections()).map((section) => ({
    section: { slug: section.slug, name: section.name },
    items: summaries()
      .where(and(isLive(), eq(sections.slug, section.slug)))
      .orderBy(desc(articles.publishedAt), desc(articles.id))
      // Twice the four a block shows: the page leaves out the stories it lists above the blocks.
      .limit(8)
      .all()
      .map(toSummary),
  }));
  return { lead: latest.items[0] ?? null, latest, sections: bySection };
}

export async function getArticleBySlug({ slug }: { slug: string }): Promise<ArticleDetail | null> {
  'use cache';
  if (!isValidSlug(slug)) return null;
  cacheTag(articleTag(slug));
  cacheLife('reader');
  return articleDetail(and(eq(articles.slug, slug), isLive())!);
}

/**
 * An article as its page shows it, whichever row `where` picks. Readers get it through
 * getArticleBySlug (live only, cached); staff previews through lib/articles/admin-queries.ts.
 */
export function articleDetail(where: SQL): ArticleDetail | null {
  const db = getDb();
  const row = db
    .select({
      ...summaryColumns,
      body: articles.body,
      commentsOpen: articles.commentsOpen,
      authorRole: authors.role,
      correction: articles.correction,
      correctedAt: articles.correctedAt,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.imageId))
    .where(where)
    .get();
  if (!row) return null;
  const tagRows = db
    .select({ slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, row.id))
    .orderBy(tags.name)
    .all();
  const summary = toSummary(row);
  const correction = row.correction.trim();
  return {
    ...summary,
    author: { ...summary.author, role: row.authorRole },
    html: renderMarkdown(row.body),
    readingMinutes: readingMinutes(row.body),
    commentsOpen: row.commentsOpen,
    tags: tagRows,
    correction: correction ? { text: correction, at: iso(row.correctedAt) ?? summary.revisedAt ?? summary.publishedAt } : null,
  };
}

/** The most related articles a page lists. */
const MAX_RELATED = 12;
/** The tags a related list is kept under at most: Next keeps 128 on an entry, warning of more. */
const MAX_TAGS = 100;

/**
 * Up to `limit` live articles that share the most tags with this one, then its section's latest.
 * Tagged with that section and those tags, so only a change there refreshes the article's page.
 */
export const listRelatedArticles = ({ article, limit = 3 }: { article: ArticleDetail; limit?: number }) =>
  cachedRelatedArticles({ articleId: article.id, sectionSlug: article.section.slug, tagSlugs: article.tags.map((t) => t.slug), limit });

async function cachedRelatedArticles(args: { articleId: number; sectionSlug: string; tagSlugs: string[]; limit: number }) {
  'use cache';
  // Next can call a cached read as a server function with any arguments (README, "How it works"):
  // it answers only for a live article (a draft's tags would say what it is about), with live
  // articles, never more than a page lists.
  const { articleId, sectionSlug, tagSlugs, limit } = args;
  if (!Number.isSafeInteger(articleId) || !isValidSlug(sectionSlug) || !Array.isArray(tagSlugs) || !tagSlugs.every(isValidSlug)) return [];
  if (
    !getDb()
      .select({ id: articles.id })
      .from(articles)
      .where(and(eq(articles.id, articleId), isLive()))
      .get()
  )
    return [];
  cacheTag(sectionTag(sectionSlug), ...tagSlugs.slice(0, MAX_TAGS).map(tagTag));
  cacheLife('reader');
  return relatedArticles({ articleId, limit: Math.min(Math.max(1, Math.trunc(limit) || 1), MAX_RELATED) });
}

function relatedArticles({ articleId, limit }: { articleId: number; limit: number }): ArticleSummary[] {
  const db = getDb();
  const shared = db
    .select({ articleId: articleTags.articleId, n: sql<number>`count(*)`.as('n') })
    .from(articleTags)
    .where(
      and(
        inArray(articleTags.tagId, db.select({ id: articleTags.tagId }).from(articleTags).where(eq(articleTags.articleId, articleId))),
        ne(articleTags.articleId, articleId),
      ),
    )
    .groupBy(articleTags.articleId)
    .as('shared');
  const byTags = summaries()
    .innerJoin(shared, eq(shared.articleId, articles.id))
    .where(isLive())
    .orderBy(desc(shared.n), desc(articles.publishedAt))
    .limit(limit)
    .all()
    .map(toSummary);
  if (byTags.length >= limit) return byTags;
  const section = db.select({ id: articles.sectionId }).from(articles).where(eq(articles.id, articleId)).get();
  const seen = new Set([articleId, ...byTags.map((a) => a.id)]);
  const more = section
    ? summaries()
        .where(and(isLive(), eq(articles.sectionId, section.id)))
        .orderBy(desc(articles.publishedAt))
        .limit(limit + seen.size)
        .all()
        .map(toSummary)
        .filter((a) => !seen.has(a.id))
    : [];
  return [...byTags, ...more].slice(0, limit);
}

export async function getSectionPage({ slug, page }: { slug: string; page: number }) {
  'use cache';
  if (!isValidSlug(slug) || !isPageNumber(page)) return null;
  cacheTag(sectionTag(slug), COMMENT_COUNTS_TAG);
  cacheLife('reader');
  const section = getDb()
    .select({ id: sections.id, slug: sections.slug, name: sections.name, description: sections.description })
    .from(sections)
    .where(eq(sections.slug, slug))
    .get();
  if (!section) return null;
  const list = pageOf(and(isLive(), eq(articles.sectionId, section.id))!, page);
  return list ? { section, list } : null;
}

export async function getTagPage({ slug, page }: { slug: string; page: number }) {
  'use cache';
  if (!isValidSlug(slug) || !isPageNumber(page)) return null;
  cacheTag(tagTag(slug), COMMENT_COUNTS_TAG);
  cacheLife('reader');
  const tag = getDb().select({ id: tags.id, slug: tags.slug, name: tags.name }).from(tags).where(eq(tags.slug, slug)).get();
  if (!tag) return null;
  const tagged = getDb().select({ id: articleTags.articleId }).from(articleTags).where(eq(articleTags.tagId, tag.id));
  const list = pageOf(and(isLive(), inArray(articles.id, tagged))!, page);
  return list ? { tag, list } : null;
}

export async function getAuthorPage({ slug, page }: { slug: string; page: number }) {
  'use cache';
  if (!isValidSlug(slug) || !isPageNumber(page)) return null;
  cacheTag(authorTag(slug), COMMENT_COUNTS_TAG);
  cacheLife('reader');
  const row = getDb()
    .select({
      id: authors.id,
      slug: authors.slug,
      name: authors.name,
      role: authors.role,
      bio: authors.bio,
      photoHash: media.hash,
      photoFormat: media.format,
      photoWidth: media.width,
      photoHeight: media.height,
    })
    .from(authors)
    .leftJoin(media, eq(media.id, authors.photoId))
    .where(eq(authors.slug, slug))
    .get();
  if (!row) return null;
  const { photoHash, photoFormat, photoWidth, photoHeight, ...rest } = row;
  const photo: MediaImage | null =
    photoHash && photoFormat && photoWidth && photoHeight
      ? { hash: photoHash, format: photoFormat, width: photoWidth, height: photoHeight }
      : null;
  const author = { ...rest, photo };
  const bylined = getDb().select({ id: articleAuthors.articleId }).from(articleAuthors).where(eq(articleAuthors.authorId, author.id));
  const list = pageOf(and(isLive(), inArray(articles.id, bylined))!, page);
  return list ? { author, list } : null;
}

export interface SearchHit extends ArticleSummary {
  /** Text with matches wrapped in \u0001 … \u0002; render it as text, never as HTML. */
  snippet: string;
}

/** Ranked full-text search over titles, standfirsts and bodies. Never throws on reader input. */
export async function searchArticles({ query, page }: { query: string; page: number }): Promise<Page<SearchHit> | null> {
  const match = buildFtsQuery(query);
  if (!match) return { ...paginate(0, 1), items: [] };
  // Keyed by the normalised FTS expression, so "Council" and "council " share one entry; the
  // handler's LRU bounds how many distinct searches are kept.
  return cachedSearch(match, page);
}

async function cachedSearch(match: string, page: number) {
  'use cache';
  cacheTag(LISTINGS_TAG);
  cacheLife('reader');
  // Next can call a cached read as a server function with any arguments (README, "How it works"),
  // so the MATCH expression is made again here: only words reach FTS (buildFtsQuery keeps its own
  // output as it is, so a reader's search is unchanged).
  const safe = buildFtsQuery(match);
  if (!safe || !Number.isInteger(page) || page < 1) return null;
  return runSearch(safe, page);
}

function runSearch(match: string, page: number): Page<SearchHit> | null {
  const db = getDb();
  const total =
    db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM articles_fts JOIN ${articles} ON ${articles.id} = articles_fts.rowid
      WHERE articles_fts MATCH ${match} AND ${isLive()}`)?.n ?? 0;
  const bounds = paginate(total, page);
  if (bounds.outOfRange) return total === 0 ? { ...bounds, page: 1, items: [] } : null;
  const rows = db.all<{ id: number; snippet: string; rank: number }>(sql`
    SELECT ${articles.id} AS id,
           snippet(articles_fts, -1, ${SNIPPET_OPEN}, ${SNIPPET_CLOSE}, '…', 28) AS snippet,
           bm25(articles_fts, 8.0, 3.0, 1.0) AS rank
    FROM articles_fts JOIN ${articles} ON ${articles.id} = articles_fts.rowid
    WHERE articles_fts MATCH ${match} AND ${isLive()}
    ORDER BY rank, ${articles.publishedAt} DESC
    LIMIT ${bounds.limit} OFFSET ${bounds.offset}`);
  if (rows.length === 0) return { ...bounds, items: [] };
  const byId = new Map(
    summaries()
      .where(
        inArray(
          articles.id,
          rows.map((r) => r.id),
        ),
      )
      .all()
      .map((r) => [r.id, toSummary(r)]),
  );
  const items = rows.flatMap((r) => {
    const summary = byId.get(r.id);
    return summary ? [{ ...summary, snippet: r.snippet }] : [];
  });
  return { ...bounds, items };
}

/** Latest live articles, newest first, for feeds; optionally one section. */
export async function listArticlesForFeed({ sectionSlug, limit = 30 }: { sectionSlug?: string; limit?: number }) {
  const db = getDb();
  const where = sectionSlug ? and(isLive(), eq(sections.slug, sectionSlug)) : isLive();
  return db
    .select({ ...summaryColumns, body: articles.body })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .leftJoin(media, eq(media.id, articles.imageId))
    .where(where)
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all()
    .map((r) => ({ ...toSummary(r), html: renderMarkdown(r.body) }));
}

/** Every public URL's source rows, for the sitemap. */
export async function listSitemapEntries() {
  const db = getDb();
  return {
    articles: db
      .select({ slug: articles.slug, publishedAt: articles.publishedAt, updatedAt: articles.updatedAt })
      .from(articles)
      .where(isLive())
      .orderBy(desc(articles.publishedAt))
      .all(),
    sections: db.select({ slug: sections.slug }).from(sections).all(),
    authors: db.select({ slug: authors.slug }).from(authors).all(),
    tags: db.select({ slug: tags.slug }).from(tags).all(),
  };
}

export async function getSectionBySlug({ slug }: { slug: string }) {
  return (
    getDb()
      .select({ slug: sections.slug, name: sections.name, description: sections.description })
      .from(sections)
      .where(eq(sections.slug, slug))
      .get() ?? null
  );
}

/** Live articles first published in the last 48 hours, for the Google News sitemap. */
export function listNewsSitemapEntries(now: Date = newsroomNow()) {
  return getDb()
    .select({ slug: articles.slug, title: articles.title, publishedAt: articles.publishedAt })
    .from(articles)
    .where(and(isLive(now), gte(articles.publishedAt, new Date(now.getTime() - 48 * 3600_000))))
    .orderBy(desc(articles.publishedAt))
    .limit(1000)
    .all();
}

/** The newest live headlines, for emails that point a reader at what to read next. */
export function listLatestHeadlines({ limit = 3 }: { limit?: number } = {}): { title: string; slug: string }[] {
  return getDb()
    .select({ title: articles.title, slug: articles.slug })
    .from(articles)
    .where(isLive())
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .limit(limit)
    .all();
}
