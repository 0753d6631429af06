import 'server-only';
import type { DbOrTx } from '@/db';
import { moderationLog } from '@/db/schema';

/**
 * Records a staff action in the moderation log (shown at /admin/log). Pass the transaction that
 * makes the change, so the entry exists exactly when the change does.
 */
export function logStaffAction(
  tx: DbOrTx,
  entry: {
    actor: string;
    action: string;
    detail?: string;
    commentIds?: number[];
    /** Where in the dashboard the thing acted on is, so the log links to it. */
    link?: string;
    at?: Date;
  },
): void {
  tx.insert(moderationLog)
    .values({
      actor: entry.actor,
      action: entry.action,
      detail: entry.detail,
      commentIds: entry.commentIds ?? [],
      link: entry.link,
      createdAt: entry.at,
    })
    .run();
}
