import { articlePath } from '@/lib/site/urls';

/** Where the comment feeds are (lib/comments/feed.ts builds them; pages name them in their head). */
export const COMMENTS_FEED_PATH = '/feed/comments.xml';
export const articleCommentsFeedPath = (slug: string) => `${articlePath(slug)}/feed.xml`;
