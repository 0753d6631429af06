import 'server-only';
import { and, count, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { articles, comments, type CommentStatus } from '@/db/schema';
import { logStaffAction } from '@/lib/staff/log';
import { articleTag, COMMENT_COUNTS_TAG } from '@/lib/articles/cache-tags';
import { invalidateCacheTags } from '@/lib/cache/invalidate';

// Moderators' operations on comments. The command line (scripts/comments.ts) and the dashboard
// call these same functions: each writes moderation_log and invalidates exactly the articles whose
// public comments changed. Callers check who is acting before calling (requireStaff in the app).

export const MODERATION_ACTIONS = ['approve', 'unapprove', 'spam', 'not-spam', 'trash', 'restore', 'delete'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const TARGET: Record<Exclude<ModerationAction, 'delete'>, CommentStatus> = {
  approve: 'approved',
  unapprove: 'pending',
  spam: 'spam',
  'not-spam': 'pending',
  trash: 'trash',
  restore: 'pending',
};

/** Which current statuses each action applies to (e.g. delete forever only from the trash). */
const FROM: Record<ModerationAction, CommentStatus[]> = {
  approve: ['pending', 'spam', 'trash'],
  unapprove: ['approved'],
  spam: ['pending', 'approved', 'trash'],
  'not-spam': ['spam'],
  trash: ['pending', 'approved', 'spam'],
  restore: ['trash'],
  delete: ['trash'],
};

export interface ModerationResult {
  changed: number[];
  skipped: number[];
}

export function moderateComments({ ids, action, actor }: { ids: number[]; action: ModerationAction; actor: string }): ModerationResult {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0);
  if (unique.length === 0) return { changed: [], skipped: [] };
  const now = new Date();
  const { result, touched } = getDb().transaction(
    (tx) => {
      const rows = tx
        .select({ id: comments.id, status: comments.status, slug: articles.slug })
        .from(comments)
        .innerJoin(articles, eq(articles.id, comments.articleId))
        .where(inArray(comments.id, unique))
        .all();
      const eligible = rows.filter((r) => FROM[action].includes(r.status));
      const changed = eligible.map((r) => r.id);
      if (changed.length > 0) {
        if (action === 'delete') {
          tx.delete(comments).where(inArray(comments.id, changed)).run();
        } else {
          tx.update(comments)
            .set({ status: TARGET[action], moderatedAt: now, moderatedBy: actor, updatedAt: now })
            .where(inArray(comments.id, changed))
            .run();
        }
        logStaffAction(tx, { actor, action, commentIds: changed, at: now });
      }
      // Only articles whose public comments changed need their pages rebuilt.
      const touched = new Set(
        eligible.filter((r) => r.status === 'approved' || (action !== 'delete' && TARGET[action] === 'approved')).map((r) => r.slug),
      );
      return { result: { changed, skipped: unique.filter((id) => !changed.includes(id)) }, touched };
    },
    { behavior: 'immediate' },
  );
  if (touched.size > 0) invalidateCacheTags([...[...touched].map(articleTag), COMMENT_COUNTS_TAG]);
  return result;
}

export function countCommentsByStatus(): Record<CommentStatus, number> {
  const rows = getDb().select({ status: comments.status, n: count() }).from(comments).groupBy(comments.status).all();
  const out: Record<CommentStatus, number> = { pending: 0, approved: 0, spam: 0, trash: 0 };
  for (const r of rows) out[r.status] = r.n;
  return out;
}

export function getCommentStatus(id: number): CommentStatus | null {
  return getDb().select({ status: comments.status }).from(comments).where(and(eq(comments.id, id))).get()?.status ?? null;
}
