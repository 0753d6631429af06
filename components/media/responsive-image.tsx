import { contentTypeOf, defaultSrc, PICTURE_FORMATS, srcSet, type MediaImage } from '@/lib/media/rules';

/**
 * A stored picture at the size the layout needs: AVIF where the browser reads it, WebP otherwise,
 * each from the ladder of widths (lib/media/rules.ts) up to the picture's own. The <img> carries the
 * picture's width and height, so the browser reserves its box before it loads (no layout shift).
 *
 * `sizes` says how wide the picture is drawn ("(min-width: 52rem) 40rem, 100vw"); `priority` is for
 * the one picture at the top of a page (the largest paint): loaded at once and first. `className`
 * goes on the <img>, the element that is laid out.
 *
 * No 'use client' and no server-only import: it renders on the server, and client components (the
 * media picker) may use it too.
 */
export function ResponsiveImage({
  image,
  alt,
  sizes,
  priority = false,
  className,
}: {
  image: MediaImage;
  alt: string;
  sizes: string;
  priority?: boolean;
  className?: string;
}) {
  return (
    <picture>
      {PICTURE_FORMATS.map((format) => (
        <source key={format} type={contentTypeOf(format)} srcSet={srcSet(image, format)} sizes={sizes} />
      ))}
      <img
        src={defaultSrc(image)}
        width={image.width}
        height={image.height}
        alt={alt}
        className={className}
        decoding="async"
        loading={priority ? 'eager' : 'lazy'}
        fetchPriority={priority ? 'high' : undefined}
      />
    </picture>
  );
}
