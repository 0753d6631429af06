import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/article-view';
import { SiteFooter } from '@/components/site-footer';
import { SiteHeader } from '@/components/site-header';
import { getArticlePreview } from '@/lib/articles/admin-queries';
import { listSections } from '@/lib/articles/queries';
import { requireStaff } from '@/lib/auth/session';
import { newsroomNow } from '@/lib/site/clock';
import { parseIdParam } from '@/lib/site/urls';

// A draft (or any article) exactly as readers will see it, with the site's own header and footer,
// marked as a preview. Staff only; never cached, never indexed (the /admin layout says noindex).

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Preview' };

type Props = { params: Promise<{ id: string }> };

export default async function PreviewPage({ params }: Props) {
  await requireStaff('editor');
  const id = parseIdParam((await params).id);
  const article = id === null ? null : getArticlePreview({ id });
  if (!article) notFound();
  // A draft has no publication time yet: it shows the time it would have if published now.
  const shown = article.publishedAt === new Date(0).toISOString() ? { ...article, publishedAt: newsroomNow().toISOString() } : article;
  const sections = await listSections();
  return (
    <>
      <div className="preview-banner" role="note" aria-label="Preview">
        <strong>Preview</strong>: readers cannot see this page; it shows the article as saved, as readers will see it.{' '}
        <a href={`/admin/articles/${article.id}`}>Back to the editor</a>
      </div>
      <SiteHeader sections={sections} />
      <main id="main" tabIndex={-1}>
        <div className="wrap">
          <ArticleView article={shown} />
        </div>
      </main>
      <SiteFooter newsletter={null} />
    </>
  );
}
