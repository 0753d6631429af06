import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailOutbox } from '@/db/schema';
import { checkHeaders, checkRecipient, checkSubject } from './address';
import type { RenderedEmail } from './render';

export class InvalidEmailError extends Error {
  constructor(reason: string) {
    super(`Email refused: ${reason}`);
    this.name = 'InvalidEmailError';
  }
}

export interface EnqueueInput extends RenderedEmail {
  kind: string;
  to: string;
  headers?: Record<string, string>;
  /** Sent as Idempotency-Key and unique in the outbox; defaults to `outbox/<id>`. */
  idempotencyKey?: string;
  /** What the email is about (`subscriber:12`), so it can be cancelled with it. */
  ref?: string;
  /** Not before this time (defaults to now). */
  notBefore?: Date;
}

/**
 * Writes a fully rendered email into the outbox inside the caller's transaction, so the email
 * exists if and only if the change that caused it commits. Throws InvalidEmailError for a
 * recipient, subject or header that could inject or multiply messages.
 */
export function enqueueEmail(tx: DbOrTx, input: EnqueueInput): { id: number } {
  const recipient = checkRecipient(input.to);
  if (!recipient.ok) throw new InvalidEmailError(recipient.reason);
  const subjectProblem = checkSubject(input.subject);
  if (subjectProblem) throw new InvalidEmailError(subjectProblem);
  const headers = input.headers ?? {};
  const headerProblem = checkHeaders(headers);
  if (headerProblem) throw new InvalidEmailError(headerProblem);

  return tx
    .insert(emailOutbox)
    .values({
      kind: input.kind,
      recipient: recipient.address,
      subject: input.subject,
      html: input.html,
      text: input.text,
      headers,
      idempotencyKey: input.idempotencyKey ?? null,
      ref: input.ref ?? null,
      nextAttemptAt: input.notBefore ?? new Date(),
    })
    .returning({ id: emailOutbox.id })
    .get();
}

/** Cancels queued (not yet sending) emails about `ref`, e.g. when a subscriber is deleted. */
export function cancelQueuedEmails(tx: DbOrTx, ref: string): number {
  return tx
    .update(emailOutbox)
    .set({ status: 'cancelled', updatedAt: new Date(), lastError: 'cancelled' })
    .where(and(eq(emailOutbox.ref, ref), inArray(emailOutbox.status, ['queued'])))
    .run().changes;
}

export const idempotencyKeyOf = (row: { id: number; idempotencyKey: string | null }) => row.idempotencyKey ?? `outbox/${row.id}`;
