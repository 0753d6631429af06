// Next.js cache handler (next.config.ts `cacheHandler`) for pages and data.
//
// Why not the default file-system cache: it keeps rendered pages on disk across restarts, so a
// server started on a fresh DATABASE_PATH would keep serving pages from the old database, and its
// tag invalidations live in one process's memory, so a second `next start` on the same database
// would never hear that a comment was approved.
//
// Here entries live in this process's memory (a restart starts clean, bound to the database it
// opens) and tag invalidations are rows in the site's SQLite file (`cache_invalidations`), so every
// process and the command-line tools share them. An entry is dropped when any of its tags was
// invalidated after (or just before) it was stored; the next request renders it fresh.
//
// A stored page also names its tags in the headers Next sends with it (Surrogate-Key, xkey), for
// the caches in front and the page copies, and each invalidation queues their purges
// (lib/cache/purges.ts) in the same transaction.
import path from 'node:path';
import Database from 'better-sqlite3';
import { publicTags, surrogateKeyOf } from '../http/cache-policy.mjs';
import { purgeTargetsFromEnv, queuePurgesSql } from './purge-targets.mjs';

const MAX_ENTRIES = 5000;
const SYNC_EVERY_MS = 200;
// A render that read the database just before an invalidation can finish just after it; entries
// stored within this window of an invalidation are treated as stale too.
const RACE_MARGIN_MS = 1000;

const state = (globalThis.__ledgerCacheHandler ??= {
  entries: new Map(),
  tagTimes: new Map(),
  lastSync: 0,
  highWater: 0,
  db: null,
  dbPath: null,
});

function database() {
  // Same default as lib/env.ts (this file is loaded by Next as plain JavaScript, outside the app bundle).
  const file = path.resolve(/*turbopackIgnore: true*/ process.cwd(), process.env.DATABASE_PATH || './data/site.db');
  if (state.db && state.dbPath === file) return state.db;
  try {
    // Never create the file here: at build time there is no database, and that is fine.
    const db = new Database(file, { fileMustExist: true });
    db.pragma('busy_timeout = 5000');
    state.db = db;
    state.dbPath = file;
    return db;
  } catch {
    return null;
  }
}

function sync(force = false) {
  const now = Date.now();
  if (!force && now - state.lastSync < SYNC_EVERY_MS) return;
  state.lastSync = now;
  const db = database();
  if (!db) return;
  try {
    const rows = db
      .prepare('SELECT tag, invalidated_at AS at FROM cache_invalidations WHERE invalidated_at > ? ORDER BY invalidated_at')
      .all(state.highWater - RACE_MARGIN_MS);
    for (const { tag, at } of rows) {
      if ((state.tagTimes.get(tag) ?? 0) < at) state.tagTimes.set(tag, at);
      if (at > state.highWater) state.highWater = at;
    }
  } catch {
    // The table does not exist before the first migration; nothing was invalidated then.
  }
}

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
  for (const tag of tags) {
    const at = state.tagTimes.get(tag);
    if (at !== undefined && at + RACE_MARGIN_MS > entry.lastModified) return true;
  }
  return false;
}

function live(key, ctx) {
  const entry = state.entries.get(key);
  if (!entry) return null;
  sync();
  if (isInvalidated(entry, ctx)) {
    state.entries.delete(key);
    return null;
  }
  return entry;
}

/**
 * Whether any of `tags` was invalidated, in any process, after (or just before) `since` (ms):
 * the test lib/cache/page-cache.mjs applies to its copies, which it knows only by the tags their
 * Surrogate-Key header named. `fresh` reads the shared table now rather than up to 200 ms ago.
 */
export function changedSince(tags, since, { fresh = false } = {}) {
  sync(fresh);
  for (const tag of tags) {
    const at = state.tagTimes.get(tag);
    if (at !== undefined && at + RACE_MARGIN_MS > since) return true;
  }
  return false;
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

/**
 * Marks tags as changed, in this process at once and for every other process (and command-line
 * tool) through the database: the one place an invalidation is written. Next calls it through
 * revalidateTag; lib/cache/invalidate.ts calls it directly, so it also works outside a request.
 */
export function invalidateTags(tags) {
  const list = tags.filter(Boolean);
  if (list.length === 0) return;
  const now = Date.now();
  for (const tag of list) state.tagTimes.set(tag, Math.max(state.tagTimes.get(tag) ?? 0, now));
  const db = database();
  if (!db) return;
  try {
    const upsert = db.prepare(
      'INSERT INTO cache_invalidations (tag, invalidated_at) VALUES (?, ?) ON CONFLICT(tag) DO UPDATE SET invalidated_at = max(invalidated_at, excluded.invalidated_at)',
    );
    // Shared caches in front (CACHE_PURGE_URLS) owe a purge of the same tags, queued with the
    // invalidation so that it is never lost (lib/cache/purges.ts sends them).
    const targets = purgeTargetsFromEnv();
    const purgeable = publicTags(list);
    const queue = targets.length > 0 && purgeable.length > 0 ? db.prepare(queuePurgesSql) : null;
    // The time is read once the write lock is held: taken before, a wait for the lock could let
    // other invalidations commit later times first, and processes that have read those would
    // skip this row (sync reads rows newer than what it last saw, less RACE_MARGIN_MS).
    db.transaction(() => {
      const at = Date.now();
      for (const tag of list) {
        upsert.run(tag, at);
        if ((state.tagTimes.get(tag) ?? 0) < at) state.tagTimes.set(tag, at);
      }
      if (queue) for (const target of targets) for (const tag of purgeable) queue.run(target, tag, at, at);
    }).immediate();
  } catch (error) {
    console.error('[cache] could not record invalidation', list, error);
  }
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
