import type { ThreadComment } from '@/lib/comments/thread';
import { CommentBody } from './comment-body';

/**
 * One comment as readers see it: by the approved thread (rendered in the browser's CommentThread
 * and on the server alike), the commenter's own preview and the reply page. Fifty of these make up
 * a page, so the markup is lean: CSS finds the parts by structure (`.comment > header > strong`…).
 */
export function CommentView({
  comment,
  permalinkBase = '',
  note,
  children,
}: {
  comment: Omit<ThreadComment, 'replies'>;
  /** Where the date links to, before `#comment-N`: the same page unless given. */
  permalinkBase?: string;
  note?: string;
  /** The comment's footer (its Reply link), if any. */
  children?: React.ReactNode;
}) {
  const anchor = `comment-${comment.id}`;
  if (comment.removed) {
    // Kept so that its replies still read as replies; nothing of its author remains.
    return (
      <article id={anchor} className="comment comment--removed">
        <p>Comment removed at the author’s request.</p>
      </article>
    );
  }
  return (
    <article id={anchor} className={note ? 'comment comment--pending' : 'comment'} aria-labelledby={`${anchor}-author`}>
      <header>
        <strong id={`${anchor}-author`}>
          {comment.authorUrl ? (
            <a href={comment.authorUrl} rel="nofollow ugc noopener">
              <bdi>{comment.authorName}</bdi>
            </a>
          ) : (
            <bdi>{comment.authorName}</bdi>
          )}
        </strong>
        {comment.isStaff && <span className="badge">Staff</span>}{' '}
        <a href={`${permalinkBase}#${anchor}`}>
          <time dateTime={comment.createdAt}>{comment.createdText}</time>
        </a>
      </header>
      {note && <p className="comment__note">{note}</p>}
      <CommentBody body={comment.body} />
      {children}
    </article>
  );
}
