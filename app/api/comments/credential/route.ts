import { cookies } from 'next/headers';
import { CREDENTIAL_COOKIE, forgetCredential } from '@/lib/comments/commenters';

export const dynamic = 'force-dynamic';

/** "Not you?" under the comment form: this browser's credential stops working, and it forgets it. */
export async function DELETE() {
  const jar = await cookies();
  forgetCredential(jar.get(CREDENTIAL_COOKIE)?.value);
  jar.delete({ name: CREDENTIAL_COOKIE, path: '/' });
  return new Response(null, { status: 204, headers: { 'Cache-Control': 'private, no-store' } });
}
