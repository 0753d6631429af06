import type { Metadata } from 'next';
import { SiteLink } from '@/components/site-link';
import { confirmCommenterEmail } from '@/lib/comments/commenter-actions';
import { inspectCommenterToken } from '@/lib/comments/commenters';

// Opening the emailed link changes nothing (mail scanners fetch links): the button proves the
// address, for the browser that presses it.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm your email', robots: { index: false, follow: false }, referrer: 'same-origin' };

const STATES = {
  expired: { title: 'This link has expired', text: 'Links work for 48 hours. Ask for a new one: we send at most one a day to an address.' },
  invalid: { title: 'This link does not work', text: 'It may have been used already, or be incomplete. Ask for a new one.' },
} as const;

type Props = { searchParams: Promise<{ token?: string | string[]; state?: string | string[] }> };

export default async function ConfirmCommenterPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : undefined;
  const given = params.state === 'expired' ? 'expired' : params.state ? 'invalid' : null;
  const state = given ?? (token ? inspectCommenterToken(token) : 'invalid');
  if (state === 'valid' && token) {
    return (
      <div className="notice">
        <h1>Confirm your email</h1>
        <form action={confirmCommenterEmail}>
          <input type="hidden" name="token" value={token} />
          <p>Press the button to confirm your address in this browser. You can comment from here as its owner.</p>
          <button type="submit">Confirm my email</button>
        </form>
      </div>
    );
  }
  const message = STATES[state === 'expired' ? 'expired' : 'invalid'];
  return (
    <div className="notice">
      <h1>{message.title}</h1>
      <p role="status">{message.text}</p>
      <p>
        <SiteLink href="/comments/prove">Ask for a new link</SiteLink>
      </p>
    </div>
  );
}
