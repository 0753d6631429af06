import { PENDING_HEADER } from '@/lib/comments/pending-list';
import { listMyPendingComments } from '@/lib/comments/queries';
import { isValidSlug } from '@/lib/site/urls';

// The reader's own comments awaiting moderation on one article, from the signed token their
// browser keeps (sent in a header, so no cookie is involved and nothing here is cacheable).
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('article') ?? '';
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!isValidSlug(slug)) return Response.json({ comments: [] }, { status: 400, headers });
  const comments = listMyPendingComments({ slug, token: request.headers.get(PENDING_HEADER) });
  return Response.json({ comments }, { headers });
}
