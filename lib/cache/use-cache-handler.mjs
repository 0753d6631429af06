// The handler behind `'use cache'` (next.config.ts `cacheHandlers.default`), written to Next's
// documented CacheHandler interface (next/dist/server/lib/cache-handlers/types.d.ts).
//
// Why not Next's default: its entries are bounded by cacheMaxMemorySize (which is 0 here, the
// page cache being ours), and its record of invalidated tags lives in one process, so a second
// server process on the same database, or `npm run comments approve` from a shell, would never
// make it drop an article's cached comments. Here entries live in this process's memory, bounded
// by size, and every tag's last invalidation comes from the shared record (tag-clock.mjs).
//
// An entry is a miss once one of its tags, or one of the request's soft tags, was invalidated
// after (or just before) it was made, or once its revalidate time has passed: an in-memory entry
// is not worth serving stale while it is renewed, as Next's own handler also decides.
import { lastInvalidated, RACE_MARGIN_MS, syncTagClock } from './tag-clock.mjs';

/** Bytes of serialised entries kept per process before the least recently used go. */
const MAX_BYTES = 64 * 1024 * 1024;
/** What an entry costs beside its bytes and key (its tags, times and the map's own slot), roughly. */
const ENTRY_OVERHEAD_BYTES = 512;

const state = (globalThis.__ledgerUseCache ??= { entries: new Map(), bytes: 0, pending: new Map() });

function forget(key) {
  const stored = state.entries.get(key);
  if (!stored) return;
  state.entries.delete(key);
  state.bytes -= stored.size;
}

/** Whether any of `tags` was invalidated after (or within the race margin before) `madeAt` (wall clock, ms). */
function isStale(tags, madeAt) {
  const at = lastInvalidated(tags ?? []);
  return at !== 0 && at + RACE_MARGIN_MS > madeAt;
}

/**
 * The wall-clock time of a time stamp Next made: Next stamps entries with the performance clock,
 * while invalidations, written by several processes, are wall-clock times; the two drift apart.
 */
function wallClockOf(performanceTime) {
  return performanceTime + (Date.now() - (performance.timeOrigin + performance.now()));
}

/** The whole value, in a buffer of its own (a small Buffer.concat result would share, and keep alive, an 8 KiB pool slab). */
async function readAll(stream) {
  const chunks = [];
  let size = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  const whole = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    whole.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return whole;
}

/** @type {import('next/dist/server/lib/cache-handlers/types').CacheHandler} */
const handler = {
  async get(cacheKey, softTags) {
    // A read that arrives while the same entry is being made waits for it instead of making it twice.
    const pending = state.pending.get(cacheKey);
    if (pending) await pending;
    const stored = state.entries.get(cacheKey);
    if (!stored) return undefined;
    // Also here, not only once per request: a long render must not build on a read another process
    // has since invalidated (the record is read at most every 200 ms whatever the callers).
    syncTagClock();
    const { entry, value, madeAt } = stored;
    if (Date.now() > madeAt + entry.revalidate * 1000 || isStale(entry.tags, madeAt) || isStale(softTags, madeAt)) {
      forget(cacheKey);
      return undefined;
    }
    // Most recently used last: eviction takes the first.
    state.entries.delete(cacheKey);
    state.entries.set(cacheKey, stored);
    return {
      ...entry,
      value: new ReadableStream({
        start(controller) {
          controller.enqueue(value.slice());
          controller.close();
        },
      }),
    };
  },

  async set(cacheKey, pendingEntry) {
    let done = () => {};
    const mine = new Promise((resolve) => {
      done = resolve;
    });
    state.pending.set(cacheKey, mine);
    try {
      const entry = await pendingEntry;
      // An entry that expires at once is one Next renders on every read: nothing to keep.
      if (entry.expire === 0) return;
      const value = await readAll(entry.value);
      const { value: _stream, ...meta } = entry;
      forget(cacheKey);
      const size = value.byteLength + cacheKey.length + ENTRY_OVERHEAD_BYTES;
      state.entries.set(cacheKey, { entry: meta, value, size, madeAt: wallClockOf(entry.timestamp) });
      state.bytes += size;
      for (const [oldest] of state.entries) {
        if (state.bytes <= MAX_BYTES) break;
        forget(oldest);
      }
    } catch {
      // A render that failed part way leaves nothing behind; the next read makes the entry again.
    } finally {
      // A newer set of the same key may have started meanwhile: its wait is its own.
      if (state.pending.get(cacheKey) === mine) state.pending.delete(cacheKey);
      done();
    }
  },

  async refreshTags() {
    syncTagClock();
  },

  async getExpiration() {
    // The documented answer for "check the soft tags in get": get compares them on the wall clock,
    // with the race margin, as it does the entry's own tags.
    return Infinity;
  },

  async updateTags() {
    // Next revalidates every tag through the page cache handler as well (its revalidateTag), and
    // that one writes the shared record (tag-clock.mjs invalidateTags): writing here too would
    // record each invalidation, and queue its purges, twice. A profile's stale-while-revalidate
    // (revalidateTag(tag, profile)) is not kept apart: every invalidation takes effect at once.
  },
};

export default handler;
