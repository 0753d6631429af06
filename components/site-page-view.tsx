import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/date-time';
import { sitePagePath, type SitePageSlug } from '@/lib/site-pages/catalogue';
import { getPublicSitePage } from '@/lib/site-pages/pages';
import { feedTypes } from '@/lib/site/feeds';

// About, Contact, Corrections, Privacy, Comment policy: one shape, each at its own address.

export async function sitePageMetadata(slug: SitePageSlug): Promise<Metadata> {
  const page = await getPublicSitePage(slug);
  if (!page) return {};
  return { title: page.title, alternates: { canonical: sitePagePath(slug), types: feedTypes() } };
}

export async function SitePageView({ slug }: { slug: SitePageSlug }) {
  const page = await getPublicSitePage(slug);
  if (!page) notFound();
  return (
    <article className="site-page">
      <header className="page-header">
        <h1>{page.title}</h1>
      </header>
      {/* The editors' Markdown, rendered without scripts, handlers or unsafe links (lib/articles/markdown.ts). */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: page.html }} />
      {page.updatedAt && (
        <p className="hint">
          Last updated <DateTime iso={page.updatedAt} />.
        </p>
      )}
    </article>
  );
}
