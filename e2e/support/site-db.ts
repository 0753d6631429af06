import Database from 'better-sqlite3';

// Reads of the site's own SQLite file, so specs compare pages with the data rather than with
// numbers copied from the seed. Writes are limited to what the caching test needs.

export type SiteDb = Database.Database;

export const DRAFT_SLUG = 'embargoed-framework-award-draft';

export function openSiteDb(file: string): SiteDb {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return db;
}

export interface PublishedArticle {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishedAt: number;
  revisedAt: number | null;
  sectionSlug: string;
  sectionName: string;
  authorSlug: string;
  authorName: string;
  authorBio: string;
}

/** Live articles, newest first, in the order the site lists them. */
export function listPublished(db: SiteDb, { sectionSlug }: { sectionSlug?: string } = {}): PublishedArticle[] {
  return db
    .prepare<{ now: number; section: string | null }, PublishedArticle>(
      `SELECT a.id, a.slug, a.title, a.summary, a.body, a.published_at AS publishedAt, a.revised_at AS revisedAt,
              c.slug AS sectionSlug, c.name AS sectionName, au.slug AS authorSlug, au.name AS authorName, au.bio AS authorBio
       FROM articles a JOIN sections c ON c.id = a.section_id JOIN authors au ON au.id = a.author_id
       WHERE a.status = 'published' AND a.published_at <= @now AND (@section IS NULL OR c.slug = @section)
       ORDER BY a.published_at DESC, a.id DESC`,
    )
    .all({ now: Date.now(), section: sectionSlug ?? null });
}

export function getPublished(db: SiteDb, slug: string): PublishedArticle {
  const article = listPublished(db).find((a) => a.slug === slug);
  if (!article) throw new Error(`No published article ${slug}`);
  return article;
}

export function tagsOf(db: SiteDb, articleId: number): { slug: string; name: string }[] {
  return db
    .prepare<[number], { slug: string; name: string }>(
      'SELECT t.slug, t.name FROM article_tags at JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name',
    )
    .all(articleId);
}

export function listSections(db: SiteDb): { slug: string; name: string }[] {
  return db.prepare<[], { slug: string; name: string }>('SELECT slug, name FROM sections ORDER BY position, name').all();
}

/** What the newsroom tools do after a change: every server process re-renders pages with these tags. */
export function invalidateTags(db: SiteDb, tags: string[]): void {
  const upsert = db.prepare(
    `INSERT INTO cache_invalidations (tag, invalidated_at) VALUES (?, ?)
     ON CONFLICT(tag) DO UPDATE SET invalidated_at = max(invalidated_at, excluded.invalidated_at)`,
  );
  const now = Date.now();
  db.transaction(() => tags.forEach((tag) => upsert.run(tag, now)))();
}
