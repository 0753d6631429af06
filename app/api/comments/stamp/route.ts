import { newCommentFormStamp } from '@/lib/comments/queries';

// A fresh signed "form shown at" time for the comment form; the cached page's own stamp is older.
export const dynamic = 'force-dynamic';

export function GET() {
  return Response.json({ stamp: newCommentFormStamp() }, { headers: { 'Cache-Control': 'private, no-store' } });
}
