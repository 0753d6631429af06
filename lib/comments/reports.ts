import 'server-only';
import { createHmac } from 'node:crypto';
import { and, count, countDistinct, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db';
import { articles, commentReports, comments, REPORT_REASONS, type ReportReason } from '@/db/schema';
import { articleTag, COMMENT_COUNTS_TAG } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';
import { env } from '@/lib/env';
import type { ClientKeys } from '@/lib/security/client';
import { clientLimits, takeRateLimits } from '@/lib/security/rate-limit';
import { keyFor } from '@/lib/security/secret';

// Readers report approved comments; enough reports from distinct addresses take a comment off the
// public page until a moderator restores it (the reports dismissed) or removes it. A reporter is
// kept only as salted hashes; a report's answer is the same whether it counted, repeated an
// earlier one or was over the limit, so nobody learns what others reported.

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  spam: 'Spam',
  abuse: 'Abuse or harassment',
  personal: 'Personal information',
  'off-topic': 'Off topic',
  other: 'Other',
};

export const REPORT_NOTE_MAX = 500;
export const REPORT_THANKS = 'Thank you. A moderator will look at it.';
/** Per client address (an IPv6 /64): reports an hour across all comments, as generous as a busy reader needs. */
export const REPORTS_PER_HOUR = 20;
/** Reports older than this no longer count towards taking a comment down (they stay on record). */
export const REPORT_WINDOW_DAYS = 30;

export const reportInputSchema = z.object({
  reason: z.enum(REPORT_REASONS, { error: 'Choose why you are reporting this comment.' }),
  note: z
    .string()
    .trim()
    .max(REPORT_NOTE_MAX, { error: `Keep the note to ${REPORT_NOTE_MAX} characters or fewer.` })
    .transform((v) => (v === '' ? null : v)),
  // A random id the page's script keeps in this browser's storage; absent without JavaScript.
  browser: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional()
    .catch(undefined),
});
export type ReportInput = z.output<typeof reportInputSchema>;

const browserHash = (browser: string) =>
  createHmac('sha256', keyFor('limit-hashes')).update(`browser\n${browser}`).digest('hex').slice(0, 32);

export type ReportOutcome =
  /** Counted, repeated or over the limit: the reporter is thanked the same way for each. */
  | { kind: 'received'; hidden: boolean }
  /** No approved comment of that id on that article: the page answers 404. */
  | { kind: 'not-found' };

/**
 * Records a report of an approved comment on the article `slug`. One per comment for each
 * address and each browser (a repeat is thanked and ignored); at most REPORTS_PER_HOUR an hour
 * per address. When the comment's open reports come from COMMENT_HIDE_AFTER_REPORTS distinct
 * addresses it becomes `reported`: off the public page (its article's cache tags invalidated)
 * and in the console's Reported tab.
 */
export function reportComment({
  slug,
  commentId,
  input,
  client,
  now = new Date(),
}: {
  slug: string;
  commentId: number;
  input: ReportInput;
  client: ClientKeys;
  now?: Date;
}): ReportOutcome {
  const outcome = getDb().transaction(
    (tx): ReportOutcome => {
      const target = tx
        .select({ id: comments.id })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(and(eq(comments.id, commentId), eq(articles.slug, slug), eq(comments.status, 'approved')))
        .get();
      if (!target) return { kind: 'not-found' };
      const limits = clientLimits(client, { bucket: 'report-ip-hour', limit: REPORTS_PER_HOUR, windowMs: 60 * 60 * 1000 });
      if (!takeRateLimits(tx, limits, now.getTime())) return { kind: 'received', hidden: false };
      const stored = tx
        .insert(commentReports)
        .values({
          commentId,
          reason: input.reason,
          note: input.note,
          ipHash: client.ipHash,
          networkHash: client.ipRangeHash ?? client.ipHash,
          browserHash: input.browser ? browserHash(input.browser) : null,
          createdAt: now,
        })
        .onConflictDoNothing()
        .returning({ id: commentReports.id })
        .get();
      if (!stored) return { kind: 'received', hidden: false };
      // Distinct networks (an IPv4 address, an IPv6 /48), recent and not dismissed: one line's many
      // IPv6 /64s count once.
      const networks =
        tx
          .select({ n: countDistinct(commentReports.networkHash) })
          .from(commentReports)
          .where(
            and(
              eq(commentReports.commentId, commentId),
              isNull(commentReports.dismissedAt),
              gte(commentReports.createdAt, new Date(now.getTime() - REPORT_WINDOW_DAYS * 86_400_000)),
            ),
          )
          .get()?.n ?? 0;
      if (networks < env.COMMENT_HIDE_AFTER_REPORTS) return { kind: 'received', hidden: false };
      // Staff comments stay up: a moderator reads their reports in the console.
      const hidden = tx
        .update(comments)
        .set({ status: 'reported', updatedAt: now })
        .where(and(eq(comments.id, commentId), eq(comments.status, 'approved'), eq(comments.isStaff, false)))
        .returning({ id: comments.id })
        .get();
      return { kind: 'received', hidden: Boolean(hidden) };
    },
    { behavior: 'immediate' },
  );
  if (outcome.kind === 'received' && outcome.hidden) invalidateCacheTags([articleTag(slug), COMMENT_COUNTS_TAG]);
  return outcome;
}

/**
 * Marks the open reports of comments as dismissed (a moderator kept them): they no longer count
 * towards hiding the comment. Inside the moderation's own transaction.
 */
export function dismissReports(tx: DbOrTx, commentIds: number[], actor: string, now: Date): void {
  if (commentIds.length === 0) return;
  tx.update(commentReports)
    .set({ dismissedAt: now, dismissedBy: actor })
    .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.dismissedAt)))
    .run();
}

export interface CommentReportSummary {
  reason: ReportReason;
  note: string | null;
  createdAt: Date;
}

/**
 * Undoes the latest dismissal of each comment's reports (Undo of a Restore puts the comment back
 * in the Reported tab, so its reports must be open again, reasons and notes with them).
 */
export function reopenLatestDismissal(tx: DbOrTx, commentIds: number[]): void {
  for (const commentId of commentIds) {
    tx.update(commentReports)
      .set({ dismissedAt: null, dismissedBy: null })
      .where(
        and(
          eq(commentReports.commentId, commentId),
          sql`${commentReports.dismissedAt} = (SELECT max(r.dismissed_at) FROM comment_reports r WHERE r.comment_id = ${commentId})`,
        ),
      )
      .run();
  }
}

/** Open (not dismissed) reports per comment, oldest first, for the console. */
export function openReportsFor(commentIds: number[]): Map<number, CommentReportSummary[]> {
  const out = new Map<number, CommentReportSummary[]>();
  if (commentIds.length === 0) return out;
  const rows = getDb()
    .select({
      commentId: commentReports.commentId,
      reason: commentReports.reason,
      note: commentReports.note,
      createdAt: commentReports.createdAt,
    })
    .from(commentReports)
    .where(and(inArray(commentReports.commentId, commentIds), isNull(commentReports.dismissedAt)))
    .orderBy(commentReports.createdAt, commentReports.id)
    .all();
  for (const { commentId, ...report } of rows) out.set(commentId, [...(out.get(commentId) ?? []), report]);
  return out;
}

/** What the overview shows moderators: comments hidden by reports, and open reports on comments still public. */
export function reportsWaiting(): { hidden: number; openOnPublic: number } {
  const db = getDb();
  const hidden = db.select({ n: count() }).from(comments).where(eq(comments.status, 'reported')).get()?.n ?? 0;
  const openOnPublic =
    db
      .select({ n: count() })
      .from(commentReports)
      .innerJoin(comments, eq(comments.id, commentReports.commentId))
      .where(and(isNull(commentReports.dismissedAt), eq(comments.status, 'approved')))
      .get()?.n ?? 0;
  return { hidden, openOnPublic };
}

/** The number of open reports on a comment, as a column for the console's rows. */
export const openReportCount = sql<number>`(SELECT count(*) FROM comment_reports r WHERE r.comment_id = ${comments.id} AND r.dismissed_at IS NULL)`;
