import 'server-only';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { articleAuthors, articles, articleTags, authors, sections, tags } from '@/db/schema';

// What an article is filed under: its section, tags and bylines. The editor reads them, and every
// change to a public article invalidates the pages that list them (cache-tags.ts).

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
