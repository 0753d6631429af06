import 'server-only';
import { cacheLife, cacheTag } from 'next/cache';
import { LISTINGS_TAG } from '@/lib/articles/cache-tags';
import { ISSUES_TAG, getSentIssue, listSentIssues } from './issues';

// The public newsletter archive, cached like the rest of the reading site.

export async function listPublicIssues() {
  'use cache';
  cacheTag(ISSUES_TAG);
  cacheLife('reader');
  return listSentIssues();
}

export async function getPublicIssue({ id }: { id: number }) {
  'use cache';
  // Checked here too: Next lets anyone with a cached read's id call it (README, "How it works").
  if (!Number.isSafeInteger(id) || id < 1) return null;
  // Also tagged with the articles: one taken down disappears from the web version too.
  cacheTag(ISSUES_TAG, LISTINGS_TAG);
  cacheLife('reader');
  return getSentIssue(id);
}
