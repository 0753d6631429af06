import 'server-only';
import { keyFor } from '@/lib/security/secret';
import { readPendingIds } from './pending-token';
import { listOwnPendingComments } from './queries';
import { createFormStamp } from './spam';

export const newCommentFormStamp = () => createFormStamp(keyFor('form-stamps'));

export function listMyPendingComments({ slug, token }: { slug: string; token: string | null }) {
  return listOwnPendingComments({ slug, ids: readPendingIds(keyFor('credentials'), token) });
}
