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

// ---- A long thread: the comments suite's page with comments, and the Lighthouse suite's article ----

/** The size of a busy article's thread. */
export const THREAD_SIZE = 50;

const NAMES = [
  'Ruth Calloway',
  'Dev Malhotra',
  'Anna Kowalska',
  'Tom Baptiste',
  'Mei Lin',
  'Owen Price',
  'Sara Haddad',
  'Jonas Berg',
  'Aisha Bello',
  'Liam Walsh',
];
const SENTENCES = [
  'The procurement notice says the contract runs for four years, but the budget line only covers two.',
  'Anyone who has worked a council front desk knows the paper fallback was never tested at this scale.',
  'I would like to see the recovery plan published, even in redacted form.',
  'This matches what we saw in our district: the suppliers were the last to be told.',
  'Restoring billing is the easy part; rebuilding trust in the data will take much longer.',
  'How many of the affected systems were on the risk register before the attack?',
  'The audit office flagged the same weakness in 2023 and nothing changed.',
  'Good reporting. The timeline in the third paragraph is the clearest account I have read.',
];

/** A reader's comment of a few sentences, sometimes two paragraphs or a link, like the real ones. */
export function commentBody(i: number): string {
  const sentences = Array.from({ length: 2 + (i % 5) }, (_, k) => SENTENCES[(i * 3 + k) % SENTENCES.length]);
  const body = sentences.join(' ');
  if (i % 4 === 0) return `${body}\n\nhttps://example.org/reports/${i}`;
  if (i % 3 === 0 && sentences.length > 2) return `${sentences.slice(0, 2).join(' ')}\n\n${sentences.slice(2).join(' ')}`;
  return body;
}

/** THREAD_SIZE approved comments on one article: 35 threads, 15 replies (some at depth 3), oldest first. */
export function insertApprovedThread(db: SiteDb, articleId: number, publishedAt: Date): void {
  db.transaction((tx) => {
    const placed: { id: number; depth: number }[] = [];
    for (let i = 0; i < THREAD_SIZE; i++) {
      // Every third comment after the first few replies to an earlier one.
      const parent = i >= 5 && i % 3 === 2 ? placed[(i * 7) % placed.length] : undefined;
      const depth = parent ? Math.min(parent.depth + 1, 3) : 1;
      const at = publishedAt.getTime() + (i + 1) * 11 * 60_000;
      const { id } = tx
        .insert(comments)
        .values({
          articleId,
          parentId: parent?.id ?? null,
          depth,
          authorName: NAMES[i % NAMES.length]!,
          authorEmail: `reader${i}@example.com`,
          authorUrl: i % 4 === 1 ? `https://example.org/~reader${i}` : null,
          body: commentBody(i),
          status: 'approved',
          heldReasons: [],
          ipHash: `bench-ip-${i % 17}`,
          userAgent: 'ledger-bench',
          isStaff: false,
          createdAt: new Date(at),
          updatedAt: new Date(at),
          moderatedAt: new Date(at + 60_000),
          moderatedBy: 'bench',
        })
        .returning({ id: comments.id })
        .get();
      placed.push({ id, depth });
    }
  });
}
