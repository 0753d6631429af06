import 'server-only';
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db';
import { emailOutbox } from '@/db/schema';
import { checkHeaders, checkRecipient, checkSubject } from './address';
import { InvalidEmailError } from './errors';
import type { RenderedEmail } from './render';
import { isPlaceholder } from './shared-emails';
import { recordEmailEvent } from './events';

export { InvalidEmailError } from './errors';

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
  /** A send this email belongs to (`issue:7`). */
  groupKey?: string;
}

export interface EnqueueSharedCopyInput {
  kind: string;
  to: string;
  sharedEmailId: number;
  /** This recipient's values for the shared email's placeholders. */
  vars: Record<string, string>;
  /** Shown in the outbox; the subject sent is the shared email's. */
  subject: string;
  idempotencyKey: string;
  ref?: string;
  groupKey?: string;
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
      groupKey: input.groupKey ?? null,
      nextAttemptAt: input.notBefore ?? new Date(),
    })
    .returning({ id: emailOutbox.id })
    .get();
}

function checkTemplateInput(input: EnqueueSharedCopyInput): string {
  const recipient = checkRecipient(input.to);
  if (!recipient.ok) throw new InvalidEmailError(recipient.reason);
  for (const [key, value] of Object.entries(input.vars)) {
    if (!isPlaceholder(key)) throw new InvalidEmailError(`"${key}" is not a placeholder name`);
    if (/[\r\n\0<>"]/.test(value)) throw new InvalidEmailError(`value for ${key} is not safe to put in an email`);
  }
  return recipient.address;
}

/**
 * Prepares a queue of many recipients' copies of shared emails, for a mass send: one prepared
 * statement for the whole chunk (an insert built per row costs about ten times as much). The
 * returned function queues one copy and returns false when an email with the same idempotency
 * key is already there, so re-running a half-finished send adds no copies.
 */
export function prepareSharedEmailEnqueue(tx: DbOrTx): (input: EnqueueSharedCopyInput) => boolean {
  const p = (name: string) => sql.placeholder(name);
  const statement = tx
    .insert(emailOutbox)
    .values({
      kind: p('kind'),
      recipient: p('recipient'),
      subject: p('subject'),
      html: '',
      text: '',
      sharedEmailId: p('sharedEmailId'),
      vars: p('vars'),
      idempotencyKey: p('idempotencyKey'),
      ref: p('ref'),
      groupKey: p('groupKey'),
    })
    .onConflictDoNothing({ target: emailOutbox.idempotencyKey })
    .prepare();
  return (input) => {
    const recipient = checkTemplateInput(input);
    const result = statement.run({
      kind: input.kind,
      recipient,
      subject: input.subject,
      sharedEmailId: input.sharedEmailId,
      vars: input.vars,
      idempotencyKey: input.idempotencyKey,
      ref: input.ref ?? null,
      groupKey: input.groupKey ?? null,
    });
    return result.changes > 0;
  };
}

/** Cancels queued (not yet sending) emails about `ref`, e.g. when a subscriber is deleted. */
export function cancelQueuedEmails(tx: DbOrTx, ref: string): number {
  const cancelled = tx
    .update(emailOutbox)
    .set({ status: 'cancelled', updatedAt: new Date(), lastError: 'cancelled' })
    .where(and(eq(emailOutbox.ref, ref), inArray(emailOutbox.status, ['queued'])))
    .returning({ id: emailOutbox.id })
    .all()
    .map((r) => r.id);
  recordEmailEvent(tx, cancelled, 'cancelled', { detail: 'what it was about went away (subscriber deleted, bounced…)' });
  return cancelled.length;
}

export const idempotencyKeyOf = (row: { id: number; idempotencyKey: string | null }) => row.idempotencyKey ?? `outbox/${row.id}`;

/**
 * Blanks the bodies of emails sent or cancelled more than `keepDays` ago: confirmation, sign-in
 * and unsubscribe links must not lie in the database for ever. Who, what (kind and subject), when
 * and the provider's word on delivery stay. Failed emails keep theirs, for the outbox's retry.
 */
export function removeOldEmailBodies(tx: DbOrTx, { keepDays, now = new Date() }: { keepDays: number; now?: Date }): number {
  const cutoff = new Date(now.getTime() - keepDays * 24 * 60 * 60 * 1000);
  return tx
    .update(emailOutbox)
    .set({ html: '', text: '', headers: {}, vars: null, sharedEmailId: null, bodyRemovedAt: now })
    .where(
      and(
        isNull(emailOutbox.bodyRemovedAt),
        or(
          and(eq(emailOutbox.status, 'sent'), lt(emailOutbox.sentAt, cutoff)),
          and(eq(emailOutbox.status, 'cancelled'), lt(emailOutbox.updatedAt, cutoff)),
        ),
      ),
    )
    .run().changes;
}
