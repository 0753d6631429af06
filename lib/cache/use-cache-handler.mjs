// The handler behind `'use cache'` (next.config.ts `cacheHandlers.default`), written to Next's
// documented CacheHandler interface (next/dist/server/lib/cache-handlers/types.d.ts).
//
// Why not Next's default: its entries are bounded by cacheMaxMemorySize (which is 0 here, the
// page cache being ours), and its record of invalidated tags lives in one process, so a second
// server process on the same database, or `npm run comments approve` from a shell, would never
// make it drop an article's cached comments. Here entries live in this process's memory, bounded
// by size, and every tag's last invalidation comes from the shared record (tag-clock.mjs), which
// refreshTags reads once per request.
//
// An entry is a miss once one of its tags was invalidated after (or just before) it was made, or
// once its revalidate time has passed: an in-memory entry is not worth serving stale while it is
// renewed, as Next's own handler also decides.
import { invalidateTags, lastInvalidated, RACE_MARGIN_MS, syncTagClock } from './tag-clock.mjs';

/** Bytes of serialised entries kept per process before the least recently used go. */
const MAX_BYTES = 64 * 1024 * 1024;

const state = (globalThis.__ledgerUseCache ??= { entries: new Map(), bytes: 0, pending: new Map() });

function forget(key) {
  const stored = state.entries.get(key);
  if (!stored) return;
  state.entries.delete(key);
  state.bytes -= stored.size;
}

function isStale(tags, since) {
  const at = lastInvalidated(tags);
  return at !== 0 && at + RACE_MARGIN_MS > since;
}

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
  return Buffer.concat(chunks, size);
}

/** @type {import('next/dist/server/lib/cache-handlers/types').CacheHandler} */
const handler = {
  async get(cacheKey, softTags) {
    // A read that arrives while the same entry is being made waits for it instead of making it twice.
    const pending = state.pending.get(cacheKey);
    if (pending) await pending;
    const stored = state.entries.get(cacheKey);
    if (!stored) return undefined;
    const { entry, value } = stored;
    if (
      Date.now() > entry.timestamp + entry.revalidate * 1000 ||
      isStale(entry.tags, entry.timestamp) ||
      isStale(softTags, entry.timestamp)
    ) {
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
          controller.enqueue(new Uint8Array(value));
          controller.close();
        },
      }),
    };
  },

  async set(cacheKey, pendingEntry) {
    let done = () => {};
    state.pending.set(
      cacheKey,
      new Promise((resolve) => {
        done = resolve;
      }),
    );
    try {
      const entry = await pendingEntry;
      // An entry that expires at once is one Next renders on every read: nothing to keep.
      if (entry.expire === 0) return;
      const value = await readAll(entry.value);
      const { value: _stream, ...meta } = entry;
      forget(cacheKey);
      const size = value.byteLength + cacheKey.length;
      state.entries.set(cacheKey, { entry: meta, value, size });
      state.bytes += size;
      for (const [oldest] of state.entries) {
        if (state.bytes <= MAX_BYTES) break;
        forget(oldest);
      }
    } catch {
      // A render that failed part way leaves nothing behind; the next read makes the entry again.
    } finally {
      state.pending.delete(cacheKey);
      done();
    }
  },

  async refreshTags() {
    syncTagClock();
  },

  async getExpiration(tags) {
    // Within the race margin of an invalidation, entries made just after it count as stale too.
    const at = lastInvalidated(tags);
    return at === 0 ? 0 : at + RACE_MARGIN_MS;
  },

  async updateTags(tags) {
    // revalidateTag, updateTag and revalidatePath land here; the record is shared, so it is written once.
    invalidateTags(tags);
  },
};

export default handler;
