import 'server-only';
import { keyFor } from '@/lib/security/secret';
import { seal, unseal } from '@/lib/security/signing';
import { absoluteUrl } from '@/lib/site/urls';

// The links in commenters' emails, signed so that only we can make them: stop reply emails about
// one comment or all of them (RFC 8058 one-click too), and forget every browser that proved the
// address. They carry ids, never the address.

export type CommenterLinkAction = 'thread' | 'all' | 'forget';

const PURPOSE: Record<CommenterLinkAction, string> = { thread: 'replies-thread', all: 'replies-all', forget: 'forget-browsers' };

export function commenterLinkToken(action: CommenterLinkAction, id: number): string {
  return seal(keyFor('commenter-links'), PURPOSE[action], String(id));
}

/** The id a link's token was made for, if it is genuine. */
export function readCommenterLinkToken(action: CommenterLinkAction, token: unknown): number | null {
  if (typeof token !== 'string' || token.length > 200) return null;
  const value = unseal(keyFor('commenter-links'), PURPOSE[action], token);
  return value && /^\d{1,12}$/.test(value) ? Number(value) : null;
}

export const confirmCommenterUrl = (token: string) => absoluteUrl(`/comments/confirm?token=${encodeURIComponent(token)}`);

/** The page a link opens (with a button: scanners that open links change nothing). */
export const commenterLinkPageUrl = (action: CommenterLinkAction, id: number) =>
  absoluteUrl(
    `/comments/${action === 'forget' ? 'forget' : 'unsubscribe'}?${action === 'forget' ? '' : `what=${action}&`}t=${encodeURIComponent(commenterLinkToken(action, id))}`,
  );

/** RFC 8058 one-click: a POST to this URL, no cookie, stops reply emails about the comment. */
export const oneClickRepliesUrl = (commentId: number) =>
  absoluteUrl(`/api/comments/unsubscribe?what=thread&t=${encodeURIComponent(commenterLinkToken('thread', commentId))}`);

export interface CommenterLinks {
  stopAll: string;
  forget: string;
}

/** The links every email to a commenter carries. */
export const commenterLinks = (commenterId: number): CommenterLinks => ({
  stopAll: commenterLinkPageUrl('all', commenterId),
  forget: commenterLinkPageUrl('forget', commenterId),
});
