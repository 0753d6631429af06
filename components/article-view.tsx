import { SiteLink } from '@/components/site-link';
import { ResponsiveImage } from '@/components/media/responsive-image';
import type { ArticleDetail } from '@/lib/articles/queries';
import { authorPath, sectionPath, tagPath } from '@/lib/site/urls';
import { DateTime } from './date-time';

/** "Ana Ruiz", "Ana Ruiz and Tom Reed", "Ana Ruiz, Tom Reed and Jo Lee", each a link. */
export function Bylines({ bylines }: { bylines: ArticleDetail['bylines'] }) {
  return (
    <>
      {bylines.map((b, i) => (
        <span key={b.slug}>
          {i > 0 && (i === bylines.length - 1 ? ' and ' : ', ')}
          <SiteLink href={authorPath(b.slug)}>{b.name}</SiteLink>
        </span>
      ))}
    </>
  );
}

/**
 * An article as readers see it: the public page and the staff preview render this same component,
 * so a preview is what readers will get. `children` follow the tags (newsletter box, related
 * articles, comments on the public page).
 */
export function ArticleView({ article, meta, children }: { article: ArticleDetail; meta?: React.ReactNode; children?: React.ReactNode }) {
  const single = article.bylines.length === 1;
  return (
    <article className="article">
      <SiteLink className="kicker" href={sectionPath(article.section.slug)}>
        {article.section.name}
      </SiteLink>
      <h1 className="article__title">{article.title}</h1>
      {article.summary && <p className="article__summary">{article.summary}</p>}
      <div className="article__meta">
        By <Bylines bylines={article.bylines} />
        {single && article.author.role && <>, {article.author.role}</>}
        <br />
        Published <DateTime iso={article.publishedAt} showTime />
        {article.revisedAt && (
          <>
            {' '}
            · Updated <DateTime iso={article.revisedAt} showTime />
          </>
        )}{' '}
        · {article.readingMinutes} min read
        {meta}
      </div>
      {article.image && (
        <figure className="article__image">
          {/* The page's largest paint on a phone: fetched first, never lazily, at the size the screen needs. */}
          <ResponsiveImage image={article.image} alt={article.image.alt} sizes="(min-width: 44rem) 42rem, calc(100vw - 2rem)" priority />
          {(article.image.caption || article.image.credit) && (
            <figcaption>
              {article.image.caption}
              {article.image.caption && article.image.credit && ' '}
              {article.image.credit && <span className="credit">{article.image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      {/* Rendered from Markdown by lib/articles/markdown.ts, which lets no raw HTML or unsafe URL through. */}
      <div className="prose" dangerouslySetInnerHTML={{ __html: article.html }} />
      {article.correction && (
        <aside className="correction" aria-labelledby="correction-heading">
          <h2 id="correction-heading">Correction</h2>
          <p>
            <DateTime iso={article.correction.at} showTime />: {article.correction.text}
          </p>
        </aside>
      )}
      {article.tags.length > 0 && (
        <ul className="tag-list" aria-label="Tags">
          {article.tags.map((t) => (
            <li key={t.slug}>
              <SiteLink href={tagPath(t.slug)}>{t.name}</SiteLink>
            </li>
          ))}
        </ul>
      )}
      {children}
    </article>
  );
}
