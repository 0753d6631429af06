import { cookies } from 'next/headers';
import { PENDING_COOKIE } from '@/lib/comments/pending-cookie';
import { listMyPendingComments } from '@/lib/comments/session';
import { isValidSlug } from '@/lib/site/urls';

// The reader's own comments awaiting moderation on one article, from their signed cookie.
export const dynamic = 'force-dynamic';

export async function GET(request: Request) {
  const slug = new URL(request.url).searchParams.get('article') ?? '';
  const headers = { 'Cache-Control': 'private, no-store' };
  if (!isValidSlug(slug)) return Response.json({ comments: [] }, { status: 400, headers });
  const comments = listMyPendingComments({ slug, cookie: (await cookies()).get(PENDING_COOKIE)?.value });
  return Response.json({ comments }, { headers });
}
