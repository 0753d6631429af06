import 'server-only';
import { env } from '@/lib/env';
import { variantUrl } from '@/lib/media/rules';
import { absoluteUrl, articlePath } from '@/lib/site/urls';
import { listArticlesForFeed, type ArticleSummary } from './queries';

/** Text made safe inside an XML element or attribute. */
export function xmlText(text: string): string {
  return (
    text
      // Only the characters XML 1.0 allows: one stray control character or U+FFFF in a reader's
      // comment would make the whole feed unreadable.
      .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  );
}

/**
 * An item's lead picture as Media RSS (https://www.rssboard.org/media-rss), which feed readers show
 * beside the headline: the same 1280-pixel WebP as the article's JSON-LD, with its alt text.
 */
function leadPicture(image: ArticleSummary['image']): string {
  if (!image) return '';
  const url = xmlText(absoluteUrl(variantUrl(image.hash, 1280, 'jpeg')));
  const description = image.alt ? `\n        <media:description type="plain">${xmlText(image.alt)}</media:description>` : '';
  const credit = image.credit ? `\n        <media:credit>${xmlText(image.credit)}</media:credit>` : '';
  return `\n      <media:content url="${url}" medium="image" type="image/jpeg">${description}${credit}\n      </media:content>`;
}

/** RSS 2.0 for the latest articles, or one section's. Links come from SITE_URL. */
export async function buildRssFeed({ section }: { section?: { slug: string; name: string; description: string } } = {}) {
  const items = await listArticlesForFeed({ sectionSlug: section?.slug });
  const selfPath = section ? `/section/${section.slug}/feed.xml` : '/feed.xml';
  const title = section ? `${env.SITE_NAME}: ${section.name}` : env.SITE_NAME;
  const description = section?.description ?? 'Public-sector technology news.';
  const home = absoluteUrl(section ? `/section/${section.slug}` : '/');
  const entries = items
    .map((a) => {
      const link = absoluteUrl(articlePath(a.slug));
      return `    <item>
      <title>${xmlText(a.title)}</title>
      <link>${xmlText(link)}</link>
      <guid isPermaLink="true">${xmlText(link)}</guid>
      <pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>
      <dc:creator>${xmlText(a.bylines.map((b) => b.name).join(', '))}</dc:creator>
      <category>${xmlText(a.section.name)}</category>
      <description>${xmlText(a.summary)}</description>
      <content:encoded>${xmlText(a.html)}</content:encoded>${leadPicture(a.image)}
    </item>`;
    })
    .join('\n');
  const lastBuild = items[0]?.publishedAt ?? new Date(0).toISOString();
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${xmlText(title)}</title>
    <link>${xmlText(home)}</link>
    <description>${xmlText(description)}</description>
    <language>en-gb</language>
    <lastBuildDate>${new Date(lastBuild).toUTCString()}</lastBuildDate>
    <atom:link href="${xmlText(absoluteUrl(selfPath))}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}

export function rssResponse(body: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'application/rss+xml; charset=utf-8',
      'Cache-Control': 'public, max-age=300, stale-while-revalidate=600',
    },
  });
}
