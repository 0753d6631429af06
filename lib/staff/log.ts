import 'server-only';
import type { DbOrTx } from '@/db';
import { moderationLog } from '@/db/schema';

/**
 * Records a staff action in the moderation log (shown at /admin/log). Pass the transaction that
 * makes the change, so the entry exists exactly when the change does.
 */
export function logStaffAction(
  tx: DbOrTx,
  entry: { actor: string; action: string; detail?: string; commentIds?: number[]; at?: Date },
): void {
  tx.insert(moderationLog)
    .values({ actor: entry.actor, action: entry.action, detail: entry.detail, commentIds: entry.commentIds ?? [], createdAt: entry.at })
    .run();
}
