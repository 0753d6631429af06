import { seal, unseal } from '@/lib/security/signing';

// The commenter's own pending comments are remembered in their browser, in a signed cookie that
// lists comment ids. Cached pages never read it; a small uncached request does (api/comments/mine).

export const PENDING_COOKIE = 'ledger_pending';
/** Readable by scripts, holds nothing but "1": tells the page whether asking is worth a request. */
export const PENDING_HINT_COOKIE = 'ledger_pending_hint';
export const PENDING_COOKIE_MAX_AGE = 30 * 24 * 60 * 60;
const MAX_IDS = 20;
const PURPOSE = 'pending-comments';

export function readPendingIds(secret: string, cookie: string | undefined): number[] {
  const value = unseal(secret, PURPOSE, cookie);
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
