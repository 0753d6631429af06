import { followStopLink } from '@/lib/comments/notifications';
import { absoluteUrl } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
const noStore = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' };

/**
 * Stops reply emails: RFC 8058 one-click (a POST to the List-Unsubscribe URL, no cookie), or the
 * button of the page the email's link opens, which is sent back to that page.
 */
export async function POST(request: Request) {
  const url = new URL(request.url);
  const what = url.searchParams.get('what');
  const token = url.searchParams.get('t');
  let fromPage = false;
  try {
    fromPage = (await request.formData()).get('from') === 'page';
  } catch {
    /* a one-click request may have no form body */
  }
  const result = followStopLink(what, token);
  if (fromPage) {
    const back = `/comments/unsubscribe?what=${encodeURIComponent(what ?? '')}&t=${encodeURIComponent(token ?? '')}&result=${result}`;
    return new Response(null, { status: 303, headers: { Location: absoluteUrl(back), ...noStore } });
  }
  if (result === 'invalid') return new Response('Unknown link.\n', { status: 404, headers: { 'Content-Type': 'text/plain', ...noStore } });
  return new Response('You will get no more of these emails.\n', { status: 200, headers: { 'Content-Type': 'text/plain', ...noStore } });
}
