import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, slugRedirects } from '@/db/schema';
import { isLive } from './queries';

/**
 * What an article address that has no live article means: the article was taken down (410 Gone),
 * or its slug changed (308 to the new address). Read by proxy.ts, only for requests that reach Next
 * (a cached page is answered before it), so a live article's page costs no extra query.
 *
 * An old address redirects only to a live article: while the article is unpublished, scheduled or
 * back in draft, its old address answers 410 and says nothing of its new slug, which may be
 * embargoed.
 */
export function findMovedArticle(slug: string): { kind: 'gone' } | { kind: 'moved'; slug: string } | null {
  const db = getDb();
  const article = db.select({ status: articles.status }).from(articles).where(eq(articles.slug, slug)).get();
  if (article) return article.status === 'unpublished' ? { kind: 'gone' } : null;
  const target = db
    .select({ slug: articles.slug, live: sql<number>`${isLive()}` })
    .from(slugRedirects)
    .innerJoin(articles, eq(articles.id, slugRedirects.articleId))
    .where(eq(slugRedirects.slug, slug))
    .get();
  if (!target) return null;
  return target.live ? { kind: 'moved', slug: target.slug } : { kind: 'gone' };
}
