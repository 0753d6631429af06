import type { ShownComment } from '@/lib/comments/thread-data';
import { formatDateTime } from '../date-time';
import { CommentBody } from './comment-body';

/** One comment as readers see it. Used by the approved thread, the commenter's own preview and the reply page. */
export function CommentView({
  comment,
  permalinkBase,
  note,
  children,
}: {
  comment: ShownComment;
  permalinkBase: string;
  note?: string;
  children?: React.ReactNode;
}) {
  const anchor = `comment-${comment.id}`;
  return (
    <article id={anchor} className={note ? 'comment comment--pending' : 'comment'} aria-labelledby={`${anchor}-author`}>
      <header className="comment__header">
        <strong id={`${anchor}-author`} className="comment__author">
          {comment.authorUrl ? (
            <a href={comment.authorUrl} rel="nofollow ugc noopener">
              <bdi>{comment.authorName}</bdi>
            </a>
          ) : (
            <bdi>{comment.authorName}</bdi>
          )}
        </strong>
        {comment.isStaff && <span className="badge">Staff</span>}{' '}
        <a className="comment__permalink" href={`${permalinkBase}#${anchor}`}>
          <time dateTime={comment.createdAt}>{comment.createdText ?? formatDateTime(comment.createdAt, true)}</time>
        </a>
      </header>
      {note && <p className="comment__note">{note}</p>}
      <CommentBody body={comment.body} />
      {children}
    </article>
  );
}
