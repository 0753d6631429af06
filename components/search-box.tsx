'use client';

import { usePathname, useSearchParams } from 'next/navigation';
import { Suspense } from 'react';

/**
 * The header's search box, holding the current query on the search page. Only the search page
 * (rendered per request) reads the query: a cached page reading it would have its box rendered in
 * the browser alone, replacing the server's box as the page hydrates, and on a phone that is just
 * when the reader who tapped it is typing (the tap is what loads the scripts).
 */
export function SearchBox() {
  const pathname = usePathname();
  if (pathname !== '/search') return <SearchInput />;
  return (
    <Suspense fallback={<SearchInput />}>
      <SearchQueryInput />
    </Suspense>
  );
}

function SearchQueryInput() {
  return <SearchInput value={useSearchParams().get('q') ?? ''} />;
}

function SearchInput({ value = '' }: { value?: string }) {
  return <input key={value} id="site-search" type="search" name="q" placeholder="Search articles" maxLength={200} defaultValue={value} />;
}
