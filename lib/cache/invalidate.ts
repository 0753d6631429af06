import 'server-only';
import { revalidateTag } from 'next/cache';
import { invalidateTags } from './next-cache-handler.mjs';

/**
 * Marks cache tags as changed for every server process (see next-cache-handler.mjs). Call after
 * the write has committed. Works inside a request and from command-line tools alike.
 */
export function invalidateCacheTags(tags: string[]): void {
  if (tags.length === 0) return;
  invalidateTags(tags);
  for (const tag of tags) {
    try {
      // Inside a request this also refreshes the page that made the change; outside one (a CLI,
      // a background job) it throws, and the invalidation above is enough.
      revalidateTag(tag, { expire: 0 });
    } catch {
      /* not in a request */
    }
  }
}
