import { buildRssFeed, rssFeedTags } from '@/lib/articles/feed';
import { rssResponse } from '@/lib/site/rss';
import { getSectionBySlug } from '@/lib/articles/queries';
import { isValidSlug } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const section = isValidSlug(slug) ? await getSectionBySlug({ slug }) : null;
  if (!section) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } });
  return rssResponse(await buildRssFeed({ section }), rssFeedTags(section));
}
