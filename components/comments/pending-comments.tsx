'use client';

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PublicComment } from '@/lib/comments/queries';
import { CommentView } from './comment-view';

export const COMMENT_POSTED_EVENT = 'ledger:comment-posted';
const HINT_COOKIE = 'ledger_pending_hint';

async function fetchMyPendingComments(slug: string): Promise<PublicComment[] | null> {
  const res = await fetch(`/api/comments/mine?article=${encodeURIComponent(slug)}`, { cache: 'no-store' });
  return res.ok ? ((await res.json()) as { comments: PublicComment[] }).comments : null;
}

/**
 * Shows the reader their own comments that await moderation, each in its place in the thread.
 * The page around it is cached and identical for everyone; only this browser asks, and only when
 * it has posted before.
 */
export function PendingComments({ slug, permalinkBase }: { slug: string; permalinkBase: string }) {
  const [comments, setComments] = useState<PublicComment[]>([]);

  useEffect(() => {
    const load = () =>
      fetchMyPendingComments(slug)
        .then((list) => list && setComments(list))
        .catch(() => undefined);
    // Only a browser that has posted a comment carries the hint cookie; others never ask.
    if (document.cookie.split('; ').some((c) => c.startsWith(`${HINT_COOKIE}=`))) void load();
    window.addEventListener(COMMENT_POSTED_EVENT, load);
    return () => window.removeEventListener(COMMENT_POSTED_EVENT, load);
  }, [slug]);

  return (
    <>
      {comments.map((c) => {
        const slot = document.querySelector(`[data-replies-for="${c.parentId ?? 'root'}"]`) ?? document.querySelector('[data-replies-for="root"]');
        return slot
          ? createPortal(
              <CommentView key={c.id} comment={c} permalinkBase={permalinkBase} note="Your comment is awaiting moderation." />,
              slot,
              `pending-${c.id}`,
            )
          : null;
      })}
    </>
  );
}
