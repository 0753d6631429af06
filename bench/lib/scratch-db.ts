import { and, count, desc, eq, lte, sql } from 'drizzle-orm';
import { articles, comments, type StaffRole } from '../../db/schema';
import type { SiteDb } from '../../test/support/site-db';
import { addStaffMember, createSession, sessionCookie } from '../../test/support/site-data';

// Reads and rows the suites need on a suite's scratch database (opened with openSiteDb from
// test/support/site-db.ts). Never the site's own database: suites only get paths under bench/.tmp/.

export interface LiveArticle {
  id: number;
  slug: string;
  publishedAt: Date;
  approvedComments: number;
}

/** Published articles open for comments, newest first, with their approved comment counts. */
export function openArticles(db: SiteDb): LiveArticle[] {
  const approved = db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.articleId, articles.id), eq(comments.status, 'approved')));
  return db
    .select({ id: articles.id, slug: articles.slug, publishedAt: articles.publishedAt, approvedComments: sql<number>`(${approved})` })
    .from(articles)
    .where(and(eq(articles.status, 'published'), lte(articles.publishedAt, new Date()), eq(articles.commentsOpen, true)))
    .orderBy(desc(articles.publishedAt), desc(articles.id))
    .all()
    .map((a) => ({ ...a, publishedAt: a.publishedAt! }));
}

/** A staff user with a database session, as Auth.js stores it after a magic-link sign-in. */
export function insertStaffSession(db: SiteDb, { role = 'moderator', hours = 12 }: { role?: StaffRole; hours?: number } = {}) {
  const email = `bench-${role}-${process.pid}-${Date.now()}@example.com`;
  const userId = addStaffMember(db, email, role, { name: 'Bench Moderator' });
  const token = createSession(db, userId, { expiresInMs: hours * 3_600_000 });
  return { userId, email, token, cookie: sessionCookie(token) };
}
