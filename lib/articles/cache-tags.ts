// Cache tag names. Reads tag what they return; writes invalidate exactly these.
export const ARTICLES_TAG = 'articles';
export const articleTag = (slug: string) => `article:${slug}`;
/** Listings that show comment counts carry this; approving or removing a comment invalidates it. */
export const COMMENT_COUNTS_TAG = 'comment-counts';
