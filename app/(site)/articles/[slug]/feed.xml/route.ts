import { rssResponse } from '@/lib/site/rss';
import { articleCommentsFeedTags, buildArticleCommentsFeed } from '@/lib/comments/feed';

export const dynamic = 'force-dynamic';

/** One article's approved comments as RSS; 404 for an article readers cannot see. */
export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const feed = await buildArticleCommentsFeed(slug);
  if (feed === null) return new Response('No such article.', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return rssResponse(feed, articleCommentsFeedTags(slug));
}
