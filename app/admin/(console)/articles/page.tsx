import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { DateTime } from '@/components/date-time';
import { PaginationNav } from '@/components/pagination-nav';
import { ARTICLE_TABS, countArticlesByTab, listArticlesForAdmin, type ArticleTab } from '@/lib/articles/admin-queries';
import { parsePageParam } from '@/lib/articles/pagination';
import { requireStaff } from '@/lib/auth/session';
import { articlePath } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Articles' };

type Props = { searchParams: Promise<{ tab?: string; q?: string; page?: string }> };

export default async function ArticlesPage({ searchParams }: Props) {
  await requireStaff('editor');
  const params = await searchParams;
  const tab: ArticleTab = ARTICLE_TABS.some((t) => t.key === params.tab) ? (params.tab as ArticleTab) : 'drafts';
  const q = (params.q ?? '').trim().slice(0, 200);
  const page = parsePageParam(params.page) ?? 1;
  const counts = countArticlesByTab();
  const list = listArticlesForAdmin({ tab, query: q, page });
  const href = (extra: Record<string, string>) => `/admin/articles?${new URLSearchParams({ tab, ...(q && { q }), ...extra })}`;
  return (
    <>
      <div className="page-head">
        <h1>Articles</h1>
        <Link className="button" href="/admin/articles/new">
          New article
        </Link>
      </div>
      <nav aria-label="Article status" className="tabs">
        <ul>
          {ARTICLE_TABS.map((t) => (
            <li key={t.key}>
              <Link href={`/admin/articles?tab=${t.key}`} aria-current={t.key === tab ? 'page' : undefined}>
                {t.label} <span className="count">({counts[t.key]})</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" className="inline-form" role="search" aria-label="Search articles">
        <input type="hidden" name="tab" value={tab} />
        <div className="field">
          <label htmlFor="article-q">Search by title</label>
          <input id="article-q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">Search</button>
      </form>
      <DataTable
        rows={list.items}
        rowKey={(a) => a.id}
        empty={<p className="hint">{q ? `No ${tab} match “${q}”.` : `No ${tab} yet.`}</p>}
        columns={[
          {
            header: 'Title',
            cell: (a) => (
              <>
                <Link href={`/admin/articles/${a.id}`}>{a.title}</Link>
                {a.status === 'published' && (
                  <>
                    {' '}
                    <a className="hint view-link" href={articlePath(a.slug)}>
                      (view)
                    </a>
                  </>
                )}
              </>
            ),
          },
          { header: 'Section', cell: (a) => a.section },
          { header: 'By', cell: (a) => a.bylines },
          {
            header: tab === 'scheduled' ? 'Goes live' : tab === 'drafts' ? 'Changed' : 'Published',
            cell: (a) => {
              const at = tab === 'drafts' ? a.updatedAt : tab === 'scheduled' ? a.scheduledAt : a.publishedAt;
              return at ? <DateTime iso={at.toISOString()} showTime /> : '—';
            },
          },
          { header: 'Last saved by', cell: (a) => a.updatedBy ?? '—' },
        ]}
      />
      <PaginationNav base="/admin/articles" page={list.page} pageCount={list.pageCount} href={(n) => href({ page: String(n) })} />
    </>
  );
}
