import type { Metadata } from 'next';
import { ADDRESS_CHANGE_RESULTS } from '@/lib/newsletter/messages';
import { inspectAddressChangeToken } from '@/lib/newsletter/manage';

// The link in "Confirm your new address": opening it changes nothing (mail scanners fetch links,
// some run their scripts too), so the change takes a press of the button, a POST.
export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Confirm your new address', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

export default async function ConfirmAddressPage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : undefined;
  const state = params.result === 'expired' ? 'expired' : token && !params.result ? inspectAddressChangeToken(token) : 'invalid';

  if (state === 'valid' && token) {
    return (
      <div className="notice">
        <h1>Confirm your new address</h1>
        <form method="post" action="/api/newsletter/change-address">
          <input type="hidden" name="token" value={token} />
          <p>Press the button to have the newsletter sent to this address from now on.</p>
          <button type="submit">Confirm my new address</button>
        </form>
      </div>
    );
  }

  const message = ADDRESS_CHANGE_RESULTS[state === 'valid' ? 'invalid' : state];
  return (
    <div className="notice">
      <h1>{message.title}</h1>
      <p role="status">{message.text}</p>
    </div>
  );
}
