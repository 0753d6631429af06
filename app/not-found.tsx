import Link from 'next/link';
import { env } from '@/lib/env';

// Unmatched URLs land here, outside the reader layout (which needs the database).
export default function NotFound() {
  return (
    <main id="main" className="wrap">
      <div className="notice">
        <p>
          <Link className="masthead__name" href="/">
            {env.SITE_NAME}
          </Link>
        </p>
        <h1>Page not found</h1>
        <p>We could not find that page. It may have moved, or the address may be mistyped.</p>
        <p>
          <Link href="/">Go to the front page</Link> or <Link href="/search">search the archive</Link>.
        </p>
      </div>
    </main>
  );
}
