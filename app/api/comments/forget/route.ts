import { followForgetLink } from '@/lib/comments/notifications';
import { absoluteUrl } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';

/** The button of the "Forget this browser" page: every browser that proved the address must prove it again. */
export function POST(request: Request) {
  const token = new URL(request.url).searchParams.get('t');
  const result = followForgetLink(token);
  const back = `/comments/forget?t=${encodeURIComponent(token ?? '')}&result=${result}`;
  return new Response(null, {
    status: 303,
    headers: { Location: absoluteUrl(back), 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'no-referrer' },
  });
}
