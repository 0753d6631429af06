import 'server-only';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db';
import { articles, blocklist, comments, type CommentStatus } from '@/db/schema';
import { erasedBlockValue } from '@/lib/privacy/suppression';
import { isLive } from '@/lib/articles/queries';
import type { ClientKeys } from '@/lib/security/client';
import { clientLimits, describeWait, retryAfterMs, takeRateLimits } from '@/lib/security/rate-limit';
import { checkFormStamp, countLinks, findBlockedWords, FLOOD_WINDOW_MS, MAX_LINKS, type CommentInput } from './rules';
import { TRUST_ACTOR, trustStanding } from './commenters';
import { recordReplyNotifications } from './notifications';
import { replyPlacement } from './thread';

/** The flood answer with the wait in it: "Please wait 12 seconds, then post it again." */
export function floodMessage(retryAfterMs: number | undefined): string {
  return retryAfterMs
    ? `You are posting comments too quickly. Please wait ${describeWait(retryAfterMs)}, then post it again.`
    : COMMENT_MESSAGES.flood;
}

/** What a commenter is told once their comment is stored (it waits for a moderator). */
export const COMMENT_RECEIVED = 'Thank you. Your comment is awaiting moderation.';
/** What a trusted commenter is told: their comment is on the article. */
export const COMMENT_PUBLISHED = 'Thank you. Your comment is published.';

export const COMMENT_MESSAGES = {
  flood: 'You are posting comments too quickly. Please wait a moment.',
  expired: 'This form was open for more than a day. Please post your comment again.',
  noArticle: 'This article cannot be found, so comments cannot be posted to it.',
  closed: 'Comments are closed on this article.',
  noParent: 'The comment you are replying to is no longer available.',
} as const;

/** Per client address (an IPv6 /64): one comment in FLOOD_WINDOW_MS, and at most HOURLY_LIMIT an hour. */
export const HOURLY_LIMIT = 30;

/**
 * `id` is null for a post this client address already made (the same text on the same article):
 * it is answered as a success and stored once.
 */
export type SubmitOutcome =
  | { ok: true; id: number | null; status: CommentStatus; articleSlug: string }
  | { ok: false; reason: keyof typeof COMMENT_MESSAGES; retryAfterMs?: number };

export interface SubmitRequest extends ClientKeys {
  articleSlug: string;
  input: CommentInput;
  stamp: string | null;
  userAgent: string | null;
  /** The key the form stamp was signed with. */
  stampKey: string;
  /** The address this browser's credential proves, if it holds one (lib/comments/commenters.ts). */
  provenEmail?: string | null;
  now?: Date;
}

const p = (name: string) => sql.placeholder(name);

/**
 * The statements a comment needs, prepared once per connection: building and preparing them for
 * every comment costs more CPU than running them (bench/README.md, comment writes).
 * Drizzle converts placeholder values through the column in inserts but binds them as given in
 * conditions, so the conditions take times as the stored milliseconds.
 */
function prepareStatements(db: Db) {
  return {
    article: db
      .select({ id: articles.id, slug: articles.slug, commentsOpen: articles.commentsOpen })
      .from(articles)
      .where(and(eq(articles.slug, p('slug')), isLive(p('now'))))
      .prepare(),
    parent: db
      .select({ id: comments.id, parentId: comments.parentId, depth: comments.depth })
      .from(comments)
      .where(and(eq(comments.id, p('id')), eq(comments.articleId, p('articleId')), eq(comments.status, 'approved')))
      .prepare(),
    // Decided by what this client address sent, never by the email typed: an answer that depended
    // on whether an address had posted a text would tell anyone who wrote it.
    duplicate: db
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.articleId, p('articleId')), eq(comments.ipHash, p('ipHash')), eq(comments.body, p('body'))))
      .prepare(),
    blocks: db
      .select({ kind: blocklist.kind, value: blocklist.value })
      .from(blocklist)
      .where(
        or(
          and(eq(blocklist.kind, 'email'), or(eq(blocklist.value, p('email')), eq(blocklist.value, p('erasedEmail')))),
          and(eq(blocklist.kind, 'ip'), eq(blocklist.value, p('ipHash'))),
          inArray(blocklist.kind, ['word']),
        ),
      )
      .prepare(),
    insert: db
      .insert(comments)
      .values({
        articleId: p('articleId'),
        parentId: p('parentId'),
        depth: p('depth'),
        authorName: p('authorName'),
        authorEmail: p('authorEmail'),
        authorUrl: p('authorUrl'),
        body: p('body'),
        status: p('status'),
        heldReasons: p('heldReasons'),
        ipHash: p('ipHash'),
        userAgent: p('userAgent'),
        notifyReplies: p('notifyReplies'),
        proven: p('proven'),
        createdAt: p('createdAt'),
        updatedAt: p('createdAt'),
      })
      .returning({ id: comments.id })
      .prepare(),
  };
}

const prepared = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

function statementsFor(db: Db) {
  let statements = prepared.get(db);
  if (!statements) prepared.set(db, (statements = prepareStatements(db)));
  return statements;
}

/**
 * Stores a reader's comment after every rule that needs the database. Runs in one IMMEDIATE
 * transaction, so the flood and duplicate checks see every earlier attempt, even from another
 * server process. Every comment is pending unless a rule says spam. Every post that reaches the
 * limits counts towards them, duplicates included.
 */
export function storeComment(req: SubmitRequest): SubmitOutcome {
  const now = req.now ?? new Date();
  const { input } = req;
  const stamp = checkFormStamp(req.stampKey, req.stamp, now.getTime());
  if (!stamp.ok && stamp.verdict === 'expired') return { ok: false, reason: 'expired' };

  const db = getDb();
  const q = statementsFor(db);
  // The prepared statements run on the connection, which is the transaction's connection too.
  return db.transaction(
    (tx): SubmitOutcome => {
      const article = q.article.get({ slug: req.articleSlug, now: now.getTime() });
      if (!article) return { ok: false, reason: 'noArticle' };
      if (!article.commentsOpen) return { ok: false, reason: 'closed' };

      let placement: { parentId: number | null; depth: number } = { parentId: null, depth: 1 };
      if (input.parentId !== undefined) {
        const parent = q.parent.get({ id: input.parentId, articleId: article.id });
        if (!parent) return { ok: false, reason: 'noParent' };
        placement = replyPlacement(parent);
      }

      const limits = [
        ...clientLimits(req, { bucket: 'comment-ip', limit: 1, windowMs: FLOOD_WINDOW_MS }),
        ...clientLimits(req, { bucket: 'comment-ip-hour', limit: HOURLY_LIMIT, windowMs: 60 * 60 * 1000 }),
      ];
      // A second click or a reload that posts again: the same answer as the first time, stored once.
      if (q.duplicate.get({ articleId: article.id, ipHash: req.ipHash, body: input.body })) {
        takeRateLimits(tx, limits, now.getTime());
        return { ok: true, id: null, status: 'pending', articleSlug: article.slug };
      }
      if (!takeRateLimits(tx, limits, now.getTime()))
        return { ok: false, reason: 'flood', retryAfterMs: retryAfterMs(limits, now.getTime()) };

      // An address erased at its owner's request stays blocked by its hash (lib/privacy/erase.ts).
      const blocks = q.blocks.all({ email: input.email, erasedEmail: erasedBlockValue(input.email), ipHash: req.ipHash });
      let status: CommentStatus = 'pending';
      const reasons: string[] = [];
      if (blocks.some((b) => b.kind === 'email')) reasons.push('blocked email address');
      if (blocks.some((b) => b.kind === 'ip')) reasons.push('blocked IP address');
      if (reasons.length > 0) status = 'spam';
      if (!stamp.ok && stamp.verdict === 'spam') {
        status = 'spam';
        reasons.push(stamp.reason);
      }
      const words = findBlockedWords(
        `${input.name} ${input.website ?? ''} ${input.body}`,
        blocks.filter((b) => b.kind === 'word').map((b) => b.value),
      );
      if (words.length > 0) reasons.push(`blocked ${words.length === 1 ? 'word' : 'words'}: ${words.join(', ')}`);
      const links = countLinks(input.body);
      if (links > MAX_LINKS) reasons.push(`${links} links`);
      // Trust publishes at once only what every rule let through, from the browser that proved the
      // address (knowing the address is not enough).
      const published =
        status === 'pending' &&
        reasons.length === 0 &&
        stamp.ok &&
        req.provenEmail === input.email &&
        trustStanding(tx, input.email, now).trusted;
      if (published) status = 'approved';

      const row = q.insert.get({
        articleId: article.id,
        ...placement,
        authorName: input.name,
        authorEmail: input.email,
        authorUrl: input.website ?? null,
        body: input.body,
        status,
        heldReasons: reasons,
        ipHash: req.ipHash,
        userAgent: req.userAgent,
        notifyReplies: input.notify,
        proven: req.provenEmail === input.email,
        createdAt: now,
      });
      if (!row) throw new Error('the comment insert returned no row');
      if (published) {
        // Not in the prepared insert: its placeholders go through the columns, and a null time does not.
        tx.update(comments).set({ moderatedAt: now, moderatedBy: TRUST_ACTOR }).where(eq(comments.id, row.id)).run();
        recordReplyNotifications(tx, [row.id], now);
      }
      return { ok: true, id: row.id, status, articleSlug: article.slug };
    },
    { behavior: 'immediate' },
  );
}
