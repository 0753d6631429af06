'use client';

import { idsIn, type PendingComment, type ThreadComment } from '@/lib/comments/thread';
import { useComments } from './comments-context';
import { CommentView } from './comment-view';

const AWAITING = 'Your comment is awaiting moderation.';

/**
 * One page of the approved thread, as nested lists: each `<li>` holds a comment and, if it has
 * replies, an `<ol>` of them (three levels at most), so a screen reader hears which comment a
 * reply answers. Each `<li>` carries its depth (`data-depth`, 1 to 3), by which the CSS indents
 * it, and ends with a `data-replies-for` slot, after its replies, where the reader's own replies
 * awaiting moderation show: where the reply will appear once approved (replies are oldest first).
 * Rendered into the HTML on the server all the same, so it reads, and Reply works, without
 * JavaScript.
 */
export function CommentThread({
  comments,
  articlePath,
  commentsOpen,
}: {
  comments: ThreadComment[];
  articlePath: string;
  commentsOpen: boolean;
}) {
  const { pending, replyTo, setReplyTo, form } = useComments();
  const shown = idsIn(comments);
  const pendingFor = (id: number | 'root') =>
    pending.filter((c) => (id === 'root' ? c.parentId === null || !shown.has(c.parentId) : c.parentId === id));
  const items = (list: ThreadComment[], depth: number) =>
    list.map((c) => (
      <li key={c.id} data-depth={depth}>
        <CommentView comment={c}>
          <footer>
            {commentsOpen && (
              // A page of its own without JavaScript; with it, the form below takes the reply.
              <a
                href={`${articlePath}/reply/${c.id}#respond`}
                data-reply-to={c.id}
                aria-expanded={form ? replyTo?.id === c.id : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  setReplyTo({ id: c.id, name: c.authorName });
                }}
              >
                Reply<span className="visually-hidden">{` to ${c.authorName}`}</span>
              </a>
            )}
            {/* To the moderators, on a page of its own (with JavaScript or without). */}
            <a href={`${articlePath}/report/${c.id}`} className="comment__report" rel="nofollow">
              Report<span className="visually-hidden">{` the comment by ${c.authorName}`}</span>
            </a>
          </footer>
        </CommentView>
        {form && replyTo?.id === c.id && <div className="reply-in-place">{form}</div>}
        {c.replies.length > 0 && <ol>{items(c.replies, depth + 1)}</ol>}
        <PendingSlot id={c.id} comments={pendingFor(c.id)} />
      </li>
    ));
  return (
    <>
      <ol className="comment-list">{items(comments, 1)}</ol>
      <PendingSlot id="root" comments={pendingFor('root')} />
    </>
  );
}

function PendingSlot({ id, comments }: { id: number | 'root'; comments: PendingComment[] }) {
  return (
    <div data-replies-for={id}>
      {comments.map((c) => (
        <CommentView key={c.id} comment={c} note={AWAITING} />
      ))}
    </div>
  );
}

/** Where the comment form sits when it is not answering a comment: after the thread. */
export function FormAtEnd() {
  const { replyTo, setReplyTo, form } = useComments();
  if (!replyTo) return form;
  return (
    <p className="hint">
      <a
        href="#respond"
        onClick={(event) => {
          event.preventDefault();
          setReplyTo(undefined);
        }}
      >
        Write a new comment instead of a reply
      </a>
    </p>
  );
}
