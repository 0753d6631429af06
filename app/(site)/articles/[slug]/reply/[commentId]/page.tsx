import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { CommentForm } from '@/components/comments/comment-form';
import { CommentView } from '@/components/comments/comment-view';
import { CommentsProvider } from '@/components/comments/comments-context';
import { getArticleBySlug } from '@/lib/articles/queries';
import { submitComment } from '@/lib/comments/actions';
import { getApprovedComment, newCommentFormStamp } from '@/lib/comments/queries';
import { articlePath, commentsPagePath, isValidSlug } from '@/lib/site/urls';

// The reply form for readers without JavaScript (with it, Reply opens the form on the article).
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Reply to a comment', robots: { index: false, follow: false } };

export default async function ReplyPage({ params }: { params: Promise<{ slug: string; commentId: string }> }) {
  const { slug, commentId } = await params;
  if (!isValidSlug(slug) || !/^[1-9]\d{0,11}$/.test(commentId)) notFound();
  const article = await getArticleBySlug({ slug });
  if (!article || !article.commentsOpen) notFound();
  const parent = getApprovedComment({ slug, id: Number(commentId) });
  if (!parent) notFound();
  const path = articlePath(slug);
  return (
    <div className="article">
      <p>
        <SiteLink href={commentsPagePath(article.slug, 1)}>← Back to “{article.title}”</SiteLink>
      </p>
      <h1 className="article__title">Reply to {parent.authorName}</h1>
      <CommentView comment={parent} permalinkBase={path} />
      <div id="respond">
        <CommentsProvider slug={slug} replyTo={{ id: parent.id, name: parent.authorName }}>
          <CommentForm action={submitComment.bind(null, slug)} stamp={newCommentFormStamp()} articlePath={path} onReplyPage />
        </CommentsProvider>
      </div>
    </div>
  );
}
