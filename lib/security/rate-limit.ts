import 'server-only';
import { and, count, eq, gt, lt } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db';
import { rateLimitHits } from '@/db/schema';

/**
 * Sliding-window limit kept in SQLite, so every server process counts together. Records the hit
 * only when it is allowed. Call inside the caller's IMMEDIATE transaction to make check-and-count atomic.
 */
export function takeRateLimit(
  tx: DbOrTx,
  { bucket, key, limit, windowMs, now = Date.now() }: { bucket: string; key: string; limit: number; windowMs: number; now?: number },
): boolean {
  const used =
    tx
      .select({ n: count() })
      .from(rateLimitHits)
      .where(and(eq(rateLimitHits.bucket, bucket), eq(rateLimitHits.key, key), gt(rateLimitHits.at, now - windowMs)))
      .get()?.n ?? 0;
  if (used >= limit) return false;
  tx.insert(rateLimitHits).values({ bucket, key, at: now }).run();
  return true;
}

/** Deletes hits older than a day (the longest window in use). */
export function pruneRateLimitHits(now = Date.now()): void {
  getDb().delete(rateLimitHits).where(lt(rateLimitHits.at, now - 25 * 60 * 60 * 1000)).run();
}
