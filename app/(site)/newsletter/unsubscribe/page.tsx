import type { Metadata } from 'next';
import { findSubscriberByUnsubscribeToken } from '@/lib/newsletter/subscriptions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false }, referrer: 'no-referrer' };

type Props = { searchParams: Promise<{ token?: string | string[]; result?: string | string[] }> };

export default async function UnsubscribePage({ searchParams }: Props) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const result = typeof params.result === 'string' ? params.result : undefined;
  const subscriber = findSubscriberByUnsubscribeToken(token);
  const action = (path: string) => `${path}?token=${encodeURIComponent(token)}`;

  if (!subscriber || result === 'invalid') {
    return (
      <div className="notice">
        <h1>This link is not valid</h1>
        <p>
          We could not find a subscription for this unsubscribe link. If you keep receiving our newsletter, reply to it and we will remove
          you.
        </p>
      </div>
    );
  }

  if (result === 'resubscribed' || result === 'limited') {
    return (
      <div className="notice">
        <h1>{result === 'resubscribed' ? 'Check your inbox' : 'Please try again later'}</h1>
        <p role="status">
          {result === 'resubscribed'
            ? 'Almost done: check your inbox to confirm your subscription.'
            : 'We have sent several emails to this address recently. Please try again tomorrow.'}
        </p>
      </div>
    );
  }

  if (subscriber.status !== 'confirmed' && subscriber.status !== 'pending') {
    return (
      <div className="notice">
        <h1>You are unsubscribed</h1>
        <p role="status">
          {result === 'unsubscribed'
            ? 'You have been unsubscribed. You will not receive the newsletter any more.'
            : 'This address is not subscribed to the newsletter.'}
        </p>
        <form method="post" action={action('/api/newsletter/resubscribe')}>
          <p>Changed your mind?</p>
          <button type="submit" className="button--quiet">
            Resubscribe
          </button>
        </form>
      </div>
    );
  }

  return (
    <div className="notice">
      <h1>Unsubscribe from the newsletter</h1>
      <p>Press the button to stop receiving the newsletter at this address.</p>
      <form method="post" action={action('/api/newsletter/unsubscribe')}>
        <input type="hidden" name="from" value="page" />
        <button type="submit">Unsubscribe</button>
      </form>
    </div>
  );
}
