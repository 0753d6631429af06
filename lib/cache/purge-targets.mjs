// The shared caches that invalidations purge (CACHE_PURGE_URLS), and the statement that queues a
// purge for each of them. Plain JavaScript: the shared tag record (tag-clock.mjs) queues
// purges in the same transaction as the invalidation it records, outside the app bundle.
// lib/env.ts validates the variable before anything starts; lib/cache/purges.ts sends the queue.

/** The purge URLs in CACHE_PURGE_URLS (comma-separated), in order, without duplicates. */
export function parsePurgeTargets(value) {
  return [
    ...new Set(
      String(value ?? '')
        .split(',')
        .map((url) => url.trim())
        .filter(Boolean),
    ),
  ];
}

export function purgeTargetsFromEnv() {
  return parsePurgeTargets(process.env.CACHE_PURGE_URLS);
}

/**
 * Queues a purge of one tag from one cache, due now. A purge already waiting keeps its place and
 * backoff (it will carry this invalidation too); one in flight is marked requested again, so its
 * sender keeps it queued instead of deleting it (lib/cache/purges.ts).
 */
export const queuePurgesSql = `INSERT INTO cache_purges (target, tag, requested_at, next_attempt_at, attempts)
VALUES (?, ?, ?, ?, 0)
ON CONFLICT(target, tag) DO UPDATE SET requested_at = max(requested_at, excluded.requested_at)`;
