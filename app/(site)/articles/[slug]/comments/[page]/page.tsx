import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { CommentSection } from '@/components/comments/comment-section';
import { parsePageParam } from '@/lib/articles/pagination';
import { getArticleBySlug } from '@/lib/articles/queries';
import { listApprovedComments } from '@/lib/comments/queries';
import { articlePath, commentsPagePath, isValidSlug } from '@/lib/site/urls';
import { feedTypes } from '@/lib/site/feeds';

export function generateStaticParams() {
  return [];
}
export const revalidate = 3600;

type Props = { params: Promise<{ slug: string; page: string }> };

async function load(params: Props['params']) {
  const { slug, page: raw } = await params;
  const page = parsePageParam(raw);
  if (!isValidSlug(slug) || page === null || page < 2) return null;
  const article = await getArticleBySlug({ slug });
  if (!article) return null;
  const thread = await listApprovedComments({ slug, page });
  return thread ? { article, thread } : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params);
  if (!data) return { title: 'Page not found' };
  return {
    title: `Comments on ${data.article.title}, page ${data.thread.page}`,
    alternates: { canonical: commentsPagePath(data.article.slug, data.thread.page), types: feedTypes() },
  };
}

export default async function CommentsPage({ params }: Props) {
  const data = await load(params);
  if (!data) notFound();
  const { article, thread } = data;
  return (
    <div className="article">
      <p className="kicker">Comments</p>
      <h1 className="article__title">
        <SiteLink href={articlePath(article.slug)}>{article.title}</SiteLink>
      </h1>
      <CommentSection
        slug={article.slug}
        articlePath={articlePath(article.slug)}
        commentsOpen={article.commentsOpen}
        thread={thread}
        pageHref={(n) => commentsPagePath(article.slug, n)}
      />
    </div>
  );
}
