import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { getArticleBySlug } from '@/lib/articles/queries';
import { COMMENT_RECEIVED } from '@/lib/comments/store';
import { commentsPagePath, isValidSlug } from '@/lib/site/urls';

// Where the comment form sends a browser without JavaScript after a successful post
// (post/redirect/get: a reload does not post again). The same page for everyone, so it is cached
// like the article; it says nothing about the comment itself.
export function generateStaticParams() {
  return [];
}
export const revalidate = 3600;
export const metadata: Metadata = { title: 'Comment received', robots: { index: false, follow: false } };

export default async function CommentReceivedPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (!isValidSlug(slug)) notFound();
  const article = await getArticleBySlug({ slug });
  if (!article) notFound();
  return (
    <div className="article">
      <p className="kicker">Comments</p>
      <h1 className="article__title">Comment received</h1>
      <p className="form-message">{COMMENT_RECEIVED}</p>
      <p>A moderator reads every comment before it is published under the article. Your email address is never shown.</p>
      <p>
        <SiteLink href={commentsPagePath(article.slug, 1)}>← Back to “{article.title}”</SiteLink>
      </p>
    </div>
  );
}
