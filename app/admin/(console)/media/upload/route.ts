import { staffOrResponse } from '@/lib/auth/session';
import { receiveUpload } from '@/lib/media/upload';

export const dynamic = 'force-dynamic';

/** Uploads a picture (multipart: file, alt, credit). Editors and admins; see lib/media/upload.ts. */
export async function POST(request: Request) {
  const staff = await staffOrResponse('editor');
  if (staff instanceof Response) return staff;
  return receiveUpload(request, staff);
}
