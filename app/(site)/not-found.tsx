import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <div className="notice">
      <h1>Page not found</h1>
      <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
      <p>
        <SiteLink href="/">Go to the front page</SiteLink> or <SiteLink href="/search">search the archive</SiteLink>.
      </p>
    </div>
  );
}
