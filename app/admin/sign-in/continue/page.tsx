import type { Metadata } from 'next';
import Link from 'next/link';
import { safeCallbackPath } from '@/lib/auth/auth';
import { env } from '@/lib/env';

// The page a sign-in email links to. Opening it uses nothing up (link scanners open links); the
// button sends the one-time token to Auth.js's callback, which signs the person in.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in', referrer: 'no-referrer', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ContinueSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' && /^[A-Za-z0-9_-]{16,200}$/.test(params.token) ? params.token : null;
  const email = typeof params.email === 'string' && params.email.length <= 254 ? params.email : null;
  const callbackUrl = new URL(safeCallbackPath(params.callbackUrl), env.SITE_URL).toString();
  return (
    <>
      {token && email ? (
        <form method="get" action="/api/auth/callback/email">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          <input type="hidden" name="token" value={token} />
          <input type="hidden" name="email" value={email} />
          <p>
            Signing in as <strong>{email}</strong>.
          </p>
          <button type="submit">Sign in</button>
        </form>
      ) : (
        <p className="form-message form-message--error" role="alert">
          This sign-in link is incomplete. <Link href="/admin/sign-in">Ask for a new one</Link>.
        </p>
      )}
    </>
  );
}
