// The one shape of a comment as readers see it: in the approved thread, in the reader's own
// preview of what awaits moderation, and on the reply page. Built once, on the server, from the
// public columns only (never an email, an IP hash or a user agent; see thread-build.ts); the
// browser renders it as is. This module is also in the browser's bundle, so it imports nothing.

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
  /** Erased at its author's request but kept for its replies: shown without name or text. */
  removed?: true;
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
  erasedAt?: Date | null;
}

export interface ThreadPage {
  /** Top-level comments of this page, each with its replies. */
  comments: ThreadComment[];
  /** Approved comments on the article, on every page. */
  total: number;
  page: number;
  pageCount: number;
}

/** The ids of every comment of a page of the thread, replies included. */
export function idsIn(comments: ThreadComment[]): Set<number> {
  const out = new Set<number>();
  const walk = (list: ThreadComment[]) => list.forEach((c) => (out.add(c.id), walk(c.replies)));
  walk(comments);
  return out;
}
