import 'server-only';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { cacheLife, cacheTag } from 'next/cache';
import { getDb } from '@/db';
import { articles, comments } from '@/db/schema';
import { articleTag, COMMENT_COUNTS_TAG, LISTINGS_TAG } from '@/lib/articles/cache-tags';
import { isLive } from '@/lib/articles/queries';
import { env } from '@/lib/env';
import { rssDocument, xmlText } from '@/lib/site/rss';
import { absoluteUrl, articlePath, isValidSlug } from '@/lib/site/urls';
import { parseCommentBody } from './format';
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
    .where(
      and(eq(comments.status, 'approved'), isNull(comments.erasedAt), isLive(), articleSlug ? eq(articles.slug, articleSlug) : undefined),
    )
    .orderBy(desc(comments.createdAt), desc(comments.id))
    .limit(COMMENT_FEED_SIZE)
    .all();
}

/** A comment's text as HTML for feed readers: its paragraphs and line breaks as the page splits them, all as text. */
function commentHtml(body: string): string {
  return parseCommentBody(body)
    .map((lines) => `<p>${lines.map((segments) => segments.map((s) => xmlText(s.text)).join('')).join('<br>')}</p>`)
    .join('');
}

function commentItem(c: FeedComment): string {
  const link = absoluteUrl(`${articlePath(c.articleSlug)}#comment-${c.id}`);
  return `    <item>
      <title>${xmlText(`${c.authorName} on “${c.articleTitle}”`)}</title>
      <link>${xmlText(link)}</link>
      <guid isPermaLink="true">${xmlText(link)}</guid>
      <pubDate>${c.createdAt.toUTCString()}</pubDate>
      <dc:creator>${xmlText(c.authorName)}</dc:creator>
      <description>${xmlText(commentHtml(c.body))}</description>
    </item>`;
}

function commentsFeed({
  title,
  homePath,
  selfPath,
  comments,
}: {
  title: string;
  homePath: string;
  selfPath: string;
  comments: FeedComment[];
}) {
  return rssDocument({
    title,
    homePath,
    selfPath,
    description: `The latest comments readers wrote on ${env.SITE_NAME}, as published after moderation.`,
    lastBuild: comments[0]?.createdAt,
    items: comments.map(commentItem),
  });
}

/** Approving or removing a comment invalidates the counts; an article change (unpublishing) the listings. */
export const COMMENTS_FEED_TAGS = [COMMENT_COUNTS_TAG, LISTINGS_TAG];
/** Approving or removing a comment on an article invalidates the article. */
export const articleCommentsFeedTags = (slug: string) => [articleTag(slug)];

/** The site's comment feed: the latest COMMENT_FEED_SIZE approved comments on live articles. */
export async function buildCommentsFeed() {
  'use cache';
  cacheTag(...COMMENTS_FEED_TAGS);
  cacheLife('reader');
  return commentsFeed({ title: `${env.SITE_NAME}: comments`, homePath: '/', selfPath: COMMENTS_FEED_PATH, comments: latestApproved() });
}

/** One live article's comment feed, or null when readers cannot see the article. */
export async function buildArticleCommentsFeed(slug: string): Promise<string | null> {
  'use cache';
  // Checked here, not by the caller: Next lets anyone with a cached read's id call it (README).
  if (!isValidSlug(slug)) return null;
  cacheTag(...articleCommentsFeedTags(slug));
  cacheLife('reader');
  const article = getDb()
    .select({ slug: articles.slug, title: articles.title })
    .from(articles)
    .where(and(eq(articles.slug, slug), isLive()))
    .get();
  if (!article) return null;
  return commentsFeed({
    title: `Comments on “${article.title}”`,
    homePath: articlePath(article.slug),
    selfPath: articleCommentsFeedPath(article.slug),
    comments: latestApproved(article.slug),
  });
}
