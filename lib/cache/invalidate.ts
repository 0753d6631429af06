import 'server-only';
import { revalidateTag } from 'next/cache';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { cacheInvalidations } from '@/db/schema';

/**
 * Marks cache tags as changed for every server process (see next-cache-handler.mjs). Call after
 * the write has committed. Works inside a request and from command-line tools alike.
 */
export function invalidateCacheTags(tags: string[]): void {
  if (tags.length === 0) return;
  const now = Date.now();
  getDb()
    .insert(cacheInvalidations)
    .values(tags.map((tag) => ({ tag, invalidatedAt: now })))
    .onConflictDoUpdate({
      target: cacheInvalidations.tag,
      set: { invalidatedAt: sql`max(${cacheInvalidations.invalidatedAt}, excluded.invalidated_at)` },
    })
    .run();
  for (const tag of tags) {
    try {
      // Inside Next this also drops this process's entries at once and refreshes the page that
      // made the change; outside a request (a CLI) it throws, and the row above is enough.
      revalidateTag(tag, { expire: 0 });
    } catch {
      /* not in a request */
    }
  }
}
