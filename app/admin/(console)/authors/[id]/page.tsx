import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AuthorForm } from '@/components/admin/author-form';
import { requireStaff } from '@/lib/auth/session';
import { saveAuthorAction } from '@/lib/authors/admin-actions';
import { getAuthorProfile, MAX_AUTHOR_BIO, MAX_AUTHOR_NAME, MAX_AUTHOR_ROLE } from '@/lib/authors/profiles';
import { authorPath, parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const id = parseIdParam((await params).id);
  return id === null ? null : getAuthorProfile(id);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await load(params);
  return { title: author ? `Edit ${author.name}` : 'Page not found' };
}

export default async function EditAuthorPage({ params }: Props) {
  await requireStaff('editor');
  const author = await load(params);
  if (!author) notFound();
  return (
    <>
      <p>
        <Link href="/admin/authors">← Authors</Link>
      </p>
      <h1>Edit {author.name}</h1>
      <p className="hint">
        Readers see the profile at <a href={authorPath(author.slug)}>{authorPath(author.slug)}</a>.
      </p>
      <AuthorForm
        action={saveAuthorAction}
        author={author}
        limits={{ name: MAX_AUTHOR_NAME, role: MAX_AUTHOR_ROLE, bio: MAX_AUTHOR_BIO }}
      />
    </>
  );
}
