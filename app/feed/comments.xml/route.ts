import { rssResponse } from '@/lib/site/rss';
import { buildCommentsFeed, COMMENTS_FEED_TAGS } from '@/lib/comments/feed';

export const dynamic = 'force-dynamic';

export async function GET() {
  return rssResponse(await buildCommentsFeed(), COMMENTS_FEED_TAGS);
}
