import Link from 'next/link';
import { submitComment } from '@/lib/comments/actions';
import type { CommentThreadPage } from '@/lib/comments/queries';
import { newCommentFormStamp } from '@/lib/comments/queries';
import { toThreadEntry } from '@/lib/comments/thread-data';
import { formatDateTime } from '../date-time';
import { CommentForm } from './comment-form';
import { CommentThread } from './comment-thread';
import { PendingComments } from './pending-comments';

/** Comments under an article: the approved thread (cached with the page), the form, and the reader's own pending ones. */
export function CommentSection({
  slug,
  articlePath,
  commentsOpen,
  thread,
  pageHref,
}: {
  slug: string;
  articlePath: string;
  commentsOpen: boolean;
  thread: CommentThreadPage;
  pageHref: (n: number) => string;
}) {
  const { comments, total } = thread;
  return (
    <section className="comments aside-box" aria-labelledby="comments-heading" id="comments">
      <h2 id="comments-heading" className="block-title">
        {total === 0 ? 'Comments' : `${total} ${total === 1 ? 'comment' : 'comments'}`}
      </h2>
      {total === 0 && commentsOpen && <p className="hint">No comments yet. Start the conversation.</p>}
      <CommentThread
        comments={comments.map((c) => toThreadEntry(c, formatDateTime(c.createdAt, true)))}
        articlePath={articlePath}
        commentsOpen={commentsOpen}
      />
      <div data-replies-for="root" />
      {thread.pageCount > 1 && (
        <nav className="pagination" aria-label="Comment pages">
          {thread.page > 1 ? <Link href={pageHref(thread.page - 1)}>← Earlier comments</Link> : <span />}
          <span className="pagination__status">
            Comments page {thread.page} of {thread.pageCount}
          </span>
          {thread.page < thread.pageCount ? <Link href={pageHref(thread.page + 1)}>Later comments →</Link> : <span />}
        </nav>
      )}
      <PendingComments slug={slug} />
      <div id="respond">
        {commentsOpen ? (
          <CommentForm action={submitComment.bind(null, slug)} stamp={newCommentFormStamp()} articlePath={articlePath} />
        ) : (
          <p>Comments are closed on this article.</p>
        )}
      </div>
    </section>
  );
}
