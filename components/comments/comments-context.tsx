'use client';

import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { PENDING_HEADER, PENDING_STORAGE_KEY } from '@/lib/comments/pending-keys';
import type { PendingComment } from '@/lib/comments/thread';

// What the parts of an article's comments share in the browser: the comment being replied to
// (Reply in the thread sets it, the form shows it) and the reader's own comments awaiting
// moderation (the form adds one, the thread shows each where it will appear). The page around it
// is cached and the same for everyone; only a browser that has posted asks for its own comments.

export interface ReplyTarget {
  id: number;
  name: string;
}

interface Comments {
  replyTo: ReplyTarget | undefined;
  setReplyTo: (target: ReplyTarget | undefined) => void;
  /** The signed list of this browser's pending comments, sent with the next post. */
  pendingToken: string | null;
  pending: PendingComment[];
  /** Keeps the list a post answered with, and shows what it holds. */
  posted: (pendingToken: string | undefined) => void;
}

const CommentsContext = createContext<Comments | null>(null);

export function useComments(): Comments {
  const comments = useContext(CommentsContext);
  if (!comments) throw new Error('useComments needs a CommentsProvider around it');
  return comments;
}

// The signed list lives in the browser's storage: the same for every tab, kept across visits.
const tokenListeners = new Set<() => void>();

function subscribeToToken(onChange: () => void) {
  tokenListeners.add(onChange);
  // Another tab of this browser posted a comment.
  window.addEventListener('storage', onChange);
  return () => {
    tokenListeners.delete(onChange);
    window.removeEventListener('storage', onChange);
  };
}

function storedToken(): string | null {
  try {
    return window.localStorage.getItem(PENDING_STORAGE_KEY);
  } catch {
    return null;
  }
}

/** Keeps the list a post answered with (a repeated post answers with none: nothing changed). */
function posted(token: string | undefined) {
  if (!token) return;
  try {
    window.localStorage.setItem(PENDING_STORAGE_KEY, token);
  } catch {
    /* private mode without storage: no preview, the comment is stored all the same */
  }
  tokenListeners.forEach((onChange) => onChange());
}

export function CommentsProvider({
  slug,
  replyTo: initialReplyTo,
  children,
}: {
  slug: string;
  replyTo?: ReplyTarget;
  children?: React.ReactNode;
}) {
  const [replyTo, setReplyTo] = useState(initialReplyTo);
  const pendingToken = useSyncExternalStore(subscribeToToken, storedToken, () => null);
  const [pending, setPending] = useState<PendingComment[]>([]);

  useEffect(() => {
    // Only a browser that has posted a comment holds a token; others never ask.
    if (!pendingToken) return;
    fetch(`/api/comments/mine?article=${encodeURIComponent(slug)}`, { cache: 'no-store', headers: { [PENDING_HEADER]: pendingToken } })
      .then((res) => (res.ok ? (res.json() as Promise<{ comments: PendingComment[] }>) : null))
      .then((data) => data && setPending(data.comments))
      .catch(() => undefined);
  }, [slug, pendingToken]);

  const value = useMemo(() => ({ replyTo, setReplyTo, pendingToken, pending, posted }), [replyTo, pendingToken, pending]);
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
