import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleCard } from '@/components/article-card';
import { CommentSection } from '@/components/comments/comment-section';
import { NewsletterSignup } from '@/components/newsletter-signup';
import { DateTime } from '@/components/date-time';
import { env } from '@/lib/env';
import { getArticleBySlug, listRelatedArticles } from '@/lib/articles/queries';
import { listApprovedComments } from '@/lib/comments/queries';
import { absoluteUrl, articlePath, authorPath, commentsPagePath, isValidSlug, sectionPath, tagPath } from '@/lib/site/urls';

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
    authors: [{ name: article.author.name, url: authorPath(article.author.slug) }],
    alternates: { canonical: articlePath(article.slug) },
    openGraph: {
      type: 'article',
      title: article.title,
      description: article.summary,
      url: articlePath(article.slug),
      publishedTime: article.publishedAt,
      modifiedTime: article.revisedAt ?? article.publishedAt,
      section: article.section.name,
      authors: [article.author.name],
      tags: article.tags.map((t) => t.name),
    },
    twitter: { card: 'summary_large_image', title: article.title, description: article.summary },
  };
}

export default async function ArticlePage({ params }: Props) {
  const article = await load(params);
  if (!article) notFound();
  const [related, thread] = await Promise.all([
    listRelatedArticles({ article }),
    listApprovedComments({ slug: article.slug, page: 1 }),
  ]);
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
    author: [{ '@type': 'Person', name: article.author.name, url: absoluteUrl(authorPath(article.author.slug)) }],
    publisher: { '@type': 'Organization', name: env.SITE_NAME, url: env.SITE_URL },
  };

  return (
    <article className="article">
      <script
        type="application/ld+json"
        // JSON-LD must be inline; "<" is escaped so the text can never close the script element.
        dangerouslySetInnerHTML={{ __html: JSON.stringify(jsonLd).replace(/</g, '\\u003c') }}
      />
      <Link className="kicker" href={sectionPath(article.section.slug)}>
        {article.section.name}
      </Link>
      <h1 className="article__title">{article.title}</h1>
      {article.summary && <p className="article__summary">{article.summary}</p>}
      <div className="article__meta">
        By <Link href={authorPath(article.author.slug)}>{article.author.name}</Link>
        {article.author.role && <>, {article.author.role}</>}
        <br />
        Published <DateTime iso={article.publishedAt} showTime />
        {article.revisedAt && (
          <>
            {' '}
            · Updated <DateTime iso={article.revisedAt} showTime />
          </>
        )}{' '}
        · {article.readingMinutes} min read
        {thread && thread.total > 0 && (
          <>
            {' '}
            · <a href="#comments">{thread.total === 1 ? '1 comment' : `${thread.total} comments`}</a>
          </>
        )}
      </div>
      {/* Rendered from Markdown by lib/articles/markdown.ts, which lets no raw HTML or unsafe URL through. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t.slug}>
              <Link href={tagPath(t.slug)}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}
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
    </article>
  );
}
