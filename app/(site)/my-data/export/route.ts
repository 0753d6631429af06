import { env } from '@/lib/env';
import { collectHoldings, holdingsDocument } from '@/lib/privacy/holdings';
import { requestSessionEmail } from '@/lib/privacy/requests';

export const dynamic = 'force-dynamic';

/** "Download my data": one JSON file of everything held for the session's address. */
export async function GET() {
  const email = await requestSessionEmail();
  const headers = { 'Cache-Control': 'private, no-store', 'Referrer-Policy': 'same-origin' };
  if (!email)
    return new Response('This download needs the link we emailed you, opened within the hour. Ask for one at /my-data.\n', {
      status: 403,
      headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const document = holdingsDocument(collectHoldings(email), { site: env.SITE_NAME });
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="my-data-${new Date().toISOString().slice(0, 10)}.json"`,
    },
  });
}
