import { count } from 'drizzle-orm';
import { getDb } from './index';
import { articleAuthors, articles, articleTags, authors, sections, comments, tags } from './schema';
import { seedArticles, seedAuthors, seedSections } from './seed-content';
import { seedComments } from './seed-content/comments';

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60 * 1000;

export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// A stable offset (30 min to 10 h) from the slug, so dates are the same on every run for a given anchor.
function minutesOffset(slug: string): number {
  let h = 0;
  for (const ch of slug) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 30 + (h % 570);
}

/**
 * Fills an empty database with the demo publication. Does nothing when any section exists, so a
 * real newsroom's data is never touched. Dates are relative to `anchor` (the minute of seeding).
 */
export function seedDatabaseIfEmpty(anchor: Date = new Date()): { seeded: boolean; articles: number } {
  const db = getDb();
  const anchorMs = Math.floor(anchor.getTime() / MINUTE) * MINUTE;
  return db.transaction(
    (tx) => {
      const existing = tx.select({ n: count() }).from(sections).get();
      if ((existing?.n ?? 0) > 0) return { seeded: false, articles: 0 };

      const sectionIds = new Map<string, number>();
      seedSections.forEach((s, position) => {
        const row = tx
          .insert(sections)
          .values({ slug: s.slug, name: s.name, description: s.description, position })
          .returning({ id: sections.id })
          .get();
        sectionIds.set(s.slug, row.id);
      });

      const authorIds = new Map<string, number>();
      for (const a of seedAuthors) {
        const row = tx.insert(authors).values({ slug: a.slug, name: a.name, role: a.role, bio: a.bio }).returning({ id: authors.id }).get();
        authorIds.set(a.slug, row.id);
      }

      const tagIds = new Map<string, number>();
      const tagNames = [...new Set(seedArticles.flatMap((a) => a.tags))].sort();
      for (const name of tagNames) {
        const row = tx
          .insert(tags)
          .values({ slug: slugify(name), name })
          .returning({ id: tags.id })
          .get();
        tagIds.set(name, row.id);
      }

      const articleRows = new Map<string, { id: number; publishedAt: number }>();
      // Oldest first, so ids follow publication order.
      const ordered = [...seedArticles].sort((a, b) => b.daysAgo - a.daysAgo || a.slug.localeCompare(b.slug));
      for (const a of ordered) {
        const publishedAt = new Date(anchorMs - a.daysAgo * DAY - minutesOffset(a.slug) * MINUTE);
        const revisedAt =
          a.updatedDaysAgo === undefined
            ? null
            : new Date(Math.max(publishedAt.getTime() + 60 * MINUTE, anchorMs - a.updatedDaysAgo * DAY - 45 * MINUTE));
        const isDraft = a.status === 'draft';
        const row = tx
          .insert(articles)
          .values({
            slug: a.slug,
            title: a.title,
            summary: a.summary,
            body: a.body.trim(),
            status: isDraft ? 'draft' : 'published',
            authorId: authorIds.get(a.author)!,
            sectionId: sectionIds.get(a.section)!,
            commentsOpen: a.commentsOpen ?? true,
            publishedAt: isDraft ? null : publishedAt,
            revisedAt: isDraft ? null : revisedAt,
            createdAt: publishedAt,
            updatedAt: revisedAt ?? publishedAt,
          })
          .returning({ id: articles.id })
          .get();
        articleRows.set(a.slug, { id: row.id, publishedAt: publishedAt.getTime() });
        tx.insert(articleAuthors)
          .values({ articleId: row.id, authorId: authorIds.get(a.author)!, position: 0 })
          .run();
        for (const name of new Set(a.tags)) {
          tx.insert(articleTags)
            .values({ articleId: row.id, tagId: tagIds.get(name)! })
            .run();
        }
      }
      const commentIds = new Map<string, { id: number; depth: number }>();
      for (const c of seedComments) {
        const article = articleRows.get(c.article);
        if (!article) throw new Error(`seed comment ${c.key} names an unknown article ${c.article}`);
        const parent = c.replyTo ? commentIds.get(c.replyTo) : undefined;
        const at = new Date(Math.min(article.publishedAt + c.hoursAfter * 60 * MINUTE, anchorMs - MINUTE));
        const row = tx
          .insert(comments)
          .values({
            articleId: article.id,
            parentId: parent?.id ?? null,
            depth: parent ? Math.min(parent.depth + 1, 3) : 1,
            authorName: c.name,
            authorEmail: c.email,
            authorUrl: c.website ?? null,
            body: c.body,
            status: 'approved',
            createdAt: at,
            updatedAt: at,
            moderatedAt: at,
            moderatedBy: 'seed',
          })
          .returning({ id: comments.id, depth: comments.depth })
          .get();
        commentIds.set(c.key, row);
      }
      return { seeded: true, articles: ordered.length };
    },
    { behavior: 'immediate' },
  );
}
