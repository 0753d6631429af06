import { readFile } from 'node:fs/promises';
import { ImageResponse } from 'next/og';
import { env } from '@/lib/env';
import { getArticleBySlug, type LeadImage } from '@/lib/articles/queries';
import { ensureVariant } from '@/lib/media/variants';
import { isValidSlug } from '@/lib/site/urls';

export const alt = 'Article headline';
export const size = { width: 1200, height: 630 };
export const contentType = 'image/png';

export function generateStaticParams() {
  return [];
}

/** The lead picture as a JPEG data URL (the image renderer reads JPEG and PNG, not WebP or AVIF). */
async function pictureData(image: LeadImage): Promise<string | null> {
  try {
    const file = await ensureVariant(image, 1280, 'jpeg');
    return `data:image/jpeg;base64,${(await readFile(file)).toString('base64')}`;
  } catch (error) {
    console.error('[og] the lead picture could not be read', error);
    return null;
  }
}

export default async function OpenGraphImage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const article = isValidSlug(slug) ? await getArticleBySlug({ slug }) : null;
  const title = article?.title ?? env.SITE_NAME;
  const picture = article?.image ? await pictureData(article.image) : null;
  if (article && picture) {
    // The picture fills the card; the headline sits on a dark band across its foot.
    return new ImageResponse(
      <div style={{ width: '100%', height: '100%', display: 'flex', position: 'relative', background: '#1b1b1b' }}>
        <img
          src={picture}
          alt=""
          width={1200}
          height={630}
          style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', objectFit: 'cover' }}
        />
        <div
          style={{
            position: 'absolute',
            left: 0,
            right: 0,
            bottom: 0,
            display: 'flex',
            flexDirection: 'column',
            padding: '28px 56px 36px',
            background: 'rgba(20, 20, 20, 0.82)',
            color: '#ffffff',
            borderTop: '10px solid #a3121b',
          }}
        >
          <div style={{ display: 'flex', fontSize: 26, fontWeight: 700, textTransform: 'uppercase', color: '#ff9b9b' }}>
            {env.SITE_NAME} · {article.section.name}
          </div>
          <div style={{ display: 'flex', fontSize: title.length > 70 ? 44 : 54, fontWeight: 700, lineHeight: 1.1, marginTop: 8 }}>
            {title}
          </div>
        </div>
      </div>,
      size,
    );
  }
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
