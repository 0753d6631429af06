import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { emailOutbox, moderationLog } from '@/db/schema';

// Staff-only view of the outbox: what is waiting, what failed, and a way to try again.

export function listOutbox({ statuses = ['queued', 'sending', 'failed'] as const }: { statuses?: readonly ('queued' | 'sending' | 'failed' | 'sent' | 'cancelled')[] } = {}) {
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
    })
    .from(emailOutbox)
    .where(inArray(emailOutbox.status, [...statuses]))
    .orderBy(desc(emailOutbox.id))
    .limit(200)
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
      if (retried) tx.insert(moderationLog).values({ actor, action: 'email-retry', commentIds: [], detail: `outbox #${id}` }).run();
      return retried;
    },
    { behavior: 'immediate' },
  );
}
