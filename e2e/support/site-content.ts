import { and, asc, desc, eq, lte } from 'drizzle-orm';
import { articles, articleTags, authors, sections, tags } from '../../db/schema';
import type { SiteDb } from '../../test/support/site-db';

// Reads of the site's own SQLite file, so specs compare pages with the data rather than with
// numbers copied from the seed.

export const DRAFT_SLUG = 'embargoed-framework-award-draft';

export interface PublishedArticle {
  id: number;
  slug: string;
  title: string;
  summary: string;
  body: string;
  publishedAt: Date;
  revisedAt: Date | null;
  sectionSlug: string;
  sectionName: string;
  authorSlug: string;
  authorName: string;
  authorBio: string;
}

/** Live articles, newest first, in the order the site lists them. */
export function listPublished(db: SiteDb, { sectionSlug }: { sectionSlug?: string } = {}): PublishedArticle[] {
  return db
    .select({
      id: articles.id,
      slug: articles.slug,
      title: articles.title,
      summary: articles.summary,
      body: articles.body,
      publishedAt: articles.publishedAt,
      revisedAt: articles.revisedAt,
      sectionSlug: sections.slug,
      sectionName: sections.name,
      authorSlug: authors.slug,
      authorName: authors.name,
      authorBio: authors.bio,
    })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .innerJoin(authors, eq(authors.id, articles.authorId))
    .where(
      and(
        eq(articles.status, 'published'),
        lte(articles.publishedAt, new Date()),
        sectionSlug === undefined ? undefined : eq(sections.slug, sectionSlug),
      ),
    )
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .all()
    .map((a) => ({ ...a, publishedAt: a.publishedAt! }));
}

export function getPublished(db: SiteDb, slug: string): PublishedArticle {
  const article = listPublished(db).find((a) => a.slug === slug);
  if (!article) throw new Error(`No published article ${slug}`);
  return article;
}

export function tagsOf(db: SiteDb, articleId: number): { slug: string; name: string }[] {
  return db
    .select({ slug: tags.slug, name: tags.name })
    .from(articleTags)
    .innerJoin(tags, eq(tags.id, articleTags.tagId))
    .where(eq(articleTags.articleId, articleId))
    .orderBy(asc(tags.name))
    .all();
}

export function listSections(db: SiteDb): { slug: string; name: string }[] {
  return db.select({ slug: sections.slug, name: sections.name }).from(sections).orderBy(asc(sections.position), asc(sections.name)).all();
}
