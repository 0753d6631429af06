import type { ArticleSummary, Page } from '@/lib/articles/queries';
import { ArticleCard } from './article-card';
import { PaginationNav } from './pagination-nav';

/** The body of a section, tag or author archive. */
export function ArchiveList({
  base,
  list,
  showSection = true,
  omitAuthor,
}: {
  base: string;
  list: Page<ArticleSummary>;
  showSection?: boolean;
  /** An author page's own author, left out of each byline. */
  omitAuthor?: string;
}) {
  return (
    <div className="archive-list">
      {list.items.length === 0 ? (
        <p>Nothing has been published here yet.</p>
      ) : (
        list.items.map((a) => <ArticleCard key={a.id} article={a} showSection={showSection} omitAuthor={omitAuthor} />)
      )}
      <PaginationNav base={base} page={list.page} pageCount={list.pageCount} />
    </div>
  );
}
