// Next.js cache handler (next.config.ts `cacheHandler`) for rendered pages and route answers
// (data read with `'use cache'` has its own: use-cache-handler.mjs).
//
// Why not the default file-system cache: it keeps rendered pages on disk across restarts, so a
// server started on a fresh DATABASE_PATH would keep serving pages from the old database, and its
// tag invalidations live in one process's memory, so a second `next start` on the same database
// would never hear that a comment was approved.
//
// Here entries live in this process's memory (a restart starts clean, bound to the database it
// opens) and tag invalidations are shared by every process and the command-line tools
// (tag-clock.mjs). An entry is dropped when any of its tags was
// invalidated after (or just before) it was stored; the next request renders it fresh.
//
// A stored page also names its tags in the headers Next sends with it (Surrogate-Key, xkey), for
// the caches in front and the page copies, and each invalidation queues their purges
// (lib/cache/purges.ts) in the same transaction.
import { surrogateKeyOf } from '../http/cache-policy.mjs';
import { invalidateTags, lastInvalidated, RACE_MARGIN_MS, syncTagClock } from './tag-clock.mjs';

const MAX_ENTRIES = 5000;

const state = (globalThis.__ledgerCacheHandler ??= { entries: new Map() });

function tagsOf(value, ctx) {
  const tags = new Set(ctx?.tags ?? []);
  for (const t of ctx?.softTags ?? []) tags.add(t);
  for (const t of value?.tags ?? []) tags.add(t);
  const header = value?.headers?.['x-next-cache-tags'];
  if (typeof header === 'string') for (const t of header.split(',')) if (t) tags.add(t);
  return tags;
}

function isInvalidated(entry, ctx) {
  const tags = tagsOf(entry.value, ctx);
  for (const t of entry.tags) tags.add(t);
  const at = lastInvalidated(tags);
  return at !== 0 && at + RACE_MARGIN_MS > entry.lastModified;
}

function live(key, ctx) {
  const entry = state.entries.get(key);
  if (!entry) return null;
  syncTagClock();
  if (isInvalidated(entry, ctx)) {
    state.entries.delete(key);
    return null;
  }
  return entry;
}

/**
 * A page or route answer for Next's cache carries the tags it was built from as response headers
 * (Surrogate-Key, and xkey for Varnish), which Next sends with it every time it serves it, so
 * shared caches in front and our page copies can purge it by tag.
 */
function nameTagsForCaches(value) {
  if (!value || typeof value !== 'object' || !value.headers || typeof value.headers !== 'object') return;
  const key = surrogateKeyOf(value.headers['x-next-cache-tags']);
  if (!key) return;
  value.headers['surrogate-key'] = key;
  value.headers.xkey = key;
}

export default class LedgerCacheHandler {
  constructor(options) {
    this.options = options;
  }

  async get(key, ctx) {
    const entry = live(key, ctx);
    if (!entry) return null;
    // Keep recently used entries at the end of the map (least recently used are evicted first).
    state.entries.delete(key);
    state.entries.set(key, entry);
    return { value: entry.value, lastModified: entry.lastModified, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    state.entries.delete(key);
    nameTagsForCaches(value);
    state.entries.set(key, {
      value,
      lastModified: Date.now(),
      tags: [...tagsOf(value, ctx)],
      cacheControl: ctx?.fetchCache ? undefined : ctx?.cacheControl,
    });
    while (state.entries.size > MAX_ENTRIES) state.entries.delete(state.entries.keys().next().value);
  }

  async revalidateTag(tags) {
    invalidateTags(Array.isArray(tags) ? tags : [tags]);
  }

  resetRequestCache() {}
}
