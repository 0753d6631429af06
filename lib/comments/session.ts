import 'server-only';
import { appSecret } from '@/lib/security/secret';
import { readPendingIds } from './pending-cookie';
import { listOwnPendingComments } from './queries';
import { createFormStamp } from './spam';

export const newCommentFormStamp = () => createFormStamp(appSecret());

export function listMyPendingComments({ slug, cookie }: { slug: string; cookie: string | undefined }) {
  return listOwnPendingComments({ slug, ids: readPendingIds(appSecret(), cookie) });
}
