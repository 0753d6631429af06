import 'server-only';
import { env } from '@/lib/env';
import { runAfterResponse } from '@/lib/jobs/after-response';
import { invalidateTags } from './tag-clock.mjs';
import { deliverDuePurges } from './purges';

/**
 * Marks cache tags as changed for every server process (see tag-clock.mjs), and purges
 * them from the shared caches in front (CACHE_PURGE_URLS) once the response has gone: the purges
 * are queued with the invalidation, so one that fails now is retried (lib/cache/purges.ts). Call
 * after the write has committed. Works inside a request and from command-line tools alike.
 *
 * Not through Next's revalidateTag: inside a server action that would also send the current page
 * again with the action's answer, which no caller wants (a form that keeps its own state, such as
 * the article editor, would be mounted afresh). A dashboard action refreshes its pages itself
 * (staffAction's revalidatePath).
 */
export function invalidateCacheTags(tags: string[]): void {
  if (tags.length === 0) return;
  invalidateTags(tags);
  if (env.CACHE_PURGE_URLS.length > 0) runAfterResponse('cache purges', deliverDuePurges);
}
