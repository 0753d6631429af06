import type { Metadata } from 'next';
import { ArticleEditor } from '@/components/admin/article-editor';
import { listEditorChoices } from '@/lib/articles/admin-queries';
import { saveArticleAction } from '@/lib/articles/admin-actions';
import { editorValuesFor } from '@/lib/articles/editor-values';
import { requireStaff } from '@/lib/auth/session';
import { env } from '@/lib/env';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'New article' };

export default async function NewArticlePage() {
  await requireStaff('editor');
  const choices = listEditorChoices();
  const { values, article } = editorValuesFor(null);
  return (
    <>
      <h1>New article</h1>
      <ArticleEditor
        action={saveArticleAction}
        initial={values}
        article={article}
        sections={choices.sections}
        authors={choices.authors}
        tagNames={choices.tags}
        timeZone={env.SITE_TIME_ZONE}
      />
    </>
  );
}
