import { rssResponse } from '@/lib/site/rss';
import { buildCommentsFeed } from '@/lib/comments/feed';

export const dynamic = 'force-dynamic';

export async function GET() {
  return rssResponse(await buildCommentsFeed());
}
