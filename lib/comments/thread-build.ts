import 'server-only';
import { formatDateTime } from '@/lib/site/dates';
import { MAX_THREAD_DEPTH, type PublicCommentRow, type ThreadComment, type ThreadPage } from './thread';

// Building the thread readers see, on the server: the dates are formatted here, in the newsroom's
// zone (lib/env.ts), which the browser's copy of thread.ts must not import.

export function toThreadComment({ id, authorName, authorUrl, body, createdAt, isStaff, erasedAt }: PublicCommentRow): ThreadComment {
  const iso = createdAt.toISOString();
  const comment: ThreadComment = {
    id,
    authorName,
    authorUrl,
    body,
    createdAt: iso,
    createdText: formatDateTime(iso, true),
    isStaff,
    replies: [],
  };
  if (erasedAt) comment.removed = true;
  return comment;
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
