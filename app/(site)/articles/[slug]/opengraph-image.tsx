import { ImageResponse } from 'next/og';
import { env } from '@/lib/env';
import { getArticleBySlug } from '@/lib/articles/queries';
import { isValidSlug } from '@/lib/site/urls';

export const alt = 'Article headline';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export function generateStaticParams() {
  return [];
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = isValidSlug(slug) ? await getArticleBySlug({ slug }) : null;
  const title = article?.title ?? env.SITE_NAME;
  return new ImageResponse(
    <div
      style={{
        width: '100%',
        height: '100%',
        display: 'flex',
        flexDirection: 'column',
        justifyContent: 'space-between',
        background: '#fbfaf7',
        color: '#1b1b1b',
        padding: '64px 72px',
        borderTop: '16px solid #a3121b',
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, color: '#a3121b', textTransform: 'uppercase' }}>
        {article?.section.name ?? 'Public-sector technology'}
      </div>
      <div style={{ display: 'flex', fontSize: title.length > 70 ? 60 : 72, fontWeight: 700, lineHeight: 1.1 }}>{title}</div>
      <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 30, color: '#555049' }}>
        <span>{env.SITE_NAME}</span>
        <span>{article ? `By ${article.author.name}` : ''}</span>
      </div>
    </div>,
    size,
  );
}
