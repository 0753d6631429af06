import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { contains } from '@/db/contains';
import { emailOutbox, OUTBOX_STATUSES, type OutboxStatus } from '@/db/schema';
import { logStaffAction } from '@/lib/staff/log';
import { emailHistories, recordEmailEvent } from './events';

// Staff-only view of the outbox: what is waiting, what failed, and a way to try again.

/**
 * Outbox rows, newest first, each with its history: by default what is waiting or failed (the
 * dashboard's view); given a recipient (any part of the address) or an id, every email that matches,
 * whatever its status, to answer "did my email go out?".
 */
export function listOutbox({
  statuses = ['queued', 'sending', 'failed'],
  recipient,
  id,
  limit = 200,
}: { statuses?: readonly OutboxStatus[]; recipient?: string; id?: number; limit?: number } = {}) {
  const where =
    id !== undefined ? eq(emailOutbox.id, id) : (contains(emailOutbox.recipient, recipient) ?? inArray(emailOutbox.status, [...statuses]));
  const db = getDb();
  const rows = db
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
      transport: emailOutbox.transport,
      bodyRemovedAt: emailOutbox.bodyRemovedAt,
    })
    .from(emailOutbox)
    .where(where)
    .orderBy(desc(emailOutbox.id))
    .limit(limit)
    .all();
  const histories = emailHistories(db, rows);
  return rows.map((r) => ({ ...r, history: histories.get(r.id) ?? [] }));
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
      if (retried) {
        logStaffAction(tx, { actor, action: 'email-retry', detail: `outbox #${id}`, link: `/admin/outbox?id=${id}` });
        recordEmailEvent(tx, [id], 'retried', { detail: `by ${actor}` });
      }
      return retried;
    },
    { behavior: 'immediate' },
  );
}

/** Every email the site sent or will send, newest first (the local mailbox). */
export const listMailbox = ({ limit = 100 }: { limit?: number } = {}) => listOutbox({ statuses: OUTBOX_STATUSES, limit });
