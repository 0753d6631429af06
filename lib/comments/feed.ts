import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import { unstable_cache } from 'next/cache';
import { getDb } from '@/db';
import { articles, comments } from '@/db/schema';
import { articleTag, COMMENT_COUNTS_TAG, LISTINGS_TAG } from '@/lib/articles/cache-tags';
import { xmlText } from '@/lib/articles/feed';
import { isLive } from '@/lib/articles/queries';
import { env } from '@/lib/env';
import { absoluteUrl, articlePath } from '@/lib/site/urls';
import { articleCommentsFeedPath, COMMENTS_FEED_PATH } from './feed-paths';

// Comment feeds, as WordPress readers expect: the latest approved comments site-wide
// (/feed/comments.xml) and one article's (/articles/<slug>/feed.xml), each linked from the page
// head. Names and text only: the commenter's email never leaves the server.

export const COMMENT_FEED_SIZE = 50;

interface FeedComment {
  id: number;
  authorName: string;
  body: string;
  createdAt: Date;
  articleSlug: string;
  articleTitle: string;
}

function latestApproved(articleSlug?: string): FeedComment[] {
  return getDb()
    .select({
      id: comments.id,
      authorName: comments.authorName,
      body: comments.body,
      createdAt: comments.createdAt,
      articleSlug: articles.slug,
      articleTitle: articles.title,
    })
    .from(comments)
    .innerJoin(articles, eq(articles.id, comments.articleId))
    .where(and(eq(comments.status, 'approved'), isLive(), articleSlug ? eq(articles.slug, articleSlug) : undefined))
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(COMMENT_FEED_SIZE)
    .all();
}

/** A comment's text as feed readers show it: its paragraphs, escaped (comments are never HTML). */
function paragraphs(body: string): string {
  return body
    .replace(/\r\n?/g, '\n')
    .split(/\n{2,}/)
    .map((p) => `<p>${xmlText(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function rss({ title, home, self, items }: { title: string; home: string; self: string; items: FeedComment[] }): string {
  const entries = items
    .map((c) => {
      const link = absoluteUrl(`${articlePath(c.articleSlug)}#comment-${c.id}`);
      return `    <item>
      <title>${xmlText(`${c.authorName} on “${c.articleTitle}”`)}</title>
      <link>${xmlText(link)}</link>
      <guid isPermaLink="true">${xmlText(link)}</guid>
      <pubDate>${c.createdAt.toUTCString()}</pubDate>
      <dc:creator>${xmlText(c.authorName)}</dc:creator>
      <description>${xmlText(paragraphs(c.body))}</description>
    </item>`;
    })
    .join('\n');
  const lastBuild = items[0]?.createdAt ?? new Date(0);
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>${xmlText(title)}</title>
    <link>${xmlText(home)}</link>
    <description>${xmlText(`The latest comments readers wrote on ${env.SITE_NAME}, as published after moderation.`)}</description>
    <language>en-gb</language>
    <lastBuildDate>${lastBuild.toUTCString()}</lastBuildDate>
    <atom:link href="${xmlText(absoluteUrl(self))}" rel="self" type="application/rss+xml"/>
${entries}
  </channel>
</rss>
`;
}

/** The site's comment feed: the latest COMMENT_FEED_SIZE approved comments on live articles. */
export const buildCommentsFeed = unstable_cache(
  async () => rss({ title: `${env.SITE_NAME}: comments`, home: absoluteUrl('/'), self: COMMENTS_FEED_PATH, items: latestApproved() }),
  ['buildCommentsFeed'],
  // Approving or removing a comment invalidates the counts; an article change (unpublishing) the listings.
  { tags: [COMMENT_COUNTS_TAG, LISTINGS_TAG] },
);

/** One article's comment feed, or null when readers may not see the article. */
export const buildArticleCommentsFeed = (article: { slug: string; title: string }) =>
  unstable_cache(
    async () =>
      rss({
        title: `Comments on “${article.title}”`,
        home: absoluteUrl(articlePath(article.slug)),
        self: articleCommentsFeedPath(article.slug),
        items: latestApproved(article.slug),
      }),
    ['buildArticleCommentsFeed', article.slug],
    { tags: [articleTag(article.slug)] },
  )();
