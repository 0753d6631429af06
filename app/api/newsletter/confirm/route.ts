import { kickMailDelivery } from '@/lib/mail';
import { confirmSubscription } from '@/lib/newsletter/subscriptions';
import { absoluteUrl } from '@/lib/site/urls';

/** The confirmation form posts here; the answer is a redirect to the result, without the token. */
export async function POST(request: Request) {
  let token: unknown = null;
  try {
    token = (await request.formData()).get('token');
  } catch {
    /* not a form post */
  }
  const result = await confirmSubscription(token);
  if (result === 'confirmed') kickMailDelivery();
  const outcome = result === 'valid' ? 'invalid' : result;
  return new Response(null, {
    status: 303,
    headers: {
      Location: absoluteUrl(`/newsletter/confirm?result=${outcome}`),
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    },
  });
}
