import type { Metadata } from 'next';
import { LinkNotWorking } from '@/components/link-not-working';
import { SiteLink } from '@/components/site-link';

// Opening the link changes nothing (mail scanners fetch links): the button posts to the API route.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Forget this browser', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ForgetBrowserPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.t === 'string' ? params.t : '';
  if (params.result === 'stopped') {
    return (
      <div className="notice">
        <h1>Forgotten</h1>
        <p role="status">
          No browser comments as the owner of your address any more. To do so again, confirm your email from that browser.
        </p>
        <p>
          <SiteLink href="/comments/prove">Confirm your email</SiteLink>
        </p>
      </div>
    );
  }
  if (params.result === 'invalid' || !token) {
    return <LinkNotWorking />;
  }
  return (
    <div className="notice">
      <h1>Forget this browser?</h1>
      <p>
        Every browser that confirmed your address stops commenting as its owner: comments from them wait for a moderator, and replies are
        not emailed until you confirm again. Use it if you confirmed on a shared or lost device.
      </p>
      <form method="post" action={`/api/comments/forget?t=${encodeURIComponent(token)}`}>
        <button type="submit">Forget every browser</button>
      </form>
    </div>
  );
}
