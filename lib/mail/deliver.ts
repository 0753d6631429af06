import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { runAfterResponse } from '@/lib/jobs/after-response';
import { getDb } from '@/db';
import { emailOutbox, mailRate, type OutboxEmail } from '@/db/schema';
import { env } from '@/lib/env';
import { idempotencyKeyOf } from './outbox';
import { decideRetry, type SendFailure } from './retry';
import { materialize } from './shared-emails';
import { getTransport } from './transport';
import { recordEmailEvent } from './events';

const BATCH_SIZE = 200;
/** Resend's batch endpoint takes at most 100 emails a request. */
const MAX_BATCH = 100;
const CONCURRENCY = 4;

/** The Idempotency-Key of a batch request: derived from its rows' own keys. */
export function batchKeyOf(rows: { id: number; idempotencyKey: string | null }[]): string {
  return `batch/${createHash('sha256').update(rows.map(idempotencyKeyOf).sort().join('\n')).digest('hex').slice(0, 40)}`;
}

/**
 * Claims up to `limit` due rows for this deliverer in one IMMEDIATE transaction: SQLite lets one
 * writer in at a time, so two processes can never claim the same row.
 *
 * Rows of a mass send go out in batches, and a batch is formed once: the first time its rows are
 * claimed they get its key (`batch_key`), and from then on they are claimed, and re-sent, together
 * and with nobody else. A retry of a batch whose answer was lost (a time-out, a crash) is then the
 * same request under the same Idempotency-Key, which the provider does not send twice; a batch
 * formed afresh from whatever happened to be due would be a new request to the same people.
 */
export function claimDueEmails(limit = BATCH_SIZE, now = new Date()): OutboxEmail[] {
  const token = randomUUID();
  const leaseExpired = new Date(now.getTime() - env.MAIL_SENDING_LEASE_MS);
  const claimable = or(
    and(eq(emailOutbox.status, 'queued'), lte(emailOutbox.nextAttemptAt, now)),
    and(eq(emailOutbox.status, 'sending'), lte(emailOutbox.claimedAt, leaseExpired)),
  );
  return getDb().transaction(
    (tx) => {
      const due = tx
        .select({ id: emailOutbox.id, batchKey: emailOutbox.batchKey })
        .from(emailOutbox)
        .where(claimable)
        // One-off email (a sign-in link, a confirmation) goes before a mass send's backlog.
        .orderBy(sql`${emailOutbox.groupKey} IS NOT NULL`, asc(emailOutbox.nextAttemptAt), asc(emailOutbox.id))
        .limit(limit)
        .all();
      if (due.length === 0) return [];
      const ids = new Set(due.map((r) => r.id));
      // A batch is claimed whole, even where the limit cut through it.
      const batchKeys = [...new Set(due.flatMap((r) => (r.batchKey ? [r.batchKey] : [])))];
      if (batchKeys.length > 0) {
        for (const r of tx
          .select({ id: emailOutbox.id })
          .from(emailOutbox)
          .where(and(inArray(emailOutbox.batchKey, batchKeys), claimable))
          .all())
          ids.add(r.id);
      }
      const claimed = tx
        .update(emailOutbox)
        .set({
          status: 'sending',
          claimedAt: now,
          claimToken: token,
          attempts: sql`${emailOutbox.attempts} + 1`,
          updatedAt: now,
        })
        .where(inArray(emailOutbox.id, [...ids]))
        .returning()
        .all();
      // Rows of a mass send not yet in a batch: form batches of up to 100, in queue order.
      const loose = new Map<string, OutboxEmail[]>();
      for (const row of claimed.sort((a, b) => a.id - b.id)) {
        if (row.groupKey !== null && row.batchKey === null) loose.set(row.groupKey, [...(loose.get(row.groupKey) ?? []), row]);
      }
      for (const group of loose.values()) {
        for (let i = 0; i < group.length; i += MAX_BATCH) {
          const batch = group.slice(i, i + MAX_BATCH);
          const key = batchKeyOf(batch);
          tx.update(emailOutbox)
            .set({ batchKey: key })
            .where(
              inArray(
                emailOutbox.id,
                batch.map((r) => r.id),
              ),
            )
            .run();
          for (const row of batch) row.batchKey = key;
        }
      }
      return claimed;
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
  if (rate <= 0) {
    // Limit lifted (benchmarks): no slots to hand out, but a pause after a 429 still holds.
    const row = getDb().select({ next: mailRate.nextSlotAt }).from(mailRate).where(eq(mailRate.id, 1)).get();
    return Math.max(0, (row?.next ?? 0) - Date.now());
  }
  const interval = 1000 / rate;
  return getDb().transaction(
    (tx) => {
      const now = Date.now();
      const row = tx.select({ next: mailRate.nextSlotAt }).from(mailRate).where(eq(mailRate.id, 1)).get();
      const slot = Math.max(now, row?.next ?? 0);
      tx.insert(mailRate)
        .values({ id: 1, nextSlotAt: Math.ceil(slot + interval) })
        .onConflictDoUpdate({
          target: mailRate.id,
          set: { nextSlotAt: Math.ceil(slot + interval) },
        })
        .run();
      return slot - now;
    },
    { behavior: 'immediate' },
  );
}

/**
 * A 429 means the provider's limit for the whole team is used up, not just this email's: every
 * deliverer on this database holds off until Retry-After has passed, instead of spending the other
 * rows' attempts on more 429s.
 */
function pauseSending(ms: number): void {
  const until = Math.ceil(Date.now() + ms);
  getDb()
    .insert(mailRate)
    .values({ id: 1, nextSlotAt: until })
    .onConflictDoUpdate({ target: mailRate.id, set: { nextSlotAt: sql`max(${mailRate.nextSlotAt}, ${until})` } })
    .run();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Outcome = 'sent' | 'retry' | 'failed';

/** Records a send's outcome for `rows`; only the claimant may (a re-claimed row has a new owner). */
function record(
  rows: OutboxEmail[],
  result: { ok: true; providerIds: string[] } | ({ ok: false } & SendFailure),
  transport: string,
): Outcome {
  const now = new Date();
  const db = getDb();
  const mine = (row: OutboxEmail) => and(eq(emailOutbox.id, row.id), eq(emailOutbox.claimToken, row.claimToken ?? ''));
  if (result.ok) {
    db.transaction((tx) => {
      rows.forEach((row, i) =>
        tx
          .update(emailOutbox)
          .set({
            status: 'sent',
            providerId: result.providerIds[i] ?? null,
            transport,
            sentAt: now,
            lastError: null,
            claimToken: null,
            updatedAt: now,
          })
          .where(mine(row))
          .run(),
      );
    });
    return 'sent';
  }
  if (result.status === 429 && result.retryAfterMs) pauseSending(result.retryAfterMs);
  // Every row of one request shares its fate; attempts are counted per row, so take the most tried.
  const attempts = Math.max(...rows.map((r) => r.attempts));
  const decision = decideRetry(result, attempts, env.MAIL_RETRY_BASE_MS);
  const error = `${result.status ?? 'network'}: ${result.message}`.slice(0, 500);
  const label = rows.length === 1 ? `outbox/${rows[0]!.id} (${rows[0]!.kind})` : `a batch of ${rows.length} (${rows[0]!.groupKey})`;
  db.transaction((tx) => {
    for (const row of rows) {
      const set =
        decision.action === 'retry'
          ? {
              status: 'queued' as const,
              nextAttemptAt: new Date(now.getTime() + decision.delayMs),
              lastError: error,
            }
          : {
              status: 'failed' as const,
              lastError: decision.reason.slice(0, 500),
            };
      const mineStill =
        tx
          .update(emailOutbox)
          .set({ ...set, claimToken: null, transport, updatedAt: now })
          .where(mine(row))
          .run().changes > 0;
      if (mineStill) {
        recordEmailEvent(tx, [row.id], decision.action === 'retry' ? 'attempt failed' : 'failed', {
          detail: decision.action === 'retry' ? `${error}; next try in ${Math.round(decision.delayMs / 1000)} s` : decision.reason,
          at: now,
        });
      }
    }
  });
  if (decision.action === 'retry') {
    console.warn(`[mail] ${label} failed (${error}); retrying in ${Math.round(decision.delayMs / 1000)} s`);
    return 'retry';
  }
  console.error(`[mail] ${label} failed for good: ${decision.reason}`);
  return 'failed';
}

async function deliverJob(rows: OutboxEmail[]): Promise<Outcome> {
  const wait = reserveSlot();
  if (wait > 0) await sleep(wait);
  const transport = getTransport();
  if (rows.length === 1) {
    const row = rows[0]!;
    const result = await transport.send({
      to: row.recipient,
      ...materialize(row),
      idempotencyKey: idempotencyKeyOf(row),
    });
    return record(rows, result.ok ? { ok: true, providerIds: [result.providerId] } : result, transport.name);
  }
  // One key for the request, derived from its rows' own keys: a retry of the same rows (and a
  // batch is always retried as the same rows) is the same request to the provider, which then
  // sends nothing twice. Only if a member was cancelled meanwhile is it a different request.
  const key = batchKeyOf(rows);
  const result = await transport.sendBatch(
    rows.map((row) => ({ to: row.recipient, ...materialize(row) })),
    key,
  );
  return record(rows, result, transport.name);
}

/** Single emails go one by one; rows of one mass send go in the batches the claim gave them. */
function planJobs(rows: OutboxEmail[]): OutboxEmail[][] {
  const jobs: OutboxEmail[][] = [];
  const batches = new Map<string, OutboxEmail[]>();
  for (const row of rows) {
    const key = row.groupKey === null ? null : row.batchKey;
    if (key === null) jobs.push([row]);
    else batches.set(key, [...(batches.get(key) ?? []), row]);
  }
  for (const batch of batches.values()) {
    for (let i = 0; i < batch.length; i += MAX_BATCH) jobs.push(batch.slice(i, i + MAX_BATCH));
  }
  return jobs;
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
        const claimed = claimDueEmails();
        if (claimed.length === 0) break;
        const jobs = planJobs(claimed);
        let next = 0;
        const worker = async () => {
          while (next < jobs.length) {
            const job = jobs[next++]!;
            try {
              report[await deliverJob(job)] += job.length;
            } catch (error) {
              // The rows stay 'sending' and are claimed again when their lease expires.
              console.error(`[mail] outbox/${job.map((r) => r.id).join(',')} could not be processed`, error);
            }
          }
        };
        // Under a rate limit, one request at a time: each reserves its slot just before it goes,
        // so a process that fell behind never catches up in a burst.
        const workers = env.MAIL_RATE_PER_SECOND > 0 ? 1 : CONCURRENCY;
        await Promise.all(Array.from({ length: Math.min(workers, jobs.length) }, worker));
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
  runAfterResponse('mail delivery pass', () => deliverDueEmails());
}
