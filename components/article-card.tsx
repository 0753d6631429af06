import Link from 'next/link';
import type { ArticleSummary } from '@/lib/articles/queries';
import { articlePath, authorPath, commentsPagePath, sectionPath } from '@/lib/site/urls';
import { DateTime } from './date-time';

export function ArticleCard({
  article,
  variant = 'standard',
  headingLevel = 2,
  showSection = true,
  showCommentCount = true,
  children,
}: {
  article: ArticleSummary;
  variant?: 'standard' | 'lead';
  headingLevel?: 2 | 3;
  showSection?: boolean;
  /** Off where the list is cached without the comment-counts tag (related articles). */
  showCommentCount?: boolean;
  children?: React.ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`card card--${variant}`}>
      {showSection && (
        <Link className="kicker" href={sectionPath(article.section.slug)}>
          {article.section.name}
        </Link>
      )}
      <Heading className="card__title">
        <Link href={articlePath(article.slug)}>{article.title}</Link>
      </Heading>
      {article.summary && <p className="card__summary">{article.summary}</p>}
      {children}
      <p className="byline">
        By <Link href={authorPath(article.author.slug)}>{article.author.name}</Link> · <DateTime iso={article.publishedAt} />
        {showCommentCount && article.commentCount > 0 && (
          <>
            {' '}
            ·{' '}
            <Link href={commentsPagePath(article.slug, 1)}>
              {article.commentCount === 1 ? '1 comment' : `${article.commentCount} comments`}
            </Link>
          </>
        )}
      </p>
    </article>
  );
}
