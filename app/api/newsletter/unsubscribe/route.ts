import { unsubscribe } from '@/lib/newsletter/subscriptions';
import { absoluteUrl } from '@/lib/site/urls';

const noStore = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * RFC 8058 one-click unsubscribe: a POST with body `List-Unsubscribe=One-Click` and the token in
 * the URL, no cookie, answered 200. The unsubscribe page's button posts here too and is sent back
 * to the page.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const token = url.searchParams.get('token');
  let fromPage = false;
  try {
    fromPage = (await request.formData()).get('from') === 'page';
  } catch {
    /* an empty or non-form body is still a one-click request */
  }
  const result = unsubscribe(token);
  if (fromPage) {
    const next =
      result === 'invalid'
        ? '/newsletter/unsubscribe?result=invalid'
        : `/newsletter/unsubscribe?token=${encodeURIComponent(token ?? '')}&result=unsubscribed`;
    return new Response(null, { status: 303, headers: { Location: absoluteUrl(next), ...noStore } });
  }
  if (result === 'invalid')
    return new Response('Unknown unsubscribe link.\n', { status: 404, headers: { 'Content-Type': 'text/plain', ...noStore } });
  return new Response('You are unsubscribed.\n', { status: 200, headers: { 'Content-Type': 'text/plain', ...noStore } });
}

/** A person who opens the link itself gets the page with the Unsubscribe button. */
export function GET(request: Request) {
  const token = new URL(request.url).searchParams.get('token') ?? '';
  return new Response(null, {
    status: 303,
    headers: { Location: absoluteUrl(`/newsletter/unsubscribe?token=${encodeURIComponent(token)}`), ...noStore },
  });
}
