import 'server-only';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleAuthors, articleRevisions, articles, authors, sections, tags, type ArticleStatus } from '@/db/schema';
import { getMediaRef } from '@/lib/media/queries';
import { articleFields, readArticleLinks } from './article-links';
import { paginate, type Pagination } from './pagination';
import { articleDetail } from './queries';

// What the dashboard's article pages read. Callers check requireStaff('editor') first.

export const ARTICLE_TABS = [
  { key: 'drafts', label: 'Drafts', status: 'draft' },
  { key: 'scheduled', label: 'Scheduled', status: 'scheduled' },
  { key: 'published', label: 'Published', status: 'published' },
  { key: 'unpublished', label: 'Unpublished', status: 'unpublished' },
] as const satisfies readonly { key: string; label: string; status: ArticleStatus }[];
export type ArticleTab = (typeof ARTICLE_TABS)[number]['key'];

export const ADMIN_ARTICLES_PAGE_SIZE = 50;

export function countArticlesByTab(): Record<ArticleTab, number> {
  const rows = getDb().select({ status: articles.status, n: count() }).from(articles).groupBy(articles.status).all();
  const byStatus = new Map(rows.map((r) => [r.status, r.n]));
  return Object.fromEntries(ARTICLE_TABS.map((t) => [t.key, byStatus.get(t.status) ?? 0])) as Record<ArticleTab, number>;
}

export interface AdminArticleRow {
  id: number;
  title: string;
  slug: string;
  status: ArticleStatus;
  section: string;
  bylines: string;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  updatedAt: Date;
  updatedBy: string | null;
}

/** One tab of the article list, newest change first (scheduled: soonest release first), 50 a page. */
export function listArticlesForAdmin({ tab, query, page }: { tab: ArticleTab; query: string; page: number }): Pagination & {
  items: AdminArticleRow[];
  outOfRange: boolean;
} {
  const status = ARTICLE_TABS.find((t) => t.key === tab)!.status;
  const q = query.trim();
  // LIKE with its wildcards escaped (and the escape character named: SQLite has none by default),
  // so "50%" finds "50%".
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = and(eq(articles.status, status), q ? sql`${articles.title} LIKE ${pattern} ESCAPE '\\'` : undefined);
  const db = getDb();
  const total = db.select({ n: count() }).from(articles).where(where).get()?.n ?? 0;
  const bounds = paginate(total, page, ADMIN_ARTICLES_PAGE_SIZE);
  const order = status === 'scheduled' ? [articles.scheduledAt, articles.id] : [desc(articles.updatedAt), desc(articles.id)];
  const items = db
    .select({
      id: articles.id,
      title: articles.title,
      slug: articles.slug,
      status: articles.status,
      section: sections.name,
      bylines: sql<string>`(SELECT group_concat(au.name, ', ' ORDER BY aa.position) FROM ${articleAuthors} aa JOIN ${authors} au ON au.id = aa.author_id WHERE aa.article_id = ${articles.id})`,
      publishedAt: articles.publishedAt,
      scheduledAt: articles.scheduledAt,
      updatedAt: articles.updatedAt,
      updatedBy: articles.updatedBy,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(where)
    .orderBy(...order)
    .limit(bounds.limit)
    .offset(bounds.offset)
    .all()
    .map((r) => ({ ...r, bylines: r.bylines ?? '' }));
  return { ...bounds, items };
}

/** The article as the editor opens it, or null. */
export function getArticleForEditing({ id }: { id: number }) {
  const db = getDb();
  const row = db.select().from(articles).where(eq(articles.id, id)).get();
  if (!row) return null;
  const links = readArticleLinks(db, id) ?? { tags: [], authors: [] };
  return { ...row, fields: articleFields(row, links), image: getMediaRef(row.imageId) };
}
export type ArticleForEditing = NonNullable<ReturnType<typeof getArticleForEditing>>;

/** What the editor's pickers offer. */
export function listEditorChoices() {
  const db = getDb();
  return {
    sections: db.select({ id: sections.id, name: sections.name }).from(sections).orderBy(sections.position, sections.name).all(),
    authors: db.select({ id: authors.id, name: authors.name }).from(authors).orderBy(authors.name).all(),
    tags: db
      .select({ name: tags.name })
      .from(tags)
      .orderBy(tags.name)
      .all()
      .map((t) => t.name),
  };
}

/** Saved revisions of an article, newest first. */
export function listRevisions({ articleId }: { articleId: number }) {
  return getDb()
    .select({
      id: articleRevisions.id,
      version: articleRevisions.version,
      savedBy: articleRevisions.savedBy,
      createdAt: articleRevisions.createdAt,
    })
    .from(articleRevisions)
    .where(eq(articleRevisions.articleId, articleId))
    .orderBy(desc(articleRevisions.version), desc(articleRevisions.id))
    .all();
}

export function getRevision({ articleId, id }: { articleId: number; id: number }) {
  return (
    getDb()
      .select()
      .from(articleRevisions)
      .where(and(eq(articleRevisions.articleId, articleId), eq(articleRevisions.id, id)))
      .get() ?? null
  );
}

/** The article exactly as its public page would show it, whatever its status: for staff previews. */
export function getArticlePreview({ id }: { id: number }) {
  return articleDetail(eq(articles.id, id));
}
