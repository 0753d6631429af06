import { LISTINGS_TAG, SECTIONS_TAG } from '@/lib/articles/cache-tags';
import { listSitemapEntries } from '@/lib/articles/queries';
import { sharedCacheHeaders } from '@/lib/http/cache-policy.mjs';
import { xmlText } from '@/lib/site/rss';
import { absoluteUrl, articlePath, authorPath, sectionPath, tagPath } from '@/lib/site/urls';

// Every public page, for search engines (https://www.sitemaps.org/protocol.html). A route rather
// than Next's sitemap file so that it carries the cache headers every reader answer does: any
// change to a live article invalidates the listings, a new section the sections.
export const dynamic = 'force-dynamic';

const SHARED_MAX_AGE_S = 3600;

type Entry = { path: string; lastModified?: Date; changeFrequency: string; priority: number };

function urlElement({ path, lastModified, changeFrequency, priority }: Entry): string {
  const modified = lastModified ? `\n    <lastmod>${lastModified.toISOString()}</lastmod>` : '';
  return `  <url>
    <loc>${xmlText(absoluteUrl(path))}</loc>${modified}
    <changefreq>${changeFrequency}</changefreq>
    <priority>${priority}</priority>
  </url>`;
}

export async function GET() {
  const entries = await listSitemapEntries();
  const urls: Entry[] = [
    { path: '/', changeFrequency: 'hourly', priority: 1 },
    ...entries.articles.map((a) => ({ path: articlePath(a.slug), lastModified: a.updatedAt, changeFrequency: 'weekly', priority: 0.8 })),
    ...entries.sections.map((s) => ({ path: sectionPath(s.slug), changeFrequency: 'daily', priority: 0.6 })),
    ...entries.authors.map((a) => ({ path: authorPath(a.slug), changeFrequency: 'weekly', priority: 0.4 })),
    ...entries.tags.map((t) => ({ path: tagPath(t.slug), changeFrequency: 'weekly', priority: 0.3 })),
  ];
  const body = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.map(urlElement).join('\n')}
</urlset>
`;
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', ...sharedCacheHeaders([LISTINGS_TAG, SECTIONS_TAG], SHARED_MAX_AGE_S) },
  });
}
