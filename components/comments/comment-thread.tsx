'use client';

import { fromThreadEntry, type ThreadEntry } from '@/lib/comments/thread-data';
import { CommentView } from './comment-view';

/**
 * The approved comments of one page of the thread, in thread order, each indented by its depth
 * (`data-depth`, 1 to 3). A client component so that the comments cross to the browser as compact
 * data (lib/comments/thread-data.ts) rather than as rendered elements; the server renders it into
 * the HTML all the same, so it reads, and Reply works, without JavaScript.
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
          <li key={c.id} data-depth={c.depth}>
            <CommentView comment={c}>
              {commentsOpen && (
                <footer>
                  {/* A page of its own without JavaScript; with it, the comment form takes the click (data-reply-to). */}
                  <a href={`${articlePath}/reply/${c.id}#respond`} data-reply-to={c.id}>
                    Reply<span className="visually-hidden">{` to ${c.authorName}`}</span>
                  </a>
                </footer>
              )}
            </CommentView>
            <div data-replies-for={c.id} />
          </li>
        );
      })}
    </ol>
  );
}
