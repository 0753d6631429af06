import type { Metadata } from 'next';
import { HeadlineList } from '@/components/headline-list';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/article-card';
import { DateTime } from '@/components/date-time';
import { ResponsiveImage } from '@/components/media/responsive-image';
import { PaginationNav } from '@/components/pagination-nav';
import { getFrontPage } from '@/lib/articles/queries';
import { parsePageParam } from '@/lib/articles/pagination';
import { feedTypes } from '@/lib/site/feeds';
import { articlePath, sectionPath } from '@/lib/site/urls';

// `/` is rewritten here (next.config.ts). Pages are rendered on first request and then served
// from Next's cache until an article tag is invalidated.
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ page: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = parsePageParam((await params).page);
  if (page === null || page === 1) return { alternates: { canonical: '/', types: feedTypes() } };
  return { title: `Latest news, page ${page}`, alternates: { canonical: `/page/${page}`, types: feedTypes() } };
}

export default async function FrontPage({ params }: Props) {
  const page = parsePageParam((await params).page);
  if (page === null) notFound();
  const front = await getFrontPage({ page });
  if (!front) notFound();

  if (page > 1) {
    return (
      <>
        <header className="page-header">
          <h1>Latest news</h1>
          <p>Page {page} of everything we have published, newest first.</p>
        </header>
        {front.latest.items.map((a) => (
          <ArticleCard key={a.id} article={a} />
        ))}
        <PaginationNav base="/" page={page} pageCount={front.latest.pageCount} />
      </>
    );
  }

  if (front.latest.total === 0) {
    return (
      <header className="page-header">
        <h1>Nothing published yet</h1>
        <p>The first stories will appear here as soon as the newsroom publishes them.</p>
      </header>
    );
  }

  const rest = front.latest.items.slice(1);
  const secondary = rest.slice(0, 2);
  const latest = rest.slice(2, 11);
  // A story appears once on the page: the section blocks leave out what is already above them.
  const shown = new Set([front.lead?.id, ...rest.slice(0, 11).map((a) => a.id)]);
  const blocks = front.sections
    .map(({ section, items }) => ({ section, items: items.filter((a) => !shown.has(a.id)).slice(0, 4) }))
    .filter((b) => b.items.length > 0);
  return (
    <>
      <h1 className="visually-hidden">Front page</h1>
      <div className="front-grid">
        <div>
          {front.lead && <ArticleCard article={front.lead} variant="lead" />}
          <div className="secondary-grid">
            {secondary.map((a) => (
              <ArticleCard key={a.id} article={a} picture="top" />
            ))}
          </div>
        </div>
        <section aria-labelledby="latest-heading">
          <h2 id="latest-heading" className="block-title">
            Latest
          </h2>
          <ul className="compact-list">
            {latest.map((a) => (
              <li key={a.id}>
                <span className="kicker">{a.section.name}</span>{' '}
                <span className="byline">
                  · <DateTime iso={a.publishedAt} />
                </span>
                <br />
                <SiteLink href={articlePath(a.slug)}>{a.title}</SiteLink>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <div className="section-blocks">
        {blocks.map(({ section, items }) => (
          <section key={section.slug} aria-labelledby={`block-${section.slug}`}>
            <h2 id={`block-${section.slug}`} className="block-title">
              <SiteLink href={sectionPath(section.slug)}>{section.name}</SiteLink>
            </h2>
            {items[0]?.image && (
              // Not on a phone (hidden, and a hidden lazy picture is never fetched): the headlines are enough there.
              <ResponsiveImage
                className="block-image"
                image={items[0].image}
                alt={items[0].image.alt}
                sizes="(min-width: 52rem) 22rem, 45vw"
              />
            )}
            <HeadlineList articles={items} />
          </section>
        ))}
      </div>
      <PaginationNav base="/" page={1} pageCount={front.latest.pageCount} />
    </>
  );
}
