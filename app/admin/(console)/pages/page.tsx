import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { DateTime } from '@/components/date-time';
import { requireStaff } from '@/lib/auth/session';
import { SITE_PAGE_LINK_TEXT, SITE_PAGE_PURPOSE, sitePagePath } from '@/lib/site-pages/catalogue';
import { listSitePages } from '@/lib/site-pages/pages';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Site pages' };

export default async function SitePagesPage() {
  await requireStaff('editor');
  const pages = listSitePages();
  return (
    <>
      <h1>Site pages</h1>
      <p className="hint">
        The pages readers check before they trust us, linked from every page&apos;s footer. Each shows its first version until you save your
        own.
      </p>
      <DataTable
        rows={pages}
        rowKey={(p) => p.slug}
        columns={[
          {
            header: 'Page',
            cell: (p) => (
              <>
                <Link href={`/admin/pages/${p.slug}`}>{SITE_PAGE_LINK_TEXT[p.slug]}</Link>{' '}
                <a className="hint" href={sitePagePath(p.slug)}>
                  (view)
                </a>
              </>
            ),
          },
          { header: 'What it is for', cell: (p) => SITE_PAGE_PURPOSE[p.slug] },
          {
            header: 'Last saved',
            cell: (p) =>
              p.updatedAt ? (
                <>
                  <DateTime iso={p.updatedAt} showTime /> by {p.updatedBy ?? 'someone'}
                </>
              ) : (
                'First version, not edited yet'
              ),
          },
        ]}
      />
    </>
  );
}
