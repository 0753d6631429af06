'use client';

import { usePathname, useSearchParams } from 'next/navigation';

/**
 * The header's search box, holding the current query on the search page. In the browser, so every
 * other page's cached HTML stays the same for all; the server sends the empty box (SiteHeader wraps
 * this in Suspense with it as the fallback).
 */
export function SearchBoxValue() {
  const pathname = usePathname();
  const params = useSearchParams();
  return <SearchInput value={pathname === '/search' ? (params.get('q') ?? '') : ''} />;
}

export function SearchInput({ value = '' }: { value?: string }) {
  return <input key={value} id="site-search" type="search" name="q" placeholder="Search articles" maxLength={200} defaultValue={value} />;
}
