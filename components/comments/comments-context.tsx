'use client';

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, useSyncExternalStore, type RefObject } from 'react';
import { PENDING_HEADER, PENDING_STORAGE_KEY } from '@/lib/comments/pending-keys';
import type { PendingComment } from '@/lib/comments/thread';

// What the parts of an article's comments share in the browser: the comment being replied to
// (Reply in the thread sets it, and the form opens under it) and the reader's own comments awaiting
// moderation (the form adds one, the thread shows each where it will appear). The page around it
// is cached and the same for everyone; only a browser that has posted asks for its own comments.

export interface ReplyTarget {
  id: number;
  name: string;
}

/** What the form hands to itself when Reply or Cancel moves it: what was typed, and its last answer. */
/** The address this browser proved, and the name last used with it (lib/comments/commenters.ts). */
export interface Commenter {
  email: string;
  name: string;
}

export interface FormCarry {
  values?: Partial<Record<'body' | 'name' | 'email' | 'website', string>>;
  message?: string;
  /** The form's signed start time (lib/comments/rules.ts), so moving it does not restart the clock. */
  stamp?: string;
  /** Who the browser comments as, already asked: a moved form does not ask again. */
  commenter?: Commenter | null;
}

interface Comments {
  replyTo: ReplyTarget | undefined;
  setReplyTo: (target: ReplyTarget | undefined) => void;
  /** The signed list of this browser's pending comments, sent with the next post. */
  pendingToken: string | null;
  pending: PendingComment[];
  /** Keeps the list a post answered with, and shows what it holds. */
  posted: (pendingToken: string | undefined) => void;
  /**
   * The comment form, given once: shown under the comment being answered while there is one
   * (Reply, with JavaScript), else at the end of the thread. Null where the form stays put (the
   * no-JavaScript reply page renders its own).
   */
  form: React.ReactNode;
  /** What the form carries to its next place; set just before it moves, read when it renders there. */
  carry: RefObject<FormCarry | null>;
  /** The form in place registers how to read what it holds, so a move can take it along. */
  snapshot: RefObject<(() => FormCarry) | null>;
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
  form = null,
  children,
}: {
  slug: string;
  replyTo?: ReplyTarget;
  form?: React.ReactNode;
  children?: React.ReactNode;
}) {
  const [replyTo, setReplyToState] = useState(initialReplyTo);
  const carry = useRef<FormCarry | null>(null);
  const snapshot = useRef<(() => FormCarry) | null>(null);
  // Moving the form renders a new one at its new place before the old one is gone: what the old
  // one holds is read now, before the move, unless the form already said what to carry.
  const setReplyTo = useCallback(
    (target: ReplyTarget | undefined) => {
      if (form) carry.current ??= snapshot.current?.() ?? null;
      setReplyToState(target);
    },
    [form],
  );
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

  const value = useMemo(
    () => ({ replyTo, setReplyTo, pendingToken, pending, posted, form, carry, snapshot }),
    [replyTo, setReplyTo, pendingToken, pending, form],
  );
  return <CommentsContext.Provider value={value}>{children}</CommentsContext.Provider>;
}
