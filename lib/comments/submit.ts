import 'server-only';
import { and, eq, gt, inArray, lte, or } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, blocklist, comments, type CommentStatus } from '@/db/schema';
import type { CommentInput } from './validation';
import { checkFormStamp, countLinks, findBlockedWords, FLOOD_WINDOW_MS, MAX_LINKS } from './spam';

export const MAX_DEPTH = 3;

export const COMMENT_MESSAGES = {
  flood: 'You are posting comments too quickly. Please wait a moment.',
  duplicate: 'You have already posted this comment.',
  expired: 'This form was open for more than a day. Please post your comment again.',
  noArticle: 'This article cannot be found, so comments cannot be posted to it.',
  closed: 'Comments are closed on this article.',
  noParent: 'The comment you are replying to is no longer available.',
} as const;

export type SubmitOutcome =
  | { ok: true; id: number; status: CommentStatus; articleSlug: string }
  | { ok: false; reason: keyof typeof COMMENT_MESSAGES; field?: 'body' };

export interface SubmitRequest {
  articleSlug: string;
  input: CommentInput;
  stamp: string | null;
  ipHash: string;
  userAgent: string | null;
  secret: string;
  now?: Date;
}

/**
 * Stores a reader's comment after every rule that needs the database. Runs in one IMMEDIATE
 * transaction, so the flood and duplicate checks see every earlier comment, even from another
 * server process. Every comment is pending unless a rule says spam.
 */
export function storeComment(req: SubmitRequest): SubmitOutcome {
  const now = req.now ?? new Date();
  const { input } = req;
  const stamp = checkFormStamp(req.secret, req.stamp, now.getTime());
  if (!stamp.ok && stamp.verdict === 'expired') return { ok: false, reason: 'expired' };

  return getDb().transaction(
    (tx): SubmitOutcome => {
      const article = tx
        .select({ id: articles.id, slug: articles.slug, commentsOpen: articles.commentsOpen })
        .from(articles)
        .where(and(eq(articles.slug, req.articleSlug), eq(articles.status, 'published'), lte(articles.publishedAt, now)))
        .get();
      if (!article) return { ok: false, reason: 'noArticle' };
      if (!article.commentsOpen) return { ok: false, reason: 'closed' };

      let parentId: number | null = null;
      let depth = 1;
      if (input.parentId !== undefined) {
        const parent = tx
          .select({ id: comments.id, parentId: comments.parentId, depth: comments.depth })
          .from(comments)
          .where(and(eq(comments.id, input.parentId), eq(comments.articleId, article.id), eq(comments.status, 'approved')))
          .get();
        if (!parent) return { ok: false, reason: 'noParent' };
        // Threads stop at three levels: a reply to a level-3 comment joins level 3 beside it.
        if (parent.depth >= MAX_DEPTH) {
          parentId = parent.parentId ?? parent.id;
          depth = parent.parentId ? MAX_DEPTH : 2;
        } else {
          parentId = parent.id;
          depth = parent.depth + 1;
        }
      }

      const duplicate = tx
        .select({ id: comments.id })
        .from(comments)
        .where(and(eq(comments.articleId, article.id), eq(comments.authorEmail, input.email), eq(comments.body, input.body)))
        .get();
      if (duplicate) return { ok: false, reason: 'duplicate', field: 'body' };

      const recent = tx
        .select({ id: comments.id })
        .from(comments)
        .where(
          and(
            gt(comments.createdAt, new Date(now.getTime() - FLOOD_WINDOW_MS)),
            or(eq(comments.ipHash, req.ipHash), eq(comments.authorEmail, input.email)),
          ),
        )
        .get();
      if (recent) return { ok: false, reason: 'flood' };

      const blocks = tx
        .select({ kind: blocklist.kind, value: blocklist.value })
        .from(blocklist)
        .where(
          or(
            and(eq(blocklist.kind, 'email'), eq(blocklist.value, input.email)),
            and(eq(blocklist.kind, 'ip'), eq(blocklist.value, req.ipHash)),
            inArray(blocklist.kind, ['word']),
          ),
        )
        .all();

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

      const row = tx
        .insert(comments)
        .values({
          articleId: article.id,
          parentId,
          depth,
          authorName: input.name,
          authorEmail: input.email,
          authorUrl: input.website ?? null,
          body: input.body,
          status,
          heldReasons: reasons,
          ipHash: req.ipHash,
          userAgent: req.userAgent,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: comments.id })
        .get();
      return { ok: true, id: row.id, status, articleSlug: article.slug };
    },
    { behavior: 'immediate' },
  );
}
