import Link from 'next/link';
import { env } from '@/lib/env';

/** The frame of both sign-in pages: the form that asks for a link, and the page the link opens. */
export default function SignInLayout({ children }: { children: React.ReactNode }) {
  return (
    <main id="main" className="wrap admin-sign-in">
      <p>
        <Link className="masthead__name" href="/">
          {env.SITE_NAME}
        </Link>
      </p>
      <h1>Sign in to the dashboard</h1>
      {children}
    </main>
  );
}
