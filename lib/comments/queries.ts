import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import { articles, comments } from '@/db/schema';
import { articleTag } from '@/lib/articles/cache-tags';
import { keyFor } from '@/lib/security/secret';
import { readPendingIds } from './pending-list';
import { createFormStamp, MAX_THREAD_DEPTH } from './rules';

// Public reads of comments. They select only what a reader may see: never the email, the IP
// hash or the user agent.

export const COMMENTS_PAGE_SIZE = 50;

export interface PublicComment {
  id: number;
  parentId: number | null;
  depth: number;
  authorName: string;
  authorUrl: string | null;
  body: string;
  createdAt: string;
  isStaff: boolean;
}

const publicColumns = {
  id: comments.id,
  parentId: comments.parentId,
  depth: comments.depth,
  authorName: comments.authorName,
  authorUrl: comments.authorUrl,
  body: comments.body,
  createdAt: comments.createdAt,
  isStaff: comments.isStaff,
};

type Row = Omit<PublicComment, 'createdAt'> & { createdAt: Date };
const toPublic = (r: Row): PublicComment => ({ ...r, createdAt: r.createdAt.toISOString() });

export interface CommentThreadPage {
  /** Comments in thread order (each followed by its replies), oldest first at each level. */
  comments: PublicComment[];
  total: number;
  page: number;
  pageCount: number;
}

/** Approved comments of one article, `COMMENTS_PAGE_SIZE` top-level threads a page. */
export const listApprovedComments = async ({ slug, page }: { slug: string; page: number }): Promise<CommentThreadPage | null> =>
  unstable_cache(
    async (): Promise<CommentThreadPage | null> => {
      const rows = getDb()
        .select(publicColumns)
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(and(eq(articles.slug, slug), eq(comments.status, 'approved')))
        .orderBy(asc(comments.createdAt), asc(comments.id))
        .all()
        .map(toPublic);
      const ids = new Set(rows.map((r) => r.id));
      const children = new Map<number, PublicComment[]>();
      const roots: PublicComment[] = [];
      for (const r of rows) {
        // A reply whose parent is not public (pending, spam, deleted) is shown at the top level.
        if (r.parentId !== null && ids.has(r.parentId)) {
          const list = children.get(r.parentId) ?? [];
          list.push(r);
          children.set(r.parentId, list);
        } else roots.push({ ...r, depth: 1, parentId: null });
      }
      const pageCount = Math.max(1, Math.ceil(roots.length / COMMENTS_PAGE_SIZE));
      if (page > pageCount) return null;
      const ordered: PublicComment[] = [];
      const walk = (c: PublicComment, depth: number) => {
        ordered.push({ ...c, depth });
        for (const child of children.get(c.id) ?? []) walk(child, Math.min(depth + 1, MAX_THREAD_DEPTH));
      };
      roots.slice((page - 1) * COMMENTS_PAGE_SIZE, page * COMMENTS_PAGE_SIZE).forEach((c) => walk(c, 1));
      return { comments: ordered, total: rows.length, page, pageCount };
    },
    ['listApprovedComments', slug, String(page)],
    { tags: [articleTag(slug)] },
  )();

/** A signed "form shown at" stamp for a comment form being rendered. */
export const newCommentFormStamp = () => createFormStamp(keyFor('form-stamps'));

/** The commenter's own comments still awaiting moderation, from the signed list their browser keeps. */
export function listMyPendingComments({ slug, token }: { slug: string; token: string | null }): PublicComment[] {
  const ids = readPendingIds(keyFor('credentials'), token);
  if (ids.length === 0) return [];
  return getDb()
    .select(publicColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(articles.slug, slug), inArray(comments.id, ids), eq(comments.status, 'pending')))
    .orderBy(asc(comments.createdAt))
    .all()
    .map(toPublic);
}

/** One approved comment of an article (the one a reader replies to). */
export function getApprovedComment({ slug, id }: { slug: string; id: number }): PublicComment | null {
  const row = getDb()
    .select(publicColumns)
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(articles.slug, slug), eq(comments.id, id), eq(comments.status, 'approved')))
    .get();
  return row ? toPublic(row) : null;
}
