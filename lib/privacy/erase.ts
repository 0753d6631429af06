import 'server-only';
import { createElement } from 'react';
import { and, count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import {
  articles,
  blocklist,
  commentReports,
  commenters,
  comments,
  dataRequests,
  emailEvents,
  emailOutbox,
  moderationLog,
  subscribers,
} from '@/db/schema';
import DataErased, { dataErasedSubject, type ErasedCounts } from '@/emails/data-erased';
import { articleTag, COMMENT_COUNTS_TAG } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { brand, cancelQueuedEmails, enqueueEmail, renderEmail } from '@/lib/mail';
import { subscriberRef } from '@/lib/newsletter/subscriptions';
import { logStaffAction } from '@/lib/staff/log';
import { storedSpellings } from './holdings';
import { erasedBlockValue, suppress } from './suppression';

// Erasure ("delete everything you hold on me"), for the reader's My data page, for admins and for
// `npm run data -- erase`. One transaction: everything listed below goes, or nothing does.

/** What an outbox row's recipient becomes once its address is erased. */
export const ERASED_RECIPIENT = '(erased)';
/** What the staff log says where an erased address was. */
export const ERASED_IN_LOG = '[erased address]';
/** The outbox kind of the confirmation, whose recipient is forgotten once it has gone (forgetSentErasureNotices). */
export const ERASURE_NOTICE_KIND = 'data_erased';

export interface ErasureSummary extends ErasedCounts {
  /** Whether anything at all was held. */
  anything: boolean;
}

/** What erasing the address would remove, read without changing anything. */
function countErasable(tx: DbOrTx, spellings: string[]): ErasedCounts {
  const own = tx
    .select({ id: comments.id, status: comments.status })
    .from(comments)
    .where(and(inArray(comments.authorEmail, spellings), isNull(comments.erasedAt), eq(comments.isStaff, false)))
    .all();
  const keep = own.filter((c) => c.status === 'approved' && hasPublicReplies(tx, c.id)).length;
  return {
    comments: own.length - keep,
    commentsLeftAsRemoved: keep,
    subscription: Boolean(tx.select({ id: subscribers.id }).from(subscribers).where(inArray(subscribers.email, spellings)).get()),
    commenter: Boolean(tx.select({ id: commenters.id }).from(commenters).where(inArray(commenters.email, spellings)).get()),
    emails: tx.select({ n: count() }).from(emailOutbox).where(inArray(emailOutbox.recipient, spellings)).get()?.n ?? 0,
  };
}

/** Approved replies hang from the comment: removing it would leave them answering nothing. */
function hasPublicReplies(tx: DbOrTx, id: number): boolean {
  return Boolean(
    tx
      .select({ id: comments.id })
      .from(comments)
      .where(and(eq(comments.parentId, id), eq(comments.status, 'approved')))
      .limit(1)
      .get(),
  );
}

const sameCounts = (a: ErasedCounts, b: ErasedCounts) =>
  a.comments === b.comments &&
  a.commentsLeftAsRemoved === b.commentsLeftAsRemoved &&
  a.subscription === b.subscription &&
  a.emails === b.emails;

/**
 * Erases everything held for the address:
 * - its comments, every status; an approved one that others answered stays as an empty row shown
 *   as "Comment removed at the author's request." (no name, address, text, website or IP hash);
 * - its subscriber row with the consent record, sections and tokens, and what was queued for it;
 *   an address change waiting to move a subscription to it is dropped;
 * - the address in the outbox (recipient and bodies; the provider's event details), the staff log
 *   and the blocklist (a blocked address stays blocked, as a salted hash);
 * - its My data links and sessions, the proof of the address and every browser's credential
 *   (commenters; their reply notifications go with them);
 * and adds a salted hash of the address to the suppression list. The owner is sent one email that
 * says what was erased, when anything was. Pages that showed their comments change within a second.
 */
export async function eraseAddress(
  rawEmail: string,
  { actor, now = new Date(), notify = true }: { actor: string; now?: Date; notify?: boolean },
): Promise<ErasureSummary> {
  const spellings = storedSpellings(rawEmail);
  const to = spellings.at(-1);
  if (!to) return { anything: false, comments: 0, commentsLeftAsRemoved: 0, subscription: false, commenter: false, emails: 0 };
  const db = getDb();

  // The confirmation is rendered before the transaction (rendering is asynchronous) from the
  // counts as they are; should they change before it starts, it is rendered again.
  for (let attempt = 0; ; attempt++) {
    const expected = countErasable(db, spellings);
    const notice = notify
      ? await renderEmail(dataErasedSubject({ brand: brand() }), createElement(DataErased, { brand: brand(), erased: expected }))
      : null;
    const outcome = db.transaction(
      (tx) => {
        const counts = countErasable(tx, spellings);
        if (!sameCounts(counts, expected) && attempt < 3) return null;
        const result = eraseInTransaction(tx, spellings, now);
        const anything = counts.comments + counts.commentsLeftAsRemoved + counts.emails > 0 || counts.subscription || counts.commenter;
        logStaffAction(tx, {
          actor,
          action: 'data-erase',
          detail: anything ? describeErased(counts) : 'nothing was held for the address',
          at: now,
        });
        if (anything && notice) enqueueEmail(tx, { kind: ERASURE_NOTICE_KIND, to, ...notice });
        return { summary: { anything, ...counts }, slugs: result.slugs };
      },
      { behavior: 'immediate' },
    );
    if (!outcome) continue;
    if (outcome.slugs.length > 0) invalidateCacheTags([...outcome.slugs.map(articleTag), COMMENT_COUNTS_TAG]);
    return outcome.summary;
  }
}

function eraseInTransaction(tx: DbOrTx, spellings: string[], now: Date): { slugs: string[] } {
  // Comments.
  const own = tx
    .select({ id: comments.id, status: comments.status, slug: articles.slug })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(inArray(comments.authorEmail, spellings), isNull(comments.erasedAt), eq(comments.isStaff, false)))
    .all();
  const slugs = new Set<string>();
  const kept: number[] = [];
  const deleted: number[] = [];
  for (const c of own) {
    if (c.status === 'approved' || c.status === 'reported') slugs.add(c.slug);
    (c.status === 'approved' && hasPublicReplies(tx, c.id) ? kept : deleted).push(c.id);
  }
  for (const ids of chunks(kept)) {
    tx.update(comments)
      .set({
        authorName: '',
        authorEmail: '',
        authorUrl: null,
        body: '',
        heldReasons: [],
        ipHash: null,
        userAgent: null,
        editedAt: null,
        notifyReplies: false,
        erasedAt: now,
        updatedAt: now,
      })
      .where(inArray(comments.id, ids))
      .run();
    // Readers' reasons and notes describe what the comment said.
    tx.delete(commentReports).where(inArray(commentReports.commentId, ids)).run();
  }
  // Their replies stay (the comment's parent is set to null): other people's words.
  for (const ids of chunks(deleted)) tx.delete(comments).where(inArray(comments.id, ids)).run();

  // The subscription, and an address change that would have moved another one here.
  for (const row of tx.select({ id: subscribers.id }).from(subscribers).where(inArray(subscribers.email, spellings)).all()) {
    cancelQueuedEmails(tx, subscriberRef(row.id));
    tx.delete(subscribers).where(eq(subscribers.id, row.id)).run();
  }
  tx.update(subscribers)
    .set({ newEmail: null, newEmailTokenHash: null, newEmailExpiresAt: null, updatedAt: now })
    .where(inArray(subscribers.newEmail, spellings))
    .run();

  // The outbox keeps that an email went, and when; not to whom, nor what it said.
  const sent = tx
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(inArray(emailOutbox.recipient, spellings))
    .all()
    .map((r) => r.id);
  for (const ids of chunks(sent)) {
    tx.update(emailOutbox)
      .set({
        recipient: ERASED_RECIPIENT,
        html: '',
        text: '',
        headers: {},
        vars: null,
        sharedEmailId: null,
        lastError: null,
        bodyRemovedAt: now,
      })
      .where(inArray(emailOutbox.id, ids))
      .run();
    // One being sent right now too: its claim goes, so the sender's report of the attempt (which
    // may quote the address) is not written back.
    tx.update(emailOutbox)
      .set({ status: 'cancelled', lastError: 'cancelled: the address was erased', claimToken: null, claimedAt: null, updatedAt: now })
      .where(and(inArray(emailOutbox.id, ids), inArray(emailOutbox.status, ['queued', 'failed', 'sending'])))
      .run();
    tx.update(emailEvents).set({ detail: null }).where(inArray(emailEvents.outboxId, ids)).run();
  }

  // The staff log: blocking, unblocking and other entries that named the address, in their
  // words or in the link to the commenter's history.
  for (const spelling of spellings) {
    const encoded = encodeURIComponent(spelling).toLowerCase();
    const rows = tx
      .select({ id: moderationLog.id, detail: moderationLog.detail, link: moderationLog.link })
      .from(moderationLog)
      .where(
        sql`instr(lower(${moderationLog.detail}), ${spelling}) > 0 or instr(lower(${moderationLog.link}), ${encoded}) > 0 or instr(lower(${moderationLog.link}), ${spelling}) > 0`,
      )
      .all();
    for (const row of rows)
      tx.update(moderationLog)
        .set({
          detail: row.detail === null ? null : replaceAll(row.detail, spelling, ERASED_IN_LOG),
          link: row.link && (row.link.toLowerCase().includes(encoded) || row.link.toLowerCase().includes(spelling)) ? null : row.link,
        })
        .where(eq(moderationLog.id, row.id))
        .run();
  }

  // A blocked address stays blocked, by its hash (lib/comments/store.ts matches either).
  for (const spelling of spellings) {
    const entry = tx
      .select({ id: blocklist.id })
      .from(blocklist)
      .where(and(eq(blocklist.kind, 'email'), eq(blocklist.value, spelling)))
      .get();
    if (!entry) continue;
    const hashed = erasedBlockValue(spelling);
    const exists = tx
      .select({ id: blocklist.id })
      .from(blocklist)
      .where(and(eq(blocklist.kind, 'email'), eq(blocklist.value, hashed)))
      .get();
    if (exists) tx.delete(blocklist).where(eq(blocklist.id, entry.id)).run();
    else tx.update(blocklist).set({ value: hashed, note: 'an erased address' }).where(eq(blocklist.id, entry.id)).run();
  }

  // The proof of the address, every browser's credential, and the replies waiting to be told.
  tx.delete(commenters).where(inArray(commenters.email, spellings)).run();
  tx.delete(dataRequests).where(inArray(dataRequests.email, spellings)).run();
  for (const spelling of spellings) suppress(tx, spelling, 'erased', now);
  return { slugs: [...slugs] };
}

/** "2 comments, a newsletter subscription and the records of 5 emails": for the staff log, without the address. */
export function describeErased(c: ErasedCounts): string {
  const parts: string[] = [];
  const n = c.comments + c.commentsLeftAsRemoved;
  if (n > 0)
    parts.push(
      `${n} ${n === 1 ? 'comment' : 'comments'}${c.commentsLeftAsRemoved > 0 ? ` (${c.commentsLeftAsRemoved} left as "removed" under replies)` : ''}`,
    );
  if (c.subscription) parts.push('a newsletter subscription');
  if (c.commenter) parts.push('the proof of the address for comments');
  if (c.emails > 0) parts.push(`the records of ${c.emails} ${c.emails === 1 ? 'email' : 'emails'}`);
  return parts.length <= 1 ? (parts[0] ?? 'nothing') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * Forgets the recipient of erasure confirmations once they are no longer going anywhere (sent,
 * cancelled or given up): the confirmation is the one email an erased address is sent.
 */
export function forgetSentErasureNotices(tx: DbOrTx, now = new Date()): number {
  return tx
    .update(emailOutbox)
    .set({ recipient: ERASED_RECIPIENT, html: '', text: '', headers: {}, bodyRemovedAt: now })
    .where(
      and(
        eq(emailOutbox.kind, ERASURE_NOTICE_KIND),
        inArray(emailOutbox.status, ['sent', 'cancelled', 'failed']),
        sql`${emailOutbox.recipient} <> ${ERASED_RECIPIENT}`,
      ),
    )
    .run().changes;
}

function replaceAll(text: string, needle: string, by: string): string {
  let out = text;
  for (let at = out.toLowerCase().indexOf(needle); at >= 0; at = out.toLowerCase().indexOf(needle, at + by.length))
    out = out.slice(0, at) + by + out.slice(at + needle.length);
  return out;
}

function chunks(ids: number[], size = 500): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}
