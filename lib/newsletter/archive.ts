import 'server-only';
import { unstable_cache } from 'next/cache';
import { LISTINGS_TAG } from '@/lib/articles/cache-tags';
import { ISSUES_TAG, getSentIssue, listSentIssues } from './issues';

// The public newsletter archive, cached like the rest of the reading site.

export const listPublicIssues = unstable_cache(async () => listSentIssues(), ['listPublicIssues'], { tags: [ISSUES_TAG] });

export const getPublicIssue = async ({ id }: { id: number }) =>
  // Also tagged with the articles: one taken down disappears from the web version too.
  unstable_cache(async () => getSentIssue(id), ['getPublicIssue', String(id)], { tags: [ISSUES_TAG, LISTINGS_TAG] })();
