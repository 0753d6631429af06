import { LISTINGS_TAG } from '@/lib/articles/cache-tags';
import { listNewsSitemapEntries } from '@/lib/articles/queries';
import { sharedCacheHeaders } from '@/lib/http/cache-policy.mjs';
import { xmlText } from '@/lib/site/rss';
import { env } from '@/lib/env';
import { absoluteUrl, articlePath } from '@/lib/site/urls';

// Google News sitemap: the articles of the last 48 hours
// (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap).
export const dynamic = 'force-dynamic';

export function GET() {
  const entries = listNewsSitemapEntries()
    .map(
      (a) => `  <url>
    <loc>${xmlText(absoluteUrl(articlePath(a.slug)))}</loc>
    <news:news>
      <news:publication>
        <news:name>${xmlText(env.SITE_NAME)}</news:name>
        <news:language>en</news:language>
      </news:publication>
      <news:publication_date>${a.publishedAt!.toISOString()}</news:publication_date>
      <news:title>${xmlText(a.title)}</news:title>
    </news:news>
  </url>`,
    )
    .join('\n');
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${entries}
</urlset>
`;
  // Shared caches keep it ten minutes at most: an article also leaves it by age, which no purge marks.
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8', ...sharedCacheHeaders([LISTINGS_TAG], 600) } });
}
