import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { openMyData } from '@/lib/privacy/actions';
import { LINK_STATES } from '@/lib/privacy/messages';
import { inspectDataLink } from '@/lib/privacy/requests';

// Opening the emailed link changes nothing (mail scanners fetch links): the button uses it.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'My data', robots: { index: false, follow: false }, referrer: 'same-origin' };

type Props = { searchParams: Promise<{ token?: string | string[]; state?: string | string[] }> };

export default async function OpenMyDataPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : undefined;
  const given =
    typeof params.state === 'string' && Object.hasOwn(LINK_STATES, params.state) ? (params.state as keyof typeof LINK_STATES) : null;
  const state = given ?? (token ? inspectDataLink(token) : 'invalid');
  if (state === 'valid' && token) {
    return (
      <div className="notice">
        <h1>Your data</h1>
        <form action={openMyData}>
          <input type="hidden" name="token" value={token} />
          <p>Press the button to see what we hold for your address, in this browser, for the next hour.</p>
          <button type="submit">Show my data</button>
        </form>
      </div>
    );
  }
  const message = LINK_STATES[state === 'valid' ? 'invalid' : state];
  return (
    <div className="notice">
      <h1>{message.title}</h1>
      <p role="status">{message.text}</p>
      <p>
        <SiteLink href="/my-data">Ask for a new link</SiteLink>
      </p>
    </div>
  );
}
