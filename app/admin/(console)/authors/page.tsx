import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/admin/data-table';
import { requireStaff } from '@/lib/auth/session';
import { listAuthorProfiles } from '@/lib/authors/profiles';
import { authorPath } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Authors' };

export default async function AuthorsPage() {
  await requireStaff('editor');
  const authors = listAuthorProfiles();
  return (
    <>
      <h1>Authors</h1>
      <p className="hint">The names in bylines, and the bio and photo on each author&apos;s page.</p>
      <DataTable
        rows={authors}
        rowKey={(a) => a.id}
        empty={<p className="hint">No authors yet. An author is added when an article names a new byline.</p>}
        columns={[
          {
            header: 'Name',
            cell: (a) => (
              <>
                <Link href={`/admin/authors/${a.id}`}>{a.name}</Link>{' '}
                <a className="hint" href={authorPath(a.slug)}>
                  (view)
                </a>
              </>
            ),
          },
          { header: 'Role', cell: (a) => a.role || '—' },
          { header: 'Bio', cell: (a) => (a.bio ? 'Yes' : 'Not written') },
          { header: 'Photo', cell: (a) => (a.photo ? 'Yes' : 'None') },
        ]}
      />
    </>
  );
}
