import { SiteLink } from '@/components/site-link';
import { env } from '@/lib/env';

// Unmatched URLs land here, outside the reader layout (which needs the database).
export default function NotFound() {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <p>
          <SiteLink className="masthead__name" href="/">
            {env.SITE_NAME}
          </SiteLink>
        </p>
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
        <p>
          <SiteLink href="/">Go to the front page</SiteLink> or <SiteLink href="/search">search the archive</SiteLink>.
        </p>
      </div>
    </main>
  );
}
