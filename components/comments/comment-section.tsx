import { SiteLink } from '@/components/site-link';
import { submitComment } from '@/lib/comments/actions';
import { newCommentFormStamp } from '@/lib/comments/queries';
import type { ThreadPage } from '@/lib/comments/thread';
import { CommentForm } from './comment-form';
import { CommentThread, FormAtEnd } from './comment-thread';
import { CommentsProvider } from './comments-context';

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
  thread: ThreadPage;
  pageHref: (n: number) => string;
}) {
  const { comments, total } = thread;
  return (
    <section className="comments aside-box" aria-labelledby="comments-heading" id="comments">
      <h2 id="comments-heading" className="block-title">
        {total === 0 ? 'Comments' : `${total} ${total === 1 ? 'comment' : 'comments'}`}
      </h2>
      {total === 0 && commentsOpen && <p className="hint">No comments yet. Start the conversation.</p>}
      <CommentsProvider
        slug={slug}
        form={
          commentsOpen ? (
            <CommentForm action={submitComment.bind(null, slug)} stamp={newCommentFormStamp()} articlePath={articlePath} />
          ) : null
        }
      >
        <CommentThread comments={comments} articlePath={articlePath} commentsOpen={commentsOpen} />
        {thread.pageCount > 1 && (
          <nav className="pagination" aria-label="Comment pages">
            {thread.page > 1 ? <SiteLink href={pageHref(thread.page - 1)}>← Earlier comments</SiteLink> : <span />}
            <span className="pagination__status">
              Comments page {thread.page} of {thread.pageCount}
            </span>
            {thread.page < thread.pageCount ? <SiteLink href={pageHref(thread.page + 1)}>Later comments →</SiteLink> : <span />}
          </nav>
        )}
        <div id="respond">{commentsOpen ? <FormAtEnd /> : <p>Comments are closed on this article.</p>}</div>
      </CommentsProvider>
    </section>
  );
}
