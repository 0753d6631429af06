import { headers } from 'next/headers';
import { kickMailDelivery } from '@/lib/mail';
import { findSubscriberByUnsubscribeToken, requestSubscription } from '@/lib/newsletter/subscriptions';
import { clientIpFrom, hashIp } from '@/lib/security/client';
import { absoluteUrl } from '@/lib/site/urls';

/** "Resubscribe" on the unsubscribe page: the same double opt-in as a new sign-up. */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token');
  const subscriber = findSubscriberByUnsubscribeToken(token);
  let result = 'invalid';
  if (subscriber) {
    const outcome = await requestSubscription({
      rawEmail: subscriber.email,
      source: '/newsletter/unsubscribe',
      ipHash: hashIp(clientIpFrom(await headers())),
    });
    result = outcome.ok ? 'resubscribed' : 'limited';
    if (outcome.ok) kickMailDelivery();
  }
  return new Response(null, {
    status: 303,
    headers: {
      Location: absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(token ?? '')}&result=${result}`),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
