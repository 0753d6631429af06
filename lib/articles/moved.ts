import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, slugRedirects } from '@/db/schema';

/**
 * What an article address that has no live article means: the article was taken down (410 Gone),
 * or its slug changed (308 to the new address). Read by proxy.ts, only for requests that reach Next
 * (a cached page is answered before it), so a live article's page costs no extra query.
 */
export function findMovedArticle(slug: string): { kind: 'gone' } | { kind: 'moved'; slug: string } | null {
  const db = getDb();
  const article = db.select({ status: articles.status }).from(articles).where(eq(articles.slug, slug)).get();
  if (article) return article.status === 'unpublished' ? { kind: 'gone' } : null;
  const moved = db
    .select({ slug: articles.slug, status: articles.status })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(eq(slugRedirects.slug, slug))
    .get();
  if (!moved) return null;
  return moved.status === 'unpublished' ? { kind: 'gone' } : { kind: 'moved', slug: moved.slug };
}
