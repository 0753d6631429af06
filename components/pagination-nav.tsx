import { SiteLink } from '@/components/site-link';
import { pagePath } from '@/lib/site/urls';

/** Previous/next links for a listing whose first page lives at `base`. */
export function PaginationNav({
  base,
  page,
  pageCount,
  href = (n: number) => pagePath(base, n),
}: {
  base: string;
  page: number;
  pageCount: number;
  href?: (n: number) => string;
}) {
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label="Pagination">
      {page > 1 ? (
        <SiteLink href={href(page - 1)} rel="prev">
          ← Newer
        </SiteLink>
      ) : (
        <span />
      )}
      <span className="pagination__status">
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <SiteLink href={href(page + 1)} rel="next">
          Older →
        </SiteLink>
      ) : (
        <span />
      )}
    </nav>
  );
}
