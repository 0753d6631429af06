import 'server-only';
import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNull, lte, notInArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { cachePurges, type CachePurgeRow } from '@/db/schema';
import { env } from '@/lib/env';
import { afterConfirmedPurge, batchTags, purgeDelayMs, PURGE_LEASE_MS, PURGE_TIMEOUT_MS } from './purge-rules';

// Sends the purges queued with each invalidation (lib/cache/tag-clock.mjs) to the shared
// caches in CACHE_PURGE_URLS, as the outbox sends email: claimed by one process at a time, retried
// with backoff while a cache is unreachable, deleted once the cache has confirmed. An editor's
// action never waits for it: it runs after the response, and the background sweep picks up the rest.

/** Small enough that a pass (batches one after another, each up to PURGE_TIMEOUT_MS) ends well within the lease. */
const CLAIM_LIMIT = 200;

type State = { timer?: NodeJS.Timeout; timerAt?: number; running?: Promise<void> };
const state = ((globalThis as { __ledgerPurges?: State }).__ledgerPurges ??= {});

/** Claims due purges (and ones whose claimant died) in one IMMEDIATE transaction. */
export function claimDuePurges(now = Date.now()): { token: string; claimedAt: number; rows: CachePurgeRow[] } {
  const token = randomUUID();
  const rows = getDb().transaction(
    (tx) => {
      // A cache taken out of CACHE_PURGE_URLS is owed nothing any more.
      if (env.CACHE_PURGE_URLS.length > 0) tx.delete(cachePurges).where(notInArray(cachePurges.target, env.CACHE_PURGE_URLS)).run();
      const due = tx
        .select({ id: cachePurges.id })
        .from(cachePurges)
        .where(
          and(lte(cachePurges.nextAttemptAt, now), or(isNull(cachePurges.claimedAt), lte(cachePurges.claimedAt, now - PURGE_LEASE_MS))),
        )
        .orderBy(asc(cachePurges.nextAttemptAt), asc(cachePurges.id))
        .limit(CLAIM_LIMIT)
        .all();
      if (due.length === 0) return [];
      return tx
        .update(cachePurges)
        .set({ claimedAt: now, claimToken: token, attempts: sql`${cachePurges.attempts} + 1` })
        .where(
          inArray(
            cachePurges.id,
            due.map((r) => r.id),
          ),
        )
        .returning()
        .all();
    },
    { behavior: 'immediate' },
  );
  return { token, claimedAt: now, rows };
}

/**
 * Records what a cache answered for claimed rows. Confirmed: deleted, unless an echo is still owed
 * (PURGE_ECHO_MS) or the tag was invalidated again after the claim (the purge may have gone out
 * before that change): then it stays, due at the echo's time or at once. Failed: due again after
 * a backoff, with the reason shown on the dashboard.
 */
export function recordPurgeOutcome(
  rows: Pick<CachePurgeRow, 'id' | 'attempts'>[],
  claim: { token: string; claimedAt: number },
  outcome: { ok: true } | { ok: false; error: string },
  now = Date.now(),
): void {
  const ids = rows.map((r) => r.id);
  if (ids.length === 0) return;
  const mine = and(inArray(cachePurges.id, ids), eq(cachePurges.claimToken, claim.token));
  getDb().transaction((tx) => {
    if (outcome.ok) {
      const current = tx.select({ id: cachePurges.id, requestedAt: cachePurges.requestedAt }).from(cachePurges).where(mine).all();
      for (const row of current) {
        const release = { claimedAt: null, claimToken: null, attempts: 0, lastError: null };
        if (row.requestedAt > claim.claimedAt) {
          // Due at once: at its request time, which marks a first try (purgeQueueStatus).
          tx.update(cachePurges)
            .set({ ...release, nextAttemptAt: row.requestedAt })
            .where(eq(cachePurges.id, row.id))
            .run();
          continue;
        }
        const echo = afterConfirmedPurge({ requestedAt: row.requestedAt, claimedAt: claim.claimedAt });
        if (echo) {
          tx.update(cachePurges)
            .set({ ...release, nextAttemptAt: echo.echoAt })
            .where(eq(cachePurges.id, row.id))
            .run();
        } else tx.delete(cachePurges).where(eq(cachePurges.id, row.id)).run();
      }
      return;
    }
    for (const row of rows) {
      tx.update(cachePurges)
        .set({ claimedAt: null, claimToken: null, nextAttemptAt: now + purgeDelayMs(row.attempts), lastError: outcome.error.slice(0, 500) })
        .where(and(eq(cachePurges.id, row.id), eq(cachePurges.claimToken, claim.token)))
        .run();
    }
  });
}

/** One PURGE request: the tags in `xkey-purge` (space-separated), the shared secret beside them. */
export async function sendPurge(target: string, tags: string[], secret: string): Promise<{ ok: true } | { ok: false; error: string }> {
  try {
    const response = await fetch(target, {
      method: 'PURGE',
      headers: { 'xkey-purge': tags.join(' '), 'X-Purge-Secret': secret },
      signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true };
    return { ok: false, error: `${target} answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const reason = error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return { ok: false, error: `${target} could not be reached: ${reason}` };
  }
}

async function deliverOnce(): Promise<number> {
  const secret = env.CACHE_PURGE_SECRET ?? '';
  const { token, claimedAt, rows } = claimDuePurges();
  if (rows.length === 0) return 0;
  const byTarget = new Map<string, CachePurgeRow[]>();
  for (const row of rows) byTarget.set(row.target, [...(byTarget.get(row.target) ?? []), row]);
  await Promise.all(
    [...byTarget].map(async ([target, targetRows]) => {
      const byTag = new Map(targetRows.map((r) => [r.tag, r]));
      for (const batch of batchTags([...byTag.keys()])) {
        const outcome = await sendPurge(target, batch, secret);
        recordPurgeOutcome(
          batch.map((tag) => byTag.get(tag)!),
          { token, claimedAt },
          outcome,
        );
      }
    }),
  );
  return rows.length;
}

/** The next time a waiting purge is due (one claimed elsewhere: when its lease ends), or null when none waits. */
function nextDueAt(): number | null {
  const row = getDb()
    .select({
      at: sql<
        number | null
      >`min(CASE WHEN ${cachePurges.claimedAt} IS NULL THEN ${cachePurges.nextAttemptAt} ELSE max(${cachePurges.nextAttemptAt}, ${cachePurges.claimedAt} + ${PURGE_LEASE_MS}) END)`,
    })
    .from(cachePurges)
    .get();
  return row?.at ?? null;
}

/** Comes back for purges waiting on a backoff, in this process, so a retry need not wait for the sweep. */
function scheduleRetry(): void {
  const at = nextDueAt();
  if (at === null) return;
  const when = Math.max(at, Date.now() + 250);
  if (state.timer && state.timerAt !== undefined && state.timerAt <= when) return;
  clearTimeout(state.timer);
  state.timerAt = when;
  state.timer = setTimeout(() => {
    state.timer = undefined;
    state.timerAt = undefined;
    void deliverDuePurges().catch((error) => console.error('[purges] retry failed', error));
  }, when - Date.now());
  state.timer.unref();
}

/**
 * Sends every due purge; one pass at a time per process (a caller arriving meanwhile waits for the
 * running pass, then runs one more, so a purge queued during a pass is never left behind).
 */
export async function deliverDuePurges(): Promise<void> {
  if (env.CACHE_PURGE_URLS.length === 0) return;
  const previous = state.running;
  const pass = (async () => {
    await previous?.catch(() => undefined);
    while ((await deliverOnce()) > 0);
    scheduleRetry();
  })();
  state.running = pass;
  try {
    await pass;
  } finally {
    if (state.running === pass) state.running = undefined;
  }
}

/** A purge still waiting after this long is a problem: the cache is serving pages from before a change. */
export const PURGE_LATE_MS = 60_000;

export type PurgeTargetStatus = {
  target: string;
  waiting: number;
  oldestRequestedAt: Date | null;
  /** The oldest purge has waited longer than PURGE_LATE_MS. */
  late: boolean;
  mostAttempts: number;
  lastError: string | null;
};

/** What the dashboard shows per cache: purges waiting, the oldest, and why the last attempt failed. */
export function purgeQueueStatus(now = new Date()): PurgeTargetStatus[] {
  const rows = getDb()
    .select({
      target: cachePurges.target,
      waiting: sql<number>`count(*)`,
      oldest: sql<number>`min(${cachePurges.requestedAt})`,
      mostAttempts: sql<number>`max(${cachePurges.attempts})`,
      lastError: sql<
        string | null
      >`(SELECT p.last_error FROM cache_purges p WHERE p.target = ${cachePurges.target} AND p.last_error IS NOT NULL ORDER BY p.next_attempt_at DESC LIMIT 1)`,
    })
    .from(cachePurges)
    // Not the second sends owed to purges the cache already confirmed (PURGE_ECHO_MS): a queued
    // purge's first try is due when it was requested, an echo later, with no failure behind it.
    .where(
      or(
        sql`${cachePurges.attempts} > 0`,
        sql`${cachePurges.lastError} IS NOT NULL`,
        sql`${cachePurges.nextAttemptAt} <= ${cachePurges.requestedAt}`,
      ),
    )
    .groupBy(cachePurges.target)
    .all();
  const byTarget = new Map(rows.map((r) => [r.target, r]));
  const targets = [...new Set([...env.CACHE_PURGE_URLS, ...byTarget.keys()])];
  return targets.map((target) => {
    const row = byTarget.get(target);
    return {
      target,
      waiting: row?.waiting ?? 0,
      oldestRequestedAt: row?.oldest ? new Date(row.oldest) : null,
      late: row?.oldest ? now.getTime() - row.oldest > PURGE_LATE_MS : false,
      mostAttempts: row?.mostAttempts ?? 0,
      lastError: row?.lastError ?? null,
    };
  });
}
