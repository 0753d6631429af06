import 'server-only';
import { env } from '@/lib/env';
import { variantUrl } from '@/lib/media/rules';
import { rssDocument, xmlText } from '@/lib/site/rss';
import { absoluteUrl, articlePath } from '@/lib/site/urls';
import { LISTINGS_TAG, sectionTag } from './cache-tags';
import { listArticlesForFeed, type ArticleSummary } from './queries';

/**
 * An item's lead picture as Media RSS (https://www.rssboard.org/media-rss), which feed readers show
 * beside the headline: a 1280-pixel JPEG (every reader takes one), with its alt text.
 */
function leadPicture(image: ArticleSummary['image']): string {
  if (!image) return '';
  const url = xmlText(absoluteUrl(variantUrl(image.hash, 1280, 'jpeg')));
  const description = image.alt ? `\n        <media:description type="plain">${xmlText(image.alt)}</media:description>` : '';
  const credit = image.credit ? `\n        <media:credit>${xmlText(image.credit)}</media:credit>` : '';
  return `\n      <media:content url="${url}" medium="image" type="image/jpeg">${description}${credit}\n      </media:content>`;
}

/**
 * The cache tags a feed's answer names: any change to a live article invalidates the listings
 * (lib/articles/cache-tags.ts), and a section's feed its section too.
 */
export function rssFeedTags(section?: { slug: string }): string[] {
  return section ? [LISTINGS_TAG, sectionTag(section.slug)] : [LISTINGS_TAG];
}

/** RSS 2.0 for the latest articles, or one section's. Links come from SITE_URL. */
export async function buildRssFeed({ section }: { section?: { slug: string; name: string; description: string } } = {}) {
  const items = await listArticlesForFeed({ sectionSlug: section?.slug });
  const entries = items.map((a) => {
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
  });
  return rssDocument({
    title: section ? `${env.SITE_NAME}: ${section.name}` : env.SITE_NAME,
    homePath: section ? `/section/${section.slug}` : '/',
    selfPath: section ? `/section/${section.slug}/feed.xml` : '/feed.xml',
    description: section?.description ?? 'Public-sector technology news.',
    lastBuild: items[0]?.publishedAt,
    items: entries,
  });
}
