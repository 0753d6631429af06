import { SUBSCRIBER_STATUSES, type SubscriberStatus } from '@/db/schema';
import { staffOrResponse } from '@/lib/auth/session';
import { iterateSubscribersForExport } from '@/lib/newsletter/admin';

export const dynamic = 'force-dynamic';

function csv(value: unknown): string {
  const s = value instanceof Date ? value.toISOString() : value == null ? '' : String(value);
  // Quote every field; neutralise spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** Streams the (filtered) subscriber list as CSV, a page of rows at a time. */
export async function GET(request: Request) {
  const staff = await staffOrResponse();
  if (staff instanceof Response) return staff;
  const url = new URL(request.url);
  const status = SUBSCRIBER_STATUSES.find((s) => s === url.searchParams.get('status')) as SubscriberStatus | undefined;
  const q = url.searchParams.get('q')?.slice(0, 254) || undefined;
  const pages = iterateSubscribersForExport({ status, q });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('email,status,consent_source,consent_at,created_at,confirmed_at,unsubscribed_at\r\n'));
    },
    pull(controller) {
      const next = pages.next();
      if (next.done) return controller.close();
      const lines = next.value.map((r) =>
        [r.email, r.status, r.consentSource, r.consentAt, r.createdAt, r.confirmedAt, r.unsubscribedAt].map(csv).join(','),
      );
      controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="subscribers-${date}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
