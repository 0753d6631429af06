import { sharedCacheHeaders } from '@/lib/http/cache-policy.mjs';
import { absoluteUrl } from './urls';

// RSS 2.0 as the site writes it: the channel every feed shares (the site's articles, a section's,
// the comments), and text made safe inside XML.

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

/** A whole feed: the channel (links absolute, from SITE_URL) around its items, already written as `<item>`s. */
export function rssDocument({
  title,
  homePath,
  selfPath,
  description,
  lastBuild,
  items,
}: {
  title: string;
  homePath: string;
  selfPath: string;
  description: string;
  /** The newest item's date; the epoch for an empty feed. */
  lastBuild: Date | string | null | undefined;
  items: string[];
}): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:media="http://search.yahoo.com/mrss/">
  <channel>
    <title>${xmlText(title)}</title>
    <link>${xmlText(absoluteUrl(homePath))}</link>
    <description>${xmlText(description)}</description>
    <language>en-gb</language>
    <lastBuildDate>${new Date(lastBuild ?? 0).toUTCString()}</lastBuildDate>
    <atom:link href="${xmlText(absoluteUrl(selfPath))}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
  </channel>
</rss>
`;
}

/** How long shared caches keep a feed: purges by its tags refresh it sooner. */
const FEED_SHARED_MAX_AGE_S = 3600;

/** A feed's answer, kept by shared caches and purged by the cache tags of the reads it was built from. */
export function rssResponse(body: string, tags: string[]): Response {
  return new Response(body, {
    headers: { 'Content-Type': 'application/rss+xml; charset=utf-8', ...sharedCacheHeaders(tags, FEED_SHARED_MAX_AGE_S) },
  });
}
