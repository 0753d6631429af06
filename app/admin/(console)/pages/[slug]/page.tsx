import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SitePageForm } from '@/components/admin/site-page-form';
import { requireStaff } from '@/lib/auth/session';
import { saveSitePageAction } from '@/lib/site-pages/admin-actions';
import { isSitePageSlug, SITE_PAGE_LINK_TEXT, SITE_PAGE_PURPOSE, sitePagePath } from '@/lib/site-pages/catalogue';
import { getSitePageForEditing, MAX_PAGE_BODY, MAX_PAGE_TITLE } from '@/lib/site-pages/pages';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: isSitePageSlug(slug) ? `Edit ${SITE_PAGE_LINK_TEXT[slug]}` : 'Page not found' };
}

export default async function EditSitePage({ params }: Props) {
  await requireStaff('editor');
  const { slug } = await params;
  if (!isSitePageSlug(slug)) notFound();
  const page = getSitePageForEditing(slug);
  return (
    <>
      <p>
        <Link href="/admin/pages">← Site pages</Link>
      </p>
      <h1>Edit {SITE_PAGE_LINK_TEXT[slug]}</h1>
      <p className="hint">
        {SITE_PAGE_PURPOSE[slug]} Readers see it at <a href={sitePagePath(slug)}>{sitePagePath(slug)}</a>
        {page.version === 0 ? '; this is its first version, which nobody has saved yet.' : '.'}
      </p>
      <SitePageForm
        action={saveSitePageAction}
        slug={slug}
        initial={{ title: page.title, body: page.body, version: page.version }}
        maxTitle={MAX_PAGE_TITLE}
        maxBody={MAX_PAGE_BODY}
      />
    </>
  );
}
