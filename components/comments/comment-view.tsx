import type { PublicComment } from '@/lib/comments/queries';
import { DateTime } from '../date-time';
import { CommentBody } from './comment-body';

/** One comment as readers see it. Used by the cached thread and by the commenter's own preview. */
export function CommentView({
  comment,
  permalinkBase,
  note,
  children,
}: {
  comment: PublicComment;
  permalinkBase: string;
  note?: string;
  children?: React.ReactNode;
}) {
  const anchor = `comment-${comment.id}`;
  return (
    <article id={anchor} className={`comment comment--depth-${comment.depth}${note ? ' comment--pending' : ''}`} aria-labelledby={`${anchor}-author`}>
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
          <DateTime iso={comment.createdAt} showTime />
        </a>
      </header>
      {note && <p className="comment__note">{note}</p>}
      <CommentBody body={comment.body} />
      {children}
    </article>
  );
}
