// Cache tag names. Reads tag what they return; writes invalidate exactly these.
export const ARTICLES_TAG = 'articles';
export const articleTag = (slug: string) => `article:${slug}`;
