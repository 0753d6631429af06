import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/article-card';
import { CommentSection } from '@/components/comments/comment-section';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { ShareLinks } from '@/components/share-links';
import { ArticleView } from '@/components/article-view';
import { env } from '@/lib/env';
import { getArticleBySlug, listRelatedArticles } from '@/lib/articles/queries';
import { listApprovedComments } from '@/lib/comments/queries';
import { variantUrl } from '@/lib/media/rules';
import { feedTypes } from '@/lib/site/feeds';
import { articleCommentsFeedPath } from '@/lib/comments/feed-paths';
import { absoluteUrl, articlePath, authorPath, commentsPagePath, isValidSlug } from '@/lib/site/urls';

export function generateStaticParams() {
  return [];
}

// Cached until an article or comment tag is invalidated; refreshed hourly anyway so the comment
// form's signed time stamp in the cached HTML never gets old.
export const revalidate = 3600;

type Props = { params: Promise<{ slug: string }> };

async function load(params: Props['params']) {
  const { slug } = await params;
  if (!isValidSlug(slug)) return null;
  return getArticleBySlug({ slug });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await load(params);
  if (!article) return { title: 'Page not found' };
  return {
    title: article.title,
    description: article.summary,
    authors: article.bylines.map((b) => ({ name: b.name, url: authorPath(b.slug) })),
    alternates: {
      canonical: articlePath(article.slug),
      types: feedTypes({ url: articleCommentsFeedPath(article.slug), title: `Comments on “${article.title}”` }),
    },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary,
      url: articlePath(article.slug),
      publishedTime: article.publishedAt,
      modifiedTime: article.revisedAt ?? article.publishedAt,
      section: article.section.name,
      authors: article.bylines.map((b) => b.name),
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.summary },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  if (!article) notFound();
  const [related, thread] = await Promise.all([listRelatedArticles({ article }), listApprovedComments({ slug: article.slug, page: 1 })]);
  const url = absoluteUrl(articlePath(article.slug));
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.summary,
    mainEntityOfPage: url,
    url,
    datePublished: article.publishedAt,
    dateModified: article.revisedAt ?? article.publishedAt,
    articleSection: article.section.name,
    keywords: article.tags.map((t) => t.name).join(', '),
    author: article.bylines.map((b) => ({ '@type': 'Person', name: b.name, url: absoluteUrl(authorPath(b.slug)) })),
    ...(article.image && { image: [absoluteUrl(variantUrl(article.image.hash, 1280, 'webp'))] }),
    publisher: { '@type': 'Organization', name: env.SITE_NAME, url: env.SITE_URL },
  };

  return (
    <ArticleView
      article={article}
      meta={
        thread && thread.total > 0 ? (
          <>
            {' '}
            · <a href="#comments">{thread.total === 1 ? '1 comment' : `${thread.total} comments`}</a>
          </>
        ) : null
      }
    >
      <script
        type="application/ld+json"
        // JSON-LD must be inline; "<" is escaped so the text can never close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <ShareLinks url={url} title={article.title} />
      <NewsletterSignup intro="Liked this? Get our reporting on public-sector technology by email every Friday." />
      {related.length > 0 && (
        <section className="related" aria-labelledby="related-heading">
          <h2 id="related-heading" className="block-title">
            Related articles
          </h2>
          {related.map((a) => (
            <ArticleCard key={a.id} article={a} headingLevel={3} showCommentCount={false} />
          ))}
        </section>
      )}
      {thread && (
        <CommentSection
          slug={article.slug}
          articlePath={articlePath(article.slug)}
          commentsOpen={article.commentsOpen}
          thread={thread}
          pageHref={(n) => commentsPagePath(article.slug, n)}
        />
      )}
    </ArticleView>
  );
}
