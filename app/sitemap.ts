import type { MetadataRoute } from 'next';
import { listSitemapEntries } from '@/lib/articles/queries';
import { absoluteUrl, articlePath, authorPath, sectionPath, tagPath } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const entries = await listSitemapEntries();
  return [
    { url: absoluteUrl('/'), changeFrequency: 'hourly', priority: 1 },
    ...entries.articles.map((a) => ({
      url: absoluteUrl(articlePath(a.slug)),
      lastModified: a.updatedAt,
      changeFrequency: 'weekly' as const,
      priority: 0.8,
    })),
    ...entries.sections.map((s) => ({ url: absoluteUrl(sectionPath(s.slug)), changeFrequency: 'daily' as const, priority: 0.6 })),
    ...entries.authors.map((a) => ({ url: absoluteUrl(authorPath(a.slug)), changeFrequency: 'weekly' as const, priority: 0.4 })),
    ...entries.tags.map((t) => ({ url: absoluteUrl(tagPath(t.slug)), changeFrequency: 'weekly' as const, priority: 0.3 })),
  ];
}
