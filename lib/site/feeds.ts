import { env } from '@/lib/env';
import { COMMENTS_FEED_PATH } from '@/lib/comments/feed-paths';

// Every page names the site's feeds (and a section or article page its own), so a feed reader finds them from any
// address a reader pastes. A page that sets `alternates` replaces the layout's, so each passes these.

const SITE_FEED = { url: '/feed.xml', title: `${env.SITE_NAME}: latest` };
/** The latest approved comments site-wide (lib/comments/feed.ts), as WordPress sites name theirs. */
const COMMENTS_FEED = { url: COMMENTS_FEED_PATH, title: `${env.SITE_NAME}: comments` };

/** `alternates.types` for a page: this page's own feed (a section's, an article's comments), then the site's two. */
export function feedTypes(own?: { url: string; title: string }) {
  return { 'application/rss+xml': [...(own ? [own] : []), SITE_FEED, COMMENTS_FEED] };
}
