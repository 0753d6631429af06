import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailOutbox, OUTBOX_STATUSES, type OutboxStatus } from '@/db/schema';
import { logStaffAction } from '@/lib/staff/log';

// Staff-only view of the outbox: what is waiting, what failed, and a way to try again.

/** Outbox rows, newest first: by default what is waiting or failed (the dashboard's view). */
export function listOutbox({
  statuses = ['queued', 'sending', 'failed'],
  limit = 200,
}: { statuses?: readonly OutboxStatus[]; limit?: number } = {}) {
  return getDb()
    .select({
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      recipient: emailOutbox.recipient,
      subject: emailOutbox.subject,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      nextAttemptAt: emailOutbox.nextAttemptAt,
      lastError: emailOutbox.lastError,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, [...statuses]))
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
}

/** Puts a failed email back in the queue with a fresh set of attempts, due now; logged. */
export function retryFailedEmail(id: number, actor: string): boolean {
  return getDb().transaction(
    (tx) => {
      const retried =
        tx
          .update(emailOutbox)
          .set({ status: 'queued', attempts: 0, nextAttemptAt: new Date(), updatedAt: new Date() })
          .where(and(eq(emailOutbox.id, id), eq(emailOutbox.status, 'failed')))
          .run().changes > 0;
      if (retried) logStaffAction(tx, { actor, action: 'email-retry', detail: `outbox #${id}` });
      return retried;
    },
    { behavior: 'immediate' },
  );
}

/** Every email the site sent or will send, newest first (the local mailbox). */
export const listMailbox = ({ limit = 100 }: { limit?: number } = {}) => listOutbox({ statuses: OUTBOX_STATUSES, limit });
