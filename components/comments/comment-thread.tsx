'use client';

import { fromThreadEntry, type ThreadEntry } from '@/lib/comments/thread-data';
import { CommentView } from './comment-view';

/**
 * The approved comments of one page of the thread, in thread order, each indented by its depth.
 * A client component so that the comments cross to the browser as compact data
 * (lib/comments/thread-data.ts) rather than as rendered elements; the server renders it into the
 * HTML all the same, so it reads, and Reply works, without JavaScript.
 *
 * Each comment is followed by an empty `data-replies-for` slot, where PendingComments shows the
 * reader's own replies that await moderation.
 */
export function CommentThread({ comments, articlePath, commentsOpen }: { comments: ThreadEntry[]; articlePath: string; commentsOpen: boolean }) {
  return (
    <ol className="comment-list">
      {comments.map((entry) => {
        const c = fromThreadEntry(entry);
        return (
          <li key={c.id} className={`comment-item comment-item--depth-${c.depth}`}>
            <CommentView comment={c} permalinkBase={articlePath}>
              {commentsOpen && (
                <p className="comment__actions">
                  <a href={`${articlePath}/reply/${c.id}#respond`} data-reply-to={c.id} data-reply-name={c.authorName}>
                    Reply<span className="visually-hidden"> to {c.authorName}</span>
                  </a>
                </p>
              )}
            </CommentView>
            <div data-replies-for={c.id} className={`comment-replies comment-replies--depth-${Math.min(c.depth + 1, 3)}`} />
          </li>
        );
      })}
    </ol>
  );
}
