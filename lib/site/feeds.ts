import { env } from '@/lib/env';

// Every page names the site's feed (and a section page its own), so a feed reader finds it from any
// address a reader pastes. A page that sets `alternates` replaces the layout's, so each passes these.

const SITE_FEED = { url: '/feed.xml', title: `${env.SITE_NAME}: latest` };

/** `alternates.types` for a page: the site's feed, then this page's own (a section's). */
export function feedTypes(own?: { url: string; title: string }) {
  return { 'application/rss+xml': own ? [own, SITE_FEED] : [SITE_FEED] };
}
