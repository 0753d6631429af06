import { staffOrResponse } from '@/lib/auth/session';
import { libraryResponse } from '@/lib/media/library';

export const dynamic = 'force-dynamic';

/** The media picker's list: the newest pictures as JSON, `?q=` on the file name. Editors and admins. */
export async function GET(request: Request) {
  const staff = await staffOrResponse('editor');
  if (staff instanceof Response) return staff;
  return libraryResponse(request);
}
