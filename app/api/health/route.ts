import { databaseAnswers } from '@/lib/site/health';

// For the caches and supervisors in front (deploy/): 200 while this process answers and can read
// its database, 503 otherwise. Varnish probes it to decide when to serve stale pages.
export const dynamic = 'force-dynamic';

const headers = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'private, no-store' };

export function GET() {
  if (databaseAnswers()) return new Response('ok\n', { headers });
  return new Response('database unavailable\n', { status: 503, headers });
}
