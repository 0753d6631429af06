import 'server-only';
import { and, eq, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles } from '@/db/schema';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { newsroomNow } from '@/lib/site/clock';
import { logStaffAction } from '@/lib/staff/log';
import { pagesShowing, readArticleLinks } from './article-links';
import { tagsForArticleChange } from './cache-tags';

/**
 * Publishes every scheduled article whose time has come, as editorial-rules.ts `goLive` says: the
 * first publication is dated at the scheduled time; a republished article keeps its first date and
 * shows as updated then. Run by every server process (lib/jobs/background.ts). The change is one
 * conditional UPDATE in an immediate transaction, so when two processes run it at once, one
 * publishes each article and the other finds nothing left to do. The version moves on, so an
 * editor with the scheduled article open is told it changed rather than overwriting it.
 */
export function publishDueArticles(now: Date = newsroomNow()): { slug: string; title: string }[] {
  const db = getDb();
  const published = db.transaction(
    (tx) => {
      const due = tx
        .update(articles)
        .set({
          status: 'published',
          publishedAt: sql`coalesce(${articles.publishedAt}, ${articles.scheduledAt})`,
          revisedAt: sql`CASE WHEN ${articles.publishedAt} IS NOT NULL THEN ${articles.scheduledAt} ELSE ${articles.revisedAt} END`,
          scheduledAt: null,
          version: sql`${articles.version} + 1`,
          updatedAt: now,
          updatedBy: 'the schedule',
        })
        .where(and(eq(articles.status, 'scheduled'), lte(articles.scheduledAt, now)))
        .returning({ id: articles.id, slug: articles.slug, title: articles.title, version: articles.version })
        .all();
      return due.map((a) => {
        logStaffAction(tx, {
          actor: 'schedule',
          action: 'article-publish',
          detail: `${a.title} (/articles/${a.slug}, version ${a.version}), as scheduled`,
          link: `/admin/articles/${a.id}`,
          at: now,
        });
        return { ...a, links: readArticleLinks(tx, a.id) };
      });
    },
    { behavior: 'immediate' },
  );
  if (published.length > 0) invalidateCacheTags(tagsForArticleChange(pagesShowing(published.map((a) => a.links))));
  return published.map(({ slug, title }) => ({ slug, title }));
}
