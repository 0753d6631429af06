import 'server-only';
import { createElement } from 'react';
import { and, count, desc, eq, gt, max } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, comments, emailOutbox } from '@/db/schema';
import CommentsDigest, { commentsDigestSubject } from '@/emails/comments-digest';
import { brand, enqueueEmail, renderEmail } from '@/lib/mail';
import { absoluteUrl } from '@/lib/site/urls';

export const DIGEST_INTERVAL_MS = 10 * 60 * 1000;
const DIGEST_KIND = 'comments_digest';
const LISTED = 20;

/**
 * Emails each moderator a list of pending comments: at most one email every 10 minutes, and only
 * when a comment has arrived since the last one. Run by the background sweep in every process;
 * the check and the enqueue share one IMMEDIATE transaction, so two processes never both send.
 */
export async function sendCommentsDigestIfDue({ recipients, now = new Date() }: { recipients: string[]; now?: Date }): Promise<number> {
  if (recipients.length === 0) return 0;
  const db = getDb();
  const lastDigest =
    db
      .select({ at: max(emailOutbox.createdAt) })
      .from(emailOutbox)
      .where(eq(emailOutbox.kind, DIGEST_KIND))
      .get()?.at ?? null;
  if (lastDigest && now.getTime() - lastDigest.getTime() < DIGEST_INTERVAL_MS) return 0;
  const newSince = db
    .select({ n: count() })
    .from(comments)
    .where(and(eq(comments.status, 'pending'), lastDigest ? gt(comments.createdAt, lastDigest) : undefined))
    .get()?.n;
  if (!newSince) return 0;

  const pendingCount = db.select({ n: count() }).from(comments).where(eq(comments.status, 'pending')).get()?.n ?? 0;
  const listed = db
    .select({ id: comments.id, authorName: comments.authorName, body: comments.body, articleTitle: articles.title })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(eq(comments.status, 'pending'))
    .orderBy(desc(comments.createdAt))
    .limit(LISTED)
    .all();
  const moderateUrl = absoluteUrl('/admin/comments?status=pending');
  const props = {
    brand: brand(),
    moderateUrl,
    pendingCount,
    comments: listed.map((c) => ({
      articleTitle: c.articleTitle,
      authorName: c.authorName,
      excerpt: c.body.length > 200 ? `${c.body.slice(0, 200)}…` : c.body,
      url: moderateUrl,
    })),
  };
  const email = await renderEmail(commentsDigestSubject(props), createElement(CommentsDigest, props));

  return db.transaction(
    (tx) => {
      // Re-check inside the write lock: another process may have sent it meanwhile.
      const latest =
        tx
          .select({ at: max(emailOutbox.createdAt) })
          .from(emailOutbox)
          .where(eq(emailOutbox.kind, DIGEST_KIND))
          .get()?.at ?? null;
      if (latest && now.getTime() - latest.getTime() < DIGEST_INTERVAL_MS) return 0;
      for (const to of recipients) enqueueEmail(tx, { kind: DIGEST_KIND, to, ...email });
      return recipients.length;
    },
    { behavior: 'immediate' },
  );
}
