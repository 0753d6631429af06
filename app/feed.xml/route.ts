import { buildRssFeed, rssResponse } from '@/lib/articles/feed';

export const dynamic = 'force-dynamic';

export async function GET() {
  return rssResponse(await buildRssFeed());
}
