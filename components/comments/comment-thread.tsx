'use client';

import { fromThreadEntry, nestThread, type ThreadEntry, type ThreadNode } from '@/lib/comments/thread-data';
import { CommentView } from './comment-view';

/**
 * The approved comments of one page of the thread, as nested lists: each `<li>` holds a comment
 * and, if it has replies, an `<ol>` of them (three levels at most), so a screen reader hears which
 * comment a reply answers. Each `<li>` carries its depth (`data-depth`, 1 to 3), by which the CSS
 * indents it. A client component so that the comments cross to the browser as compact data
 * (lib/comments/thread-data.ts) rather than as rendered elements; the server renders it into the
 * HTML all the same, so it reads, and Reply works, without JavaScript.
 *
 * Each comment's `<li>` ends with an empty `data-replies-for` slot, after its replies, where
 * PendingComments shows the reader's own replies that await moderation: where the reply will
 * appear once approved (replies are oldest first).
 */
export function CommentThread({ comments, articlePath, commentsOpen }: { comments: ThreadEntry[]; articlePath: string; commentsOpen: boolean }) {
  return <ol className="comment-list">{items(nestThread(comments), articlePath, commentsOpen)}</ol>;
}

function items(nodes: ThreadNode[], articlePath: string, commentsOpen: boolean) {
  return nodes.map(({ entry, replies }) => {
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
        {replies.length > 0 && <ol>{items(replies, articlePath, commentsOpen)}</ol>}
        <div data-replies-for={c.id} />
      </li>
    );
  });
}
