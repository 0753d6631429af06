import { SiteLink } from '@/components/site-link';
import type { ArticleSummary } from '@/lib/articles/queries';
import { articlePath, commentsPagePath, sectionPath } from '@/lib/site/urls';
import { Bylines } from './article-view';
import { ResponsiveImage } from './media/responsive-image';
import { DateTime } from './date-time';

/** How a card shows its lead picture; `sizes` says how wide it is drawn, so a phone fetches a phone-sized file. */
const PICTURE = {
  // The front page's largest paint: fetched first, never lazily.
  lead: {
    className: 'card__image card__image--lead',
    sizes: '(min-width: 74rem) 47rem, (min-width: 52rem) 64vw, calc(100vw - 2rem)',
    priority: true,
  },
  // Beside the headline as a thumbnail on a phone, above it from 40rem.
  top: { className: 'card__image card__image--top', sizes: '(min-width: 52rem) 22rem, (min-width: 40rem) 45vw, 7rem', priority: false },
  thumb: { className: 'card__image card__image--thumb', sizes: '8rem', priority: false },
} as const;

export function ArticleCard({
  article,
  variant = 'standard',
  headingLevel = 2,
  showSection = true,
  showCommentCount = true,
  picture = variant === 'lead' ? 'lead' : 'thumb',
  omitAuthor,
  children,
}: {
  article: ArticleSummary;
  variant?: 'standard' | 'lead';
  headingLevel?: 2 | 3;
  showSection?: boolean;
  /** Off where the list is cached without the comment-counts tag (related articles). */
  showCommentCount?: boolean;
  picture?: keyof typeof PICTURE | 'none';
  /** On an author's own page: their name is the page's title, so the byline names only co-authors. */
  omitAuthor?: string;
  children?: React.ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const others = omitAuthor ? article.bylines.filter((b) => b.slug !== omitAuthor) : article.bylines;
  const image = picture !== 'none' && article.image ? { ...PICTURE[picture], ...article.image } : null;
  return (
    <article className={`card card--${variant}${image ? ` card--with-${picture}` : ''}`}>
      {image && (
        // The headline link next to it says where the picture leads, so the picture itself is not a second link.
        <ResponsiveImage className={image.className} image={image} alt={image.alt} sizes={image.sizes} priority={image.priority} />
      )}
      {showSection && (
        <SiteLink className="kicker" href={sectionPath(article.section.slug)}>
          {article.section.name}
        </SiteLink>
      )}
      <Heading className="card__title">
        <SiteLink href={articlePath(article.slug)}>{article.title}</SiteLink>
      </Heading>
      {article.summary && <p className="card__summary">{article.summary}</p>}
      {children}
      <p className="byline">
        {others.length > 0 && (
          <>
            {omitAuthor ? 'With' : 'By'} <Bylines bylines={others} /> ·{' '}
          </>
        )}
        <DateTime iso={article.publishedAt} />
        {showCommentCount && article.commentCount > 0 && (
          <>
            {' '}
            ·{' '}
            <SiteLink href={commentsPagePath(article.slug, 1)}>
              {article.commentCount === 1 ? '1 comment' : `${article.commentCount} comments`}
            </SiteLink>
          </>
        )}
      </p>
    </article>
  );
}
