import { rssResponse } from '@/lib/site/rss';
import { getArticleBySlug } from '@/lib/articles/queries';
import { articleCommentsFeedTags, buildArticleCommentsFeed } from '@/lib/comments/feed';

export const dynamic = 'force-dynamic';

/** One article's approved comments as RSS; 404 for an article readers cannot see. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = await getArticleBySlug({ slug });
  if (!article) return new Response('No such article.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return rssResponse(await buildArticleCommentsFeed(article), articleCommentsFeedTags(article.slug));
}
