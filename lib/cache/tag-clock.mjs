// When each cache tag was last invalidated, for every process on one database: the one record
// that both of Next's caches (pages: next-cache-handler.mjs; `'use cache'` data:
// use-cache-handler.mjs), the page copies (page-cache.mjs) and the command-line tools consult.
//
// Invalidations are rows in the site's SQLite file (`cache_invalidations`), each queued with its
// purges for the shared caches in front (lib/cache/purges.ts sends them). A process reads the rows
// written since it last looked, at most every SYNC_EVERY_MS, so a change made by any process shows
// in every other within that time.
//
// Plain JavaScript: Next loads the cache handlers outside the app bundle, and scripts/server.mjs
// without a TypeScript step (types in tag-clock.d.mts).
import path from 'node:path';
import Database from 'better-sqlite3';
import { publicTags } from '../http/cache-policy.mjs';
import { purgeTargetsFromEnv, queuePurgesSql } from './purge-targets.mjs';

const SYNC_EVERY_MS = 200;
/**
 * A render that read the database just before an invalidation can finish just after it; anything
 * stored within this window of an invalidation of one of its tags is treated as stale too.
 */
export const RACE_MARGIN_MS = 1000;

// On globalThis: Next may load the two cache handlers as separate module instances in one process.
const state = (globalThis.__ledgerTagClock ??= { tagTimes: new Map(), lastSync: 0, highWater: 0, db: null, dbPath: null });

function database() {
  // Same default as lib/env.ts (this file runs outside the app bundle, where lib/env is not loaded).
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

/** Reads the invalidations other processes wrote; at most every SYNC_EVERY_MS unless `force`. */
export function syncTagClock(force = false) {
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

/** The last time (ms) any of `tags` was invalidated, as this process last read it; 0 if never. */
export function lastInvalidated(tags) {
  let latest = 0;
  for (const tag of tags) {
    const at = state.tagTimes.get(tag);
    if (at !== undefined && at > latest) latest = at;
  }
  return latest;
}

/**
 * Whether any of `tags` was invalidated, in any process, after (or just before) `since` (ms).
 * `fresh` reads the shared table now rather than up to SYNC_EVERY_MS ago.
 */
export function changedSince(tags, since, { fresh = false } = {}) {
  syncTagClock(fresh);
  const at = lastInvalidated(tags);
  return at !== 0 && at + RACE_MARGIN_MS > since;
}

/**
 * Marks tags as changed, in this process at once and for every other process (and command-line
 * tool) through the database: the one place an invalidation is written. The cache handlers call
 * it when Next revalidates a tag or path; lib/cache/invalidate.ts calls it directly, so it also
 * works outside a request.
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
