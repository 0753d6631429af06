'use client';

import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type { PublicComment } from '@/lib/comments/queries';
import { PENDING_HEADER, PENDING_STORAGE_KEY } from '@/lib/comments/pending-keys';
import { CommentView } from './comment-view';

export const COMMENT_POSTED_EVENT = 'ledger:comment-posted';

/** This browser's signed list of pending comments, if it has posted any (and storage works). */
export function readPendingToken(): string | null {
  try {
    return window.localStorage.getItem(PENDING_STORAGE_KEY);
  } catch {
    return null;
  }
}

async function fetchMyPendingComments(slug: string, token: string): Promise<PublicComment[] | null> {
  const res = await fetch(`/api/comments/mine?article=${encodeURIComponent(slug)}`, { cache: 'no-store', headers: { [PENDING_HEADER]: token } });
  return res.ok ? ((await res.json()) as { comments: PublicComment[] }).comments : null;
}

/**
 * Shows the reader their own comments that await moderation, each in its place in the thread.
 * The page around it is cached and identical for everyone; only this browser asks, and only when
 * it has posted before (it keeps the signed list the comment action answered with).
 */
export function PendingComments({ slug }: { slug: string }) {
  const [comments, setComments] = useState<PublicComment[]>([]);

  useEffect(() => {
    const load = () => {
      // Only a browser that has posted a comment holds a token; others never ask.
      const token = readPendingToken();
      if (!token) return;
      void fetchMyPendingComments(slug, token)
        .then((list) => list && setComments(list))
        .catch(() => undefined);
    };
    load();
    window.addEventListener(COMMENT_POSTED_EVENT, load);
    return () => window.removeEventListener(COMMENT_POSTED_EVENT, load);
  }, [slug]);

  return (
    <>
      {comments.map((c) => {
        const slot = document.querySelector(`[data-replies-for="${c.parentId ?? 'root'}"]`) ?? document.querySelector('[data-replies-for="root"]');
        return slot
          ? createPortal(
              <CommentView key={c.id} comment={c} note="Your comment is awaiting moderation." />,
              slot,
              `pending-${c.id}`,
            )
          : null;
      })}
    </>
  );
}
