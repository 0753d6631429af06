import 'server-only';
import { createHmac } from 'node:crypto';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
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

/**
 * Sliding-window limits kept in SQLite, so every server process counts together. Records a hit
 * under every check only when all of them allow it. Call inside the caller's IMMEDIATE
 * transaction to make check-and-count atomic.
 */
export function takeRateLimits(tx: DbOrTx, checks: LimitCheck[], now = Date.now()): boolean {
  for (const { bucket, key, limit, windowMs } of checks) {
    const used =
      tx
        .select({ n: count() })
        .from(rateLimitHits)
        .where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key), gt(rateLimitHits.at, now - windowMs)))
        .get()?.n ?? 0;
    if (used >= limit) return false;
  }
  for (const { bucket, key } of checks) tx.insert(rateLimitHits).values({ bucket, key, at: now }).run();
  return true;
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
