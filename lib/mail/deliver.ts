import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { after } from 'next/server';
import { getDb } from '@/db';
import { emailOutbox, mailRate, type OutboxEmail } from '@/db/schema';
import { env } from '@/lib/env';
import { idempotencyKeyOf } from './outbox';
import { decideRetry } from './retry';
import { getTransport } from './transport';

/** A row left in 'sending' this long (its process died mid-send) is claimed again. */
export const SENDING_LEASE_MS = 5 * 60 * 1000;
const BATCH_SIZE = 50;
const CONCURRENCY = 4;

/**
 * Claims up to `limit` due rows for this deliverer in one IMMEDIATE transaction: SQLite lets one
 * writer in at a time, so two processes can never claim the same row.
 */
export function claimDueEmails(limit = BATCH_SIZE, now = new Date()): OutboxEmail[] {
  const token = randomUUID();
  const leaseExpired = new Date(now.getTime() - SENDING_LEASE_MS);
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select({ id: emailOutbox.id })
        .from(emailOutbox)
        .where(
          or(
            and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, now)),
            and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.claimedAt, leaseExpired)),
          ),
        )
        .orderBy(asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
        .limit(limit)
        .all();
      if (due.length === 0) return [];
      return tx
        .update(emailOutbox)
        .set({ status: 'sending', claimedAt: now, claimToken: token, attempts: sql`${emailOutbox.attempts} + 1`, updatedAt: now })
        .where(inArray(emailOutbox.id, due.map((r) => r.id)))
        .returning()
        .all();
    },
    { behavior: 'immediate' },
  );
}

/**
 * Reserves the next sending slot shared by every deliverer on this database and returns how long
 * to wait for it, so the provider's rate limit holds however many processes send.
 */
function reserveSlot(): number {
  const rate = env.MAIL_RATE_PER_SECOND;
  if (rate <= 0) return 0;
  const interval = 1000 / rate;
  return getDb().transaction(
    (tx) => {
      const now = Date.now();
      const row = tx.select({ next: mailRate.nextSlotAt }).from(mailRate).where(eq(mailRate.id, 1)).get();
      const slot = Math.max(now, row?.next ?? 0);
      tx.insert(mailRate)
        .values({ id: 1, nextSlotAt: Math.ceil(slot + interval) })
        .onConflictDoUpdate({ target: mailRate.id, set: { nextSlotAt: Math.ceil(slot + interval) } })
        .run();
      return slot - now;
    },
    { behavior: 'immediate' },
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deliverOne(row: OutboxEmail): Promise<'sent' | 'retry' | 'failed'> {
  const wait = reserveSlot();
  if (wait > 0) await sleep(wait);
  const transport = getTransport();
  const result = await transport.send({
    to: row.recipient,
    subject: row.subject,
    html: row.html,
    text: row.text,
    headers: row.headers,
    idempotencyKey: idempotencyKeyOf(row),
  });
  const now = new Date();
  // Only the claimant records the outcome; a row re-claimed after a lease expiry belongs to its new owner.
  const mine = and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimToken, row.claimToken ?? ''));
  const db = getDb();
  if (result.ok) {
    db.update(emailOutbox)
      .set({ status: 'sent', providerId: result.providerId, transport: transport.name, sentAt: now, lastError: null, claimToken: null, updatedAt: now })
      .where(mine)
      .run();
    return 'sent';
  }
  const decision = decideRetry(result, row.attempts, env.MAIL_RETRY_BASE_MS);
  const error = `${result.status ?? 'network'}: ${result.message}`.slice(0, 500);
  if (decision.action === 'retry') {
    db.update(emailOutbox)
      .set({ status: 'queued', nextAttemptAt: new Date(now.getTime() + decision.delayMs), lastError: error, claimToken: null, transport: transport.name, updatedAt: now })
      .where(mine)
      .run();
    console.warn(`[mail] outbox/${row.id} to ${row.kind} failed (${error}); retrying in ${Math.round(decision.delayMs / 1000)} s`);
    return 'retry';
  }
  db.update(emailOutbox)
    .set({ status: 'failed', lastError: decision.reason.slice(0, 500), claimToken: null, transport: transport.name, updatedAt: now })
    .where(mine)
    .run();
  console.error(`[mail] outbox/${row.id} (${row.kind}) failed for good: ${decision.reason}`);
  return 'failed';
}

export interface DeliveryReport {
  sent: number;
  retry: number;
  failed: number;
}

type Runner = { running?: Promise<DeliveryReport>; again?: boolean };
const runner = ((globalThis as { __ledgerMail?: Runner }).__ledgerMail ??= {});

/** Sends every due email. One run at a time per process; a call during a run asks for another pass. */
export function deliverDueEmails(): Promise<DeliveryReport> {
  if (runner.running) {
    runner.again = true;
    return runner.running;
  }
  const run = async (): Promise<DeliveryReport> => {
    const report: DeliveryReport = { sent: 0, retry: 0, failed: 0 };
    do {
      runner.again = false;
      for (;;) {
        const batch = claimDueEmails();
        if (batch.length === 0) break;
        let next = 0;
        const worker = async () => {
          while (next < batch.length) {
            const row = batch[next++]!;
            try {
              report[await deliverOne(row)]++;
            } catch (error) {
              // The row stays 'sending' and is claimed again when its lease expires.
              console.error(`[mail] outbox/${row.id} could not be processed`, error);
            }
          }
        };
        await Promise.all(Array.from({ length: Math.min(CONCURRENCY, batch.length) }, worker));
      }
    } while (runner.again);
    return report;
  };
  // Cleared in a callback, not in run()'s own finally: a pass that finds nothing due finishes
  // synchronously, and would clear the slot before it was set, leaving a settled promise that every
  // later call returned (so the process never sent again).
  const running = run().finally(() => {
    if (runner.running === running) runner.running = undefined;
  });
  runner.running = running;
  return running;
}

/** Starts delivery once the current response has been sent (or at once outside a request). */
export function kickMailDelivery(): void {
  try {
    after(() => deliverDueEmails().then(() => undefined));
  } catch {
    void deliverDueEmails();
  }
}
