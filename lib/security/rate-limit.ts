import 'server-only';
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, lt, sql } from 'drizzle-orm';
import { getDb, type Db, type DbOrTx } from '@/db';
import { rateLimitHits } from '@/db/schema';
import { mailboxOf } from '@/lib/newsletter/email';
import type { ClientKeys } from './client';
import { keyFor } from './secret';

/** An IPv6 /48 may make this many times the requests of one address (one /64). */
export const RANGE_FACTOR = 8;

export interface LimitCheck {
  bucket: string;
  key: string;
  limit: number;
  windowMs: number;
}

const p = (name: string) => sql.placeholder(name);

// Prepared once per connection: every comment and sign-up runs them, and building a statement
// costs more than running it.
function prepareStatements(db: Db) {
  return {
    used: db
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, p('bucket')), eq(rateLimitHits.key, p('key')), gt(rateLimitHits.at, p('since'))))
      .prepare(),
    oldest: db
      .select({ at: sql<number | null>`min(${rateLimitHits.at})` })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, p('bucket')), eq(rateLimitHits.key, p('key')), gt(rateLimitHits.at, p('since'))))
      .prepare(),
    hit: db
      .insert(rateLimitHits)
      .values({ bucket: p('bucket'), key: p('key'), at: p('at') })
      .prepare(),
  };
}
const prepared = new WeakMap<Db, ReturnType<typeof prepareStatements>>();

/**
 * Sliding-window limits kept in SQLite, so every server process counts together. Records a hit
 * under every check only when all of them allow it. Call inside the caller's IMMEDIATE
 * transaction (`_tx`) to make check-and-count atomic: the statements run on the process's one
 * connection, which is that transaction's.
 */
export function takeRateLimits(_tx: DbOrTx, checks: LimitCheck[], now = Date.now()): boolean {
  const db = getDb();
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = prepareStatements(db)));
  for (const { bucket, key, limit, windowMs } of checks) {
    if ((q.used.get({ bucket, key, since: now - windowMs })?.n ?? 0) >= limit) return false;
  }
  for (const { bucket, key } of checks) q.hit.run({ bucket, key, at: now });
  return true;
}

/**
 * How long until every one of `checks` allows another request (0 if they all do now): when the
 * oldest hit still in a full window leaves it. Said to a person told to wait.
 */
export function retryAfterMs(checks: LimitCheck[], now = Date.now()): number {
  const db = getDb();
  let q = prepared.get(db);
  if (!q) prepared.set(db, (q = prepareStatements(db)));
  let wait = 0;
  for (const { bucket, key, limit, windowMs } of checks) {
    const since = now - windowMs;
    if ((q.used.get({ bucket, key, since })?.n ?? 0) < limit) continue;
    const oldest = q.oldest.get({ bucket, key, since })?.at;
    if (oldest != null) wait = Math.max(wait, oldest + windowMs - now);
  }
  return wait;
}

/** "5 seconds", "1 minute", "12 minutes": a wait as a person reads it, rounded up. */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 60) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

export function takeRateLimit(tx: DbOrTx, { now, ...check }: LimitCheck & { now?: number }): boolean {
  return takeRateLimits(tx, [check], now);
}

/**
 * The checks of a per-IP limit: the client's address (an IPv6 /64) at `limit`, and its IPv6 /48,
 * if any, at RANGE_FACTOR times that.
 */
export function clientLimits(client: ClientKeys, { bucket, limit, windowMs }: Omit<LimitCheck, 'key'>): LimitCheck[] {
  const checks = [{ bucket, key: client.ipHash, limit, windowMs }];
  if (client.ipRangeHash) checks.push({ bucket: `${bucket}/48`, key: client.ipRangeHash, limit: limit * RANGE_FACTOR, windowMs });
  return checks;
}

/**
 * The key of a per-address limit: a salted hash of the mailbox (lower case, `+tag` removed), so
 * the limit protects the inbox whatever spelling reaches it, and no address is stored.
 */
export function addressLimitKey(email: string): string {
  return createHmac('sha256', keyFor('limit-hashes'))
    .update(`mailbox\n${mailboxOf(email)}`)
    .digest('hex')
    .slice(0, 32);
}

/** Deletes hits older than a day (the longest window in use). */
export function pruneRateLimitHits(now = Date.now()): void {
  getDb()
    .delete(rateLimitHits)
    .where(lt(rateLimitHits.at, now - 25 * 60 * 60 * 1000))
    .run();
}
