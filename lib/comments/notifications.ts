import 'server-only';
import { createElement } from 'react';
import { aliasedTable, and, asc, eq, gte, inArray, isNotNull, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { articles, commenters, comments, replyNotifications } from '@/db/schema';
import ReplyDigest, { replyDigestSubject } from '@/emails/reply-digest';
import ReplyNotification, { replyNotificationSubject, type NotifiedReply } from '@/emails/reply-notification';
import { runAfterResponse } from '@/lib/jobs/after-response';
import { brand, enqueueEmail, kickMailDelivery, renderEmail } from '@/lib/mail';
import { absoluteUrl, articlePath } from '@/lib/site/urls';
import { commenterLinks, commenterLinkPageUrl, oneClickStopUrl, readCommenterLinkToken } from './commenter-links';
import { commenterRef, revokeCredentials } from './commenters';

// Reply notifications: when a reply becomes visible to readers (approved by a moderator, published
// by trust, or written by staff), the author of the comment it answers hears of it, if they asked
// to (the box under the form), proved their address, and have not turned every reply email off.
// Never for their own reply, never twice for one reply (a row per reply, unique), and never more
// than MAX_PER_HOUR emails an hour: past that, what waits goes out as one digest.

export const MAX_PER_HOUR = 3;
const HOUR_MS = 60 * 60 * 1000;
/** How much of a reply an email quotes. */
const QUOTE_CHARS = 1500;

/**
 * Records the notifications the now-visible replies owe, in the caller's transaction. Call with
 * every comment that just became visible; those that are not replies, or whose parent's author
 * did not ask, are passed over. Returns how many were recorded.
 */
export function recordReplyNotifications(tx: DbOrTx, commentIds: number[], now = new Date()): number {
  if (commentIds.length === 0) return 0;
  const parent = aliasedTable(comments, 'parent');
  const owed = tx
    .select({ replyId: comments.id, parentId: parent.id, commenterId: commenters.id })
    .from(comments)
    .innerJoin(parent, eq(parent.id, comments.parentId))
    .innerJoin(commenters, eq(commenters.email, parent.authorEmail))
    .where(
      and(
        inArray(comments.id, commentIds),
        eq(comments.status, 'approved'),
        eq(parent.status, 'approved'),
        eq(parent.notifyReplies, true),
        isNull(parent.erasedAt),
        isNotNull(commenters.provenAt),
        // Anyone can type an address: a request counts if it came from the browser that proved it,
        // or before the address was first proven (the confirmation that request asked for).
        or(eq(parent.proven, true), lte(parent.createdAt, commenters.provenAt)),
        eq(commenters.repliesOff, false),
        ne(comments.authorEmail, parent.authorEmail),
      ),
    )
    .all();
  let recorded = 0;
  for (const row of owed)
    recorded += tx
      .insert(replyNotifications)
      .values({ ...row, createdAt: now })
      .onConflictDoNothing()
      .run().changes;
  return recorded;
}

/** After the response: send what was recorded (and the mail with it). */
export function kickReplyNotifications(): void {
  runAfterResponse('reply notifications', async () => {
    if ((await sendDueReplyNotifications()) > 0) kickMailDelivery();
  });
}

interface Waiting {
  id: number;
  commenterId: number;
  email: string;
  reply: NotifiedReply;
}

function waitingNotifications(db: DbOrTx): Waiting[] {
  const reply = aliasedTable(comments, 'reply');
  const parent = aliasedTable(comments, 'parent');
  return db
    .select({
      id: replyNotifications.id,
      commenterId: commenters.id,
      email: commenters.email,
      replyId: reply.id,
      replyAuthor: reply.authorName,
      replyBody: reply.body,
      replyStatus: reply.status,
      replyErased: reply.erasedAt,
      parentId: parent.id,
      parentStatus: parent.status,
      parentNotify: parent.notifyReplies,
      parentErased: parent.erasedAt,
      repliesOff: commenters.repliesOff,
      parentBody: parent.body,
      articleTitle: articles.title,
      articleSlug: articles.slug,
    })
    .from(replyNotifications)
    .innerJoin(commenters, eq(commenters.id, replyNotifications.commenterId))
    .innerJoin(reply, eq(reply.id, replyNotifications.replyId))
    .innerJoin(parent, eq(parent.id, replyNotifications.parentId))
    .innerJoin(articles, eq(articles.id, reply.articleId))
    .where(isNull(replyNotifications.emailedAt))
    .orderBy(asc(replyNotifications.createdAt), asc(replyNotifications.id))
    .all()
    .map((r) => ({
      id: r.id,
      commenterId: r.commenterId,
      email: r.email,
      // A reply taken down before its email went (unapproved, spam, erased) is not announced, nor
      // one the author stopped hearing about since (one-click stop, the parent gone).
      reply:
        r.replyStatus === 'approved' &&
        !r.replyErased &&
        r.parentStatus === 'approved' &&
        r.parentNotify &&
        !r.parentErased &&
        !r.repliesOff
          ? {
              author: r.replyAuthor,
              text: r.replyBody.length > QUOTE_CHARS ? `${r.replyBody.slice(0, QUOTE_CHARS)}…` : r.replyBody,
              yourText: r.parentBody.slice(0, 200),
              articleTitle: r.articleTitle,
              url: absoluteUrl(`${articlePath(r.articleSlug)}#comment-${r.replyId}`),
              stopThread: commenterLinkPageUrl('thread', r.parentId),
              parentId: r.parentId,
            }
          : null!,
    }));
}

/** Emails sent to the commenter in the last hour (a digest counts once). */
function emailsInLastHour(db: DbOrTx, commenterId: number, now: Date): number {
  return (
    db
      .select({ n: sql<number>`count(distinct ${replyNotifications.outboxId})` })
      .from(replyNotifications)
      .where(and(eq(replyNotifications.commenterId, commenterId), gte(replyNotifications.emailedAt, new Date(now.getTime() - HOUR_MS))))
      .get()?.n ?? 0
  );
}

/**
 * Sends what waits: each reply alone while the commenter has had fewer than MAX_PER_HOUR emails
 * in the hour with these included; otherwise one digest of everything waiting, when the hour has
 * room for one more email. Rows are claimed in the same transaction as the email is queued, so
 * two processes never send one twice. Returns the emails queued.
 */
export async function sendDueReplyNotifications(now = new Date()): Promise<number> {
  const db = getDb();
  const waiting = waitingNotifications(db);
  // Replies taken down since: nothing to announce, ever.
  const dropped = waiting.filter((w) => !w.reply).map((w) => w.id);
  if (dropped.length > 0) db.update(replyNotifications).set({ emailedAt: now }).where(inArray(replyNotifications.id, dropped)).run();

  const byCommenter = new Map<number, Waiting[]>();
  for (const w of waiting.filter((w) => w.reply)) byCommenter.set(w.commenterId, [...(byCommenter.get(w.commenterId) ?? []), w]);
  let queued = 0;
  for (const [commenterId, items] of byCommenter) {
    const sent = emailsInLastHour(db, commenterId, now);
    if (sent >= MAX_PER_HOUR) continue;
    const links = commenterLinks(commenterId);
    const batches = sent + items.length <= MAX_PER_HOUR ? items.map((i) => [i]) : [items];
    for (const batch of batches) {
      const first = batch[0]!;
      const rendered =
        batch.length === 1
          ? await renderEmail(
              replyNotificationSubject({ brand: brand(), reply: first.reply }),
              createElement(ReplyNotification, { brand: brand(), reply: first.reply, links }),
            )
          : await renderEmail(
              replyDigestSubject({ brand: brand(), count: batch.length }),
              createElement(ReplyDigest, { brand: brand(), replies: batch.map((b) => b.reply), links }),
            );
      const ok = db.transaction(
        (tx) => {
          const ids = batch.map((b) => b.id);
          // Another process sent some of these since they were read, or a reply was taken down in
          // the meantime: leave them to the next pass.
          const still = tx
            .select({ id: replyNotifications.id })
            .from(replyNotifications)
            .innerJoin(comments, eq(comments.id, replyNotifications.replyId))
            .where(and(inArray(replyNotifications.id, ids), isNull(replyNotifications.emailedAt), eq(comments.status, 'approved')))
            .all();
          if (still.length !== ids.length) return false;
          const { id: outboxId } = enqueueEmail(tx, {
            kind: batch.length === 1 ? 'comment_reply' : 'comment_reply_digest',
            to: first.email,
            ...rendered,
            // RFC 8058: one click stops the emails about this comment (a digest: about all).
            headers: {
              'List-Unsubscribe': `<${batch.length === 1 ? oneClickStopUrl('thread', first.reply.parentId) : oneClickStopUrl('all', commenterId)}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
            idempotencyKey: batch.length === 1 ? `reply-notification/${first.id}` : `reply-digest/${ids.join('-')}`,
            ref: commenterRef(commenterId),
          });
          tx.update(replyNotifications).set({ emailedAt: now, outboxId }).where(inArray(replyNotifications.id, ids)).run();
          return true;
        },
        { behavior: 'immediate' },
      );
      if (ok) queued++;
    }
  }
  return queued;
}

/** "Stop emails about replies to this comment". */
export function stopThreadNotifications(commentId: number): boolean {
  return getDb().update(comments).set({ notifyReplies: false }).where(eq(comments.id, commentId)).run().changes > 0;
}

/** "Stop every reply email". */
export function stopAllNotifications(commenterId: number): boolean {
  return getDb().update(commenters).set({ repliesOff: true }).where(eq(commenters.id, commenterId)).run().changes > 0;
}

export type StopLinkResult = 'stopped' | 'invalid';

/** A link from a reply email (or its one-click header): stops what it names. */
export function followStopLink(what: unknown, token: unknown): StopLinkResult {
  if (what === 'thread') {
    const commentId = readCommenterLinkToken('thread', token);
    if (commentId === null) return 'invalid';
    stopThreadNotifications(commentId);
    return 'stopped';
  }
  if (what === 'all') {
    const commenterId = readCommenterLinkToken('all', token);
    if (commenterId === null) return 'invalid';
    stopAllNotifications(commenterId);
    return 'stopped';
  }
  return 'invalid';
}

/** "Forget this browser", from any email to a commenter: every browser's credential for the address stops working. */
export function followForgetLink(token: unknown, now = new Date()): StopLinkResult {
  const commenterId = readCommenterLinkToken('forget', token);
  if (commenterId === null) return 'invalid';
  getDb().transaction(
    (tx) => {
      revokeCredentials(tx, commenterId, now);
      // Until the owner confirms again: no browser acts for the address, and no reply is emailed.
      tx.update(commenters).set({ provenAt: null }).where(eq(commenters.id, commenterId)).run();
    },
    { behavior: 'immediate' },
  );
  return 'stopped';
}
