import 'server-only';
import { and, eq, lte } from 'drizzle-orm';
import { getDb } from '@/db';
import { articleAuthors, articles, articleTags, authors, sections, tags } from '@/db/schema';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { newsroomNow } from '@/lib/site/clock';
import { logStaffAction } from '@/lib/staff/log';
import { tagsForArticleChange } from './cache-tags';

/**
 * Publishes every scheduled article whose time has come. Run by the background sweep of every
 * server process (lib/jobs/background.ts), at start and every MAIL_SWEEP_MS. The status change is
 * one conditional UPDATE in an immediate transaction, so when two processes run it at once, one
 * publishes each article and the other finds nothing left to do.
 */
export function publishDueArticles(now: Date = newsroomNow()): { slug: string; title: string }[] {
  const db = getDb();
  const published = db.transaction(
    (tx) => {
      const due = tx
        .update(articles)
        .set({ status: 'published', updatedAt: now, updatedBy: 'the schedule' })
        .where(and(eq(articles.status, 'scheduled'), lte(articles.publishedAt, now)))
        .returning({
          id: articles.id,
          slug: articles.slug,
          title: articles.title,
          sectionId: articles.sectionId,
          version: articles.version,
        })
        .all();
      return due.map((a) => {
        logStaffAction(tx, {
          actor: 'schedule',
          action: 'article-publish',
          detail: `${a.title} (/articles/${a.slug}, version ${a.version}), as scheduled`,
          at: now,
        });
        return {
          ...a,
          section: tx.select({ slug: sections.slug }).from(sections).where(eq(sections.id, a.sectionId)).get()?.slug,
          tags: tx
            .select({ slug: tags.slug })
            .from(articleTags)
            .innerJoin(tags, eq(tags.id, articleTags.tagId))
            .where(eq(articleTags.articleId, a.id))
            .all()
            .map((t) => t.slug),
          authors: tx
            .select({ slug: authors.slug })
            .from(articleAuthors)
            .innerJoin(authors, eq(authors.id, articleAuthors.authorId))
            .where(eq(articleAuthors.articleId, a.id))
            .all()
            .map((t) => t.slug),
        };
      });
    },
    { behavior: 'immediate' },
  );
  if (published.length > 0) {
    invalidateCacheTags(
      tagsForArticleChange({
        slugs: published.map((a) => a.slug),
        sections: published.flatMap((a) => (a.section ? [a.section] : [])),
        tags: published.flatMap((a) => a.tags),
        authors: published.flatMap((a) => a.authors),
      }),
    );
  }
  return published.map(({ slug, title }) => ({ slug, title }));
}
