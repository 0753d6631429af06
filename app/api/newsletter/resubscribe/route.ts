import { kickMailDelivery } from '@/lib/mail';
import { resubscribeByToken } from '@/lib/newsletter/subscriptions';
import { requestFingerprint } from '@/lib/security/client';
import { absoluteUrl } from '@/lib/site/urls';

/** "Resubscribe" on the unsubscribe page: the same double opt-in as a new sign-up. */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('token');
  const result = await resubscribeByToken(token, await requestFingerprint());
  if (result === 'resubscribed') kickMailDelivery();
  return new Response(null, {
    status: 303,
    headers: {
      Location: absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(token ?? '')}&result=${result}`),
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
    },
  });
}
