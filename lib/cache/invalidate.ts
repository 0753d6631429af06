import 'server-only';
import { invalidateTags } from './next-cache-handler.mjs';

/**
 * Marks cache tags as changed for every server process (see next-cache-handler.mjs). Call after
 * the write has committed. Works inside a request and from command-line tools alike.
 *
 * Not through Next's revalidateTag: inside a server action that would also send the current page
 * again with the action's answer, which no caller wants (a form that keeps its own state, such as
 * the article editor, would be mounted afresh). A dashboard action refreshes its pages itself
 * (staffAction's revalidatePath).
 */
export function invalidateCacheTags(tags: string[]): void {
  if (tags.length > 0) invalidateTags(tags);
}
