import Link from 'next/link';
import { env } from '@/lib/env';
import { SITE_PAGE_LINK_TEXT, SITE_PAGE_SLUGS, sitePagePath } from '@/lib/site-pages/catalogue';

export function SiteFooter({ newsletter }: { newsletter?: React.ReactNode }) {
  return (
    <footer className="site-footer">
      <div className="wrap footer-grid">
        <div>
          <p>
            <strong>{env.SITE_NAME}</strong> is an independent publication on technology in the public sector: digital government,
            procurement, councils, cyber security, data and health IT.
          </p>
          <p>{env.POSTAL_ADDRESS}</p>
        </div>
        {newsletter}
        <ul className="footer-links" aria-label="About us">
          {SITE_PAGE_SLUGS.map((slug) => (
            <li key={slug}>
              <Link href={sitePagePath(slug)}>{SITE_PAGE_LINK_TEXT[slug]}</Link>
            </li>
          ))}
        </ul>
        <ul className="footer-links" aria-label="Site links">
          <li>
            <Link href="/search">Search</Link>
          </li>
          <li>
            <Link href="/newsletter">Newsletter</Link>
          </li>
          <li>
            <Link href="/newsletter/archive">Newsletter archive</Link>
          </li>
          <li>
            <a href="/feed.xml">RSS feed</a>
          </li>
          <li>
            <a href="/sitemap.xml">Sitemap</a>
          </li>
        </ul>
      </div>
    </footer>
  );
}
