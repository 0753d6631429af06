import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from '../../db/schema';
import { cacheInvalidations } from '../../db/schema';

// A typed Drizzle handle on a site's SQLite file, for end-to-end specs and benchmarks, which run
// beside the server rather than inside it (db/index.ts reads lib/env and opens the one database
// the environment names). Test data goes in through the schema, so a schema change breaks the
// type check rather than a journey. Unit tests use getDb() from db/index.ts, the same kind of handle.

export type SiteDb = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/** Opens an existing database file (the server creates and migrates it). */
export function openSiteDb(file: string): SiteDb {
  const client = new Database(file, { fileMustExist: true });
  // The server writes at the same time; wait for its locks rather than fail.
  client.pragma('busy_timeout = 5000');
  // The constraints the app's own connections enforce (db/index.ts).
  client.pragma('foreign_keys = ON');
  return drizzle({ client, schema });
}

/**
 * What the newsroom tools do after a change: every server process drops its cached pages with
 * these tags (lib/cache/tag-clock.mjs polls the table). Pages rendered in the second
 * after an invalidation count as stale too, so wait a moment before warming a page up again.
 */
export function invalidateTags(db: SiteDb, tags: string[], now = Date.now()): void {
  if (tags.length === 0) return;
  // As lib/cache/invalidate.ts writes it.
  db.insert(cacheInvalidations)
    .values(tags.map((tag) => ({ tag, invalidatedAt: now })))
    .onConflictDoUpdate({
      target: cacheInvalidations.tag,
      set: { invalidatedAt: sql`max(${cacheInvalidations.invalidatedAt}, excluded.invalidated_at)` },
    })
    .run();
}
