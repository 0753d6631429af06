import 'server-only';
import { revalidateTag } from 'next/cache';
import { invalidateTags } from './next-cache-handler.mjs';

/**
 * Marks cache tags as changed for every server process (see next-cache-handler.mjs). Call after
 * the write has committed. Works inside a request and from command-line tools alike.
 *
 * `rerender: false` for a form that keeps its own state (the article editor): in a server action,
 * revalidateTag also makes Next send the current page again with the action's answer, and a page
 * whose address history.replaceState has changed (/admin/articles/new → /admin/articles/12) is
 * then mounted afresh, dropping the form's message and anything typed during the save.
 */
export function invalidateCacheTags(tags: string[], { rerender = true }: { rerender?: boolean } = {}): void {
  if (tags.length === 0) return;
  invalidateTags(tags);
  if (!rerender) return;
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
