import 'server-only';
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db';
import { articles, comments } from '@/db/schema';
import { articleTag } from '@/lib/articles/cache-tags';
import { isPageNumber } from '@/lib/articles/pagination';
import { isLive } from '@/lib/articles/queries';
import { isValidSlug } from '@/lib/site/urls';
import { keyFor } from '@/lib/security/secret';
import { readPendingIds } from './pending-list';
import { createFormStamp } from './rules';
import { buildThread, toThreadComment } from './thread-build';
import type { PendingComment, ThreadComment, ThreadPage } from './thread';

// Public reads of comments. They select only what a reader may see: never the email, the IP
// hash or the user agent.

export const COMMENTS_PAGE_SIZE = 50;

const publicColumns = {
  id: comments.id,
  parentId: comments.parentId,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  createdAt: comments.createdAt,
  isStaff: comments.isStaff,
  erasedAt: comments.erasedAt,
};

/** Approved comments of one live article, `COMMENTS_PAGE_SIZE` top-level threads a page. */
export async function listApprovedComments({ slug, page }: { slug: string; page: number }): Promise<ThreadPage | null> {
  'use cache';
  // The pages ask only for a live article's thread; a cached read checks for itself, since Next
  // lets anyone with its id call it (README, "How it works").
  if (!isValidSlug(slug) || !isPageNumber(page)) return null;
  cacheTag(articleTag(slug));
  cacheLife('reader');
  const rows = getDb()
    .select(publicColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(articles.slug, slug), isLive(), eq(comments.status, 'approved')))
    .orderBy(asc(comments.createdAt), asc(comments.id))
    .all();
  return buildThread(rows, page, COMMENTS_PAGE_SIZE);
}

/** A signed "form shown at" stamp for a comment form being rendered. */
export const newCommentFormStamp = () => createFormStamp(keyFor('form-stamps'));

/** The commenter's own comments still awaiting moderation, from the signed list their browser keeps. */
export function listMyPendingComments({ slug, token }: { slug: string; token: string | null }): PendingComment[] {
  const ids = readPendingIds(keyFor('credentials'), token);
  if (ids.length === 0) return [];
  return getDb()
    .select(publicColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(articles.slug, slug), inArray(comments.id, ids), eq(comments.status, 'pending')))
    .orderBy(asc(comments.createdAt))
    .all()
    .map((row) => ({ ...toThreadComment(row), parentId: row.parentId }));
}

/** One approved comment of an article (the one a reader replies to). */
export function getApprovedComment({ slug, id }: { slug: string; id: number }): ThreadComment | null {
  const row = getDb()
    .select(publicColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(articles.slug, slug), eq(comments.id, id), eq(comments.status, 'approved'), isNull(comments.erasedAt)))
    .get();
  return row ? toThreadComment(row) : null;
}
