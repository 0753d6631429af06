// The purge queue's rules, pure so that they are unit-tested without a cache or a clock.

/** A claimed purge whose process died is claimable again after this long (longer than a pass can take). */
export const PURGE_LEASE_MS = 60_000;
/** A cache that has not answered a purge in this long is treated as unreachable for now. */
export const PURGE_TIMEOUT_MS = 5_000;
/** Retries never wait longer than this: a cache back from an outage is purged within minutes. */
export const PURGE_MAX_DELAY_MS = 5 * 60_000;
/**
 * Every purge is sent a second time this long after its invalidation. A page a cache fetched while
 * the purge was on its way (a render that read the database before the change, or a server process
 * that had not yet read the invalidation: they poll every 200 ms, and treat a page stored within a
 * second of one as stale) could otherwise be kept, from before the change, until its s-maxage.
 */
export const PURGE_ECHO_MS = 3_000;
/** Varnish refuses request headers over 8 KiB by default; a batch's tags stay well below. */
export const PURGE_HEADER_MAX_BYTES = 4000;

/**
 * How long to wait after the `attempts`-th failed attempt: 1 s, 2 s, 4 s… up to five minutes.
 * Never given up: a stale page in a shared cache may otherwise stay there for as long as its
 * s-maxage, which for a section page is a year.
 */
export function purgeDelayMs(attempts: number): number {
  return Math.min(PURGE_MAX_DELAY_MS, 1000 * 2 ** Math.max(0, attempts - 1));
}

/**
 * What a confirmed purge leaves: nothing, or the echo still owed (when this send went out before
 * PURGE_ECHO_MS had passed since the latest invalidation of the tag), due at that time.
 */
export function afterConfirmedPurge({ requestedAt, claimedAt }: { requestedAt: number; claimedAt: number }): { echoAt: number } | null {
  return claimedAt < requestedAt + PURGE_ECHO_MS ? { echoAt: requestedAt + PURGE_ECHO_MS } : null;
}

/** Splits tags into batches whose space-separated list fits one request header. */
export function batchTags(tags: string[], maxBytes = PURGE_HEADER_MAX_BYTES): string[][] {
  const batches: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const tag of tags) {
    const bytes = Buffer.byteLength(tag) + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && size + bytes > maxBytes) {
      batches.push(current);
      current = [];
      size = 0;
    }
    current.push(tag);
    size += Buffer.byteLength(tag) + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
