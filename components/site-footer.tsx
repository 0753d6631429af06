import { SiteLink } from '@/components/site-link';
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
              <SiteLink href={sitePagePath(slug)}>{SITE_PAGE_LINK_TEXT[slug]}</SiteLink>
            </li>
          ))}
        </ul>
        <ul className="footer-links" aria-label="Site links">
          <li>
            <SiteLink href="/search">Search</SiteLink>
          </li>
          <li>
            <SiteLink href="/newsletter">Newsletter</SiteLink>
          </li>
          <li>
            <SiteLink href="/newsletter/archive">Newsletter archive</SiteLink>
          </li>
          <li>
            <SiteLink href="/my-data">My data</SiteLink>
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
