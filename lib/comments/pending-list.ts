import { seal, unseal } from '@/lib/security/signing';

// The commenter's own pending comments are remembered in their browser (local storage), as a
// signed list of comment ids that the comment action hands back. Cached pages never see it; the
// page's script sends it to a small uncached request (api/comments/mine) to show them in place.

export { PENDING_HEADER, PENDING_STORAGE_KEY } from './pending-keys';
const MAX_IDS = 20;
const PURPOSE = 'pending-comments';

export function readPendingIds(secret: string, token: string | null | undefined): number[] {
  const value = unseal(secret, PURPOSE, token);
  if (!value) return [];
  return value
    .split('-')
    .filter((v) => /^\d{1,12}$/.test(v))
    .map(Number);
}

/** Adds `id`, keeping the newest MAX_IDS. */
export function writePendingIds(secret: string, ids: number[], id: number): string {
  const next = [...ids.filter((x) => x !== id), id].slice(-MAX_IDS);
  return seal(secret, PURPOSE, next.join('-'));
}
