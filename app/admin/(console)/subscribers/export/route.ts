import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '@/db/schema';
import { staffOrResponse } from '@/lib/auth/session';
import { subscribersCsvStream } from '@/lib/newsletter/admin';

export const dynamic = 'force-dynamic';

/** Streams the (filtered) subscriber list as CSV, a page of rows at a time. Admins only. */
export async function GET(request: Request) {
  const staff = await staffOrResponse('admin');
  if (staff instanceof Response) return staff;
  const url = new URL(request.url);
  const status = SUBSCRIBER_STATUSES.find((s) => s === url.searchParams.get('status')) as SubscriberStatus | undefined;
  const q = url.searchParams.get('q')?.slice(0, 254) || undefined;
  const stream = subscribersCsvStream({ status, q });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="subscribers-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
