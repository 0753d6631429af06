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

const query = (action: CommenterLinkAction, id: number) => {
  const t = encodeURIComponent(commenterLinkToken(action, id));
  return action === 'forget' ? `t=${t}` : `what=${action}&t=${t}`;
};

/** The page a link opens (with a button: scanners that open links change nothing). */
export const commenterLinkPageUrl = (action: CommenterLinkAction, id: number) =>
  absoluteUrl(`/comments/${action === 'forget' ? 'forget' : 'unsubscribe'}?${query(action, id)}`);

/** RFC 8058 one-click: a POST to this URL, no cookie, stops the reply emails it names. */
export const oneClickStopUrl = (action: Exclude<CommenterLinkAction, 'forget'>, id: number) =>
  absoluteUrl(`/api/comments/unsubscribe?${query(action, id)}`);

export interface CommenterLinks {
  stopAll: string;
  forget: string;
}

/** The links every email to a commenter carries. */
export const commenterLinks = (commenterId: number): CommenterLinks => ({
  stopAll: commenterLinkPageUrl('all', commenterId),
  forget: commenterLinkPageUrl('forget', commenterId),
});
