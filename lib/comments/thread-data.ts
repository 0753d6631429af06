import type { PublicComment } from './queries';

// The approved thread crosses from the server to the browser as data, and the browser's
// CommentThread renders it (into the HTML on the server, then hydrating it). Sent as rendered
// elements, every comment's markup would be spelled out a second time in the RSC payload inlined
// in the page; as data it is little more than its text. The page carries every entry once, so an
// entry is a tuple, not an object whose key names would repeat 50 times.

/**
 * One approved comment as the page sends it, built only from the public fields of PublicComment
 * (never an email or IP hash). The optional tail is left off when empty: `authorUrl` is `''` only
 * when `isStaff` follows it.
 */
export type ThreadEntry = [
  id: number,
  depth: number,
  authorName: string,
  body: string,
  /** createdAt in ms since the epoch; `<time datetime>` is its ISO form. */
  createdAtMs: number,
  /**
   * The date as shown, formatted on the server: Intl's output depends on the engine's ICU data, so
   * a browser formatting it again could produce other text and a hydration mismatch.
   */
  createdText: string,
  authorUrl?: string,
  isStaff?: 1,
];

/** What CommentView shows. `createdText`, when given, is used as is instead of formatting `createdAt`. */
export type ShownComment = Pick<PublicComment, 'id' | 'authorName' | 'authorUrl' | 'body' | 'createdAt' | 'isStaff'> & {
  createdText?: string;
};

export function toThreadEntry(c: PublicComment, createdText: string): ThreadEntry {
  const entry: ThreadEntry = [c.id, c.depth, c.authorName, c.body, Date.parse(c.createdAt), createdText];
  if (c.authorUrl || c.isStaff) entry.push(c.authorUrl ?? '');
  if (c.isStaff) entry.push(1);
  return entry;
}

/** A comment of the thread with its replies, for markup that nests them as a screen reader should hear them. */
export interface ThreadNode {
  entry: ThreadEntry;
  replies: ThreadNode[];
}

/**
 * Nests the entries of one page of the thread. They arrive in thread order (each comment followed
 * by its replies) with their depth, so the parent need not be sent: an entry at depth d belongs to
 * the nearest entry before it at depth d - 1. A reply to a level-3 comment is stored at level 3,
 * so it lands beside that comment, under the same parent.
 */
export function nestThread(entries: ThreadEntry[]): ThreadNode[] {
  const roots: ThreadNode[] = [];
  /** The latest node at each depth so far: `open[d - 1]` is the one at depth d. */
  const open: ThreadNode[] = [];
  for (const entry of entries) {
    const node: ThreadNode = { entry, replies: [] };
    open.length = Math.min(open.length, Math.max(entry[1] - 1, 0));
    (open.at(-1)?.replies ?? roots).push(node);
    open.push(node);
  }
  return roots;
}

export function fromThreadEntry([id, depth, authorName, body, createdAtMs, createdText, authorUrl, isStaff]: ThreadEntry): ShownComment & {
  depth: number;
} {
  return {
    id,
    depth,
    authorName,
    authorUrl: authorUrl || null,
    body,
    // toISOString is exact and the same in every engine, unlike the text.
    createdAt: new Date(createdAtMs).toISOString(),
    createdText,
    isStaff: isStaff === 1,
  };
}
