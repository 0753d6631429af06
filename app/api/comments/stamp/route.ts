import { requestCredentialOwner } from '@/lib/comments/commenters';
import { newCommentFormStamp } from '@/lib/comments/queries';

// A fresh signed "form shown at" time for the comment form (the cached page's own stamp is older),
// and who this browser comments as if it proved an address: one request when the form appears.
// Only the browser holding the credential learns the address.
export const dynamic = 'force-dynamic';

export async function GET() {
  const owner = await requestCredentialOwner();
  return Response.json(
    { stamp: newCommentFormStamp(), ...(owner && { commenter: { email: owner.email, name: owner.name ?? '' } }) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  );
}
