import { staffOrResponse } from '@/lib/auth/session';
import { env } from '@/lib/env';
import { exportForStaff } from '@/lib/privacy/holdings';

export const dynamic = 'force-dynamic';

/** The same JSON file a reader downloads from My data, for an admin answering a request by email. Logged. */
export async function GET(request: Request) {
  const staff = await staffOrResponse('admin');
  if (staff instanceof Response) return staff;
  const email = (new URL(request.url).searchParams.get('email') ?? '').trim().slice(0, 254);
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!email) return new Response('Which address? Add ?email=…\n', { status: 400, headers: { ...headers, 'Content-Type': 'text/plain' } });
  const document = exportForStaff(email, { actor: staff.email, site: env.SITE_NAME });
  return new Response(`${JSON.stringify(document, null, 2)}\n`, {
    headers: {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="data-${new Date().toISOString().slice(0, 10)}.json"`,
    },
  });
}
