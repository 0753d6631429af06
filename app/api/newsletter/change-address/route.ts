import { confirmAddressChange } from '@/lib/newsletter/manage';
import { absoluteUrl } from '@/lib/site/urls';

/**
 * The new-address confirmation form posts here. A change made sends the browser to the
 * subscription page under its new token (the old one was retired with the old address);
 * otherwise to the link's page with the outcome, without the token.
 */
export async function POST(request: Request) {
  let token: unknown = null;
  try {
    token = (await request.formData()).get('token');
  } catch {
    /* not a form post */
  }
  const outcome = confirmAddressChange(token);
  const next =
    outcome.result === 'changed'
      ? `/newsletter/manage?token=${encodeURIComponent(outcome.manageToken)}&result=address-changed`
      : `/newsletter/confirm-address?result=${outcome.result}`;
  return new Response(null, {
    status: 303,
    headers: { Location: absoluteUrl(next), 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' },
  });
}
