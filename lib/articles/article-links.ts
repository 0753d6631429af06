import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { articleAuthors, articles, articleTags, authors, sections, tags, type Article } from '@/db/schema';

// What an article is filed under: its section, tags and bylines. The editor reads them, and every
// change to a public article invalidates the pages that list them (cache-tags.ts). With its row,
// they make the article's editable fields: what the editor opens, a revision keeps, a conflict shows.

export interface ArticleLinks {
  slug: string;
  section: string;
  tags: { name: string; slug: string }[];
  authors: { id: number; slug: string }[];
}

export function readArticleLinks(db: DbOrTx, articleId: number): ArticleLinks | null {
  const article = db
    .select({ slug: articles.slug, section: sections.slug })
    .from(articles)
    .innerJoin(sections, eq(sections.id, articles.sectionId))
    .where(eq(articles.id, articleId))
    .get();
  if (!article) return null;
  return {
    ...article,
    tags: db
      .select({ name: tags.name, slug: tags.slug })
      .from(articleTags)
      .innerJoin(tags, eq(tags.id, articleTags.tagId))
      .where(eq(articleTags.articleId, articleId))
      .orderBy(tags.name)
      .all(),
    authors: db
      .select({ id: authors.id, slug: authors.slug })
      .from(articleAuthors)
      .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
      .where(eq(articleAuthors.articleId, articleId))
      .orderBy(articleAuthors.position)
      .all(),
  };
}

/** The pages that show any of these articles (before and after a change): for tagsForArticleChange. */
export function pagesShowing(links: (ArticleLinks | null)[]) {
  const present = links.filter((l): l is ArticleLinks => l !== null);
  return {
    slugs: [...new Set(present.map((l) => l.slug))],
    sections: [...new Set(present.map((l) => l.section))],
    tags: [...new Set(present.flatMap((l) => l.tags.map((t) => t.slug)))],
    authors: [...new Set(present.flatMap((l) => l.authors.map((a) => a.slug)))],
  };
}

/** The fields an editor edits, as the form holds them (tags as one comma list, bylines in order). */
export interface ArticleFields {
  title: string;
  summary: string;
  slug: string;
  sectionId: number;
  tags: string;
  authorIds: number[];
  body: string;
  imageId: number | null;
  imageAlt: string;
  imageCaption: string;
  imageCredit: string;
  commentsOpen: boolean;
  correction: string;
}

export function articleFields(row: Article, links: Pick<ArticleLinks, 'tags' | 'authors'>): ArticleFields {
  return {
    title: row.title,
    summary: row.summary,
    slug: row.slug,
    sectionId: row.sectionId,
    tags: links.tags.map((t) => t.name).join(', '),
    authorIds: links.authors.map((a) => a.id),
    body: row.body,
    imageId: row.imageId,
    imageAlt: row.imageAlt,
    imageCaption: row.imageCaption,
    imageCredit: row.imageCredit,
    commentsOpen: row.commentsOpen,
    correction: row.correction,
  };
}
