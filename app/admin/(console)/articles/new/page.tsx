import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/admin/article-editor';
import { saveArticleAction } from '@/lib/articles/admin-actions';
import { editorPropsFor } from '@/lib/articles/editor-values';
import { requireStaff } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireStaff('editor');
  return (
    <>
      <h1>New article</h1>
      <ArticleEditor action={saveArticleAction} {...editorPropsFor(null)} />
    </>
  );
}
