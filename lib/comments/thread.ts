import { formatDateTime } from '@/lib/site/dates';

// The one shape of a comment as readers see it: in the approved thread, in the reader's own
// preview of what awaits moderation, and on the reply page. Built once, on the server, from the
// public columns only (never an email, an IP hash or a user agent); the browser renders it as is.

/** Threads go three levels deep; a reply to a level-3 comment joins level 3 beside it. */
export const MAX_THREAD_DEPTH = 3;

/** Where a reply to `parent` is stored: its parent and depth. */
export function replyPlacement(parent: { id: number; parentId: number | null; depth: number }): { parentId: number; depth: number } {
  if (parent.depth < MAX_THREAD_DEPTH) return { parentId: parent.id, depth: parent.depth + 1 };
  return parent.parentId ? { parentId: parent.parentId, depth: MAX_THREAD_DEPTH } : { parentId: parent.id, depth: 2 };
}

export interface ThreadComment {
  id: number;
  authorName: string;
  authorUrl: string | null;
  body: string;
  /** ISO time. */
  createdAt: string;
  /**
   * The date as shown, formatted on the server: Intl's output depends on the engine's ICU data, so
   * a browser formatting it again could produce other text and a hydration mismatch.
   */
  createdText: string;
  isStaff: boolean;
  /** Replies, oldest first, nested as a screen reader should hear them. */
  replies: ThreadComment[];
}

/** A reader's own comment awaiting moderation, with the comment it answers (null at the top). */
export interface PendingComment extends ThreadComment {
  parentId: number | null;
}

/** A row of the public columns. */
export interface PublicCommentRow {
  id: number;
  parentId: number | null;
  authorName: string;
  authorUrl: string | null;
  body: string;
  createdAt: Date;
  isStaff: boolean;
}

export function toThreadComment({ id, authorName, authorUrl, body, createdAt, isStaff }: PublicCommentRow): ThreadComment {
  const iso = createdAt.toISOString();
  return { id, authorName, authorUrl, body, createdAt: iso, createdText: formatDateTime(iso, true), isStaff, replies: [] };
}

export interface ThreadPage {
  /** Top-level comments of this page, each with its replies. */
  comments: ThreadComment[];
  /** Approved comments on the article, on every page. */
  total: number;
  page: number;
  pageCount: number;
}

/**
 * One page of an article's approved thread, `pageSize` top-level comments a page, from its
 * approved rows oldest first. A reply whose parent is not public (pending, spam, deleted) is shown
 * at the top level; below the deepest level, replies sit beside their parent.
 */
export function buildThread(rows: PublicCommentRow[], page: number, pageSize: number): ThreadPage | null {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<number, PublicCommentRow[]>();
  const roots: PublicCommentRow[] = [];
  for (const r of rows) {
    if (r.parentId !== null && ids.has(r.parentId)) children.set(r.parentId, [...(children.get(r.parentId) ?? []), r]);
    else roots.push(r);
  }
  const pageCount = Math.max(1, Math.ceil(roots.length / pageSize));
  if (page > pageCount) return null;
  const place = (list: ThreadComment[], row: PublicCommentRow, depth: number) => {
    const comment = toThreadComment(row);
    list.push(comment);
    for (const child of children.get(row.id) ?? []) {
      if (depth < MAX_THREAD_DEPTH) place(comment.replies, child, depth + 1);
      else place(list, child, depth);
    }
  };
  const comments: ThreadComment[] = [];
  for (const root of roots.slice((page - 1) * pageSize, page * pageSize)) place(comments, root, 1);
  return { comments, total: rows.length, page, pageCount };
}

/** The ids of every comment of a page of the thread, replies included. */
export function idsIn(comments: ThreadComment[]): Set<number> {
  const out = new Set<number>();
  const walk = (list: ThreadComment[]) => list.forEach((c) => (out.add(c.id), walk(c.replies)));
  walk(comments);
  return out;
}
