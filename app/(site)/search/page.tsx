import type { Metadata } from 'next';
import { HeadlineList } from '@/components/headline-list';
import { SiteLink } from '@/components/site-link';
import { notFound } from 'next/navigation';
import { DateTime } from '@/components/date-time';
import { PaginationNav } from '@/components/pagination-nav';
import { SearchSnippet } from '@/components/search-snippet';
import { parsePageParam } from '@/lib/articles/pagination';
import { getFrontPage, listSections, searchArticles } from '@/lib/articles/queries';
import { MAX_QUERY_LENGTH, normaliseSearchInput } from '@/lib/articles/search-query';
import { articlePath, sectionPath } from '@/lib/site/urls';
import { feedTypes } from '@/lib/site/feeds';

// Results depend on the query string, so this page is rendered per request.
export const dynamic = 'force-dynamic';

type Props = { searchParams: Promise<{ q?: string | string[]; page?: string | string[] }> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = normaliseSearchInput((await searchParams).q);
  return {
    title: q ? `Search: ${q}` : 'Search',
    robots: { index: false, follow: true },
    alternates: { canonical: '/search', types: feedTypes() },
  };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = normaliseSearchInput(params.q);
  const page = parsePageParam(params.page) ?? 1;
  const results = q ? await searchArticles({ query: q, page }) : null;
  if (q && !results) notFound();
  const href = (n: number) => `/search?${new URLSearchParams({ q, ...(n > 1 && { page: String(n) }) })}`;

  return (
    <>
      <header className="page-header">
        <h1>Search</h1>
        <form action="/search" method="get" role="search" className="search-form" aria-label="Search the archive">
          <label className="visually-hidden" htmlFor="search-q">
            Search terms
          </label>
          <input id="search-q" type="search" name="q" defaultValue={q} maxLength={MAX_QUERY_LENGTH} style={{ width: '100%' }} />
          <button type="submit">Search</button>
        </form>
        <p aria-live="polite">
          {!q
            ? 'Search every article we have published.'
            : results && results.total > 0
              ? `${results.total} ${results.total === 1 ? 'result' : 'results'} for “${q}”`
              : `No articles match “${q}”. Try fewer or different words.`}
        </p>
      </header>
      {results && results.items.length > 0 && (
        <ol className="search-results">
          {results.items.map((hit) => (
            <li key={hit.id} className="card">
              <SiteLink className="kicker" href={sectionPath(hit.section.slug)}>
                {hit.section.name}
              </SiteLink>
              <h2 className="card__title">
                <SiteLink href={articlePath(hit.slug)}>{hit.title}</SiteLink>
              </h2>
              <p className="snippet">
                <SearchSnippet text={hit.snippet} />
              </p>
              <p className="byline">
                By {hit.author.name} · <DateTime iso={hit.publishedAt} />
              </p>
            </li>
          ))}
        </ol>
      )}
      {results && results.total === 0 && <SearchSuggestions />}
      {results && <PaginationNav base="/search" page={results.page} pageCount={results.pageCount} href={href} />}
    </>
  );
}

/** Where to go when nothing matched: the sections, and the latest stories. */
async function SearchSuggestions() {
  const [sections, front] = await Promise.all([listSections(), getFrontPage({ page: 1 })]);
  const latest = front?.latest.items.slice(0, 5) ?? [];
  return (
    <div className="search-suggestions">
      <section aria-labelledby="suggest-sections">
        <h2 id="suggest-sections" className="block-title">
          Browse a section
        </h2>
        <ul className="compact-list">
          {sections.map((s) => (
            <li key={s.slug}>
              <SiteLink href={sectionPath(s.slug)}>{s.name}</SiteLink>
            </li>
          ))}
        </ul>
      </section>
      {latest.length > 0 && (
        <section aria-labelledby="suggest-latest">
          <h2 id="suggest-latest" className="block-title">
            Latest stories
          </h2>
          <HeadlineList articles={latest} />
        </section>
      )}
    </div>
  );
}
