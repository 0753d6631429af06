import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ArticleEditor } from '@/components/admin/article-editor';
import { getArticleForEditing, listRevisions } from '@/lib/articles/admin-queries';
import { saveArticleAction } from '@/lib/articles/admin-actions';
import { editorPropsFor } from '@/lib/articles/editor-values';
import { requireStaff } from '@/lib/auth/session';
import { parseIdParam } from '@/lib/site/urls';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit article' };

type Props = { params: Promise<{ id: string }> };

export default async function EditArticlePage({ params }: Props) {
  await requireStaff('editor');
  const id = parseIdParam((await params).id);
  const saved = id === null ? null : getArticleForEditing({ id });
  if (!saved) notFound();
  const revisions = listRevisions({ articleId: saved.id });
  return (
    <>
      <h1>Edit article</h1>
      <p>
        <Link href="/admin/articles">All articles</Link>
        {revisions.length > 0 && (
          <>
            {' · '}
            <Link href={`/admin/articles/${saved.id}/revisions`}>
              {revisions.length === 1 ? '1 earlier revision' : `${revisions.length} earlier revisions`}
            </Link>
          </>
        )}
      </p>
      <ArticleEditor action={saveArticleAction} {...editorPropsFor(saved)} />
    </>
  );
}
