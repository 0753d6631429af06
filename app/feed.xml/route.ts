import { buildRssFeed, rssFeedTags } from '@/lib/articles/feed';
import { rssResponse } from '@/lib/site/rss';

export const dynamic = 'force-dynamic';

export async function GET() {
  return rssResponse(await buildRssFeed(), rssFeedTags());
}
