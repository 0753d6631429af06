import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ResponsiveImage } from './responsive-image';

const hash = 'f'.repeat(64);
const render = (props: Partial<Parameters<typeof ResponsiveImage>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(ResponsiveImage, {
      image: { hash, width: 1600, height: 900, format: 'jpeg' },
      alt: 'Rows of terraced houses',
      sizes: '(min-width: 52rem) 40rem, 100vw',
      ...props,
    }),
  );

describe('ResponsiveImage', () => {
  it('offers AVIF, then WebP, then a mid-size WebP <img> with its box reserved', () => {
    const html = render();
    expect(html).toMatch(
      /^<picture><source type="image\/avif" srcSet="[^"]+" sizes="[^"]+"\/><source type="image\/webp" srcSet="[^"]+" sizes="[^"]+"\/><img [^>]+\/><\/picture>$/,
    );
    expect(html).toContain(`/media/${hash}-320.avif 320w`);
    expect(html).toContain(`/media/${hash}-1600.webp 1600w`);
    expect(html).not.toContain('-1920.');
    expect(html).toContain('sizes="(min-width: 52rem) 40rem, 100vw"');
    expect(html).toContain(`src="/media/${hash}-960.webp"`);
    expect(html).toContain('width="1600" height="900"');
    expect(html).toContain('alt="Rows of terraced houses"');
    expect(html).toContain('decoding="async" loading="lazy"');
    expect(html).not.toContain('fetchPriority');
  });

  it('loads a priority picture at once and first', () => {
    const html = render({ priority: true, className: 'lead-image' });
    expect(html).toContain('loading="eager"');
    expect(html).toContain('fetchPriority="high"');
    expect(html).toContain('class="lead-image"');
  });

  it('keeps an empty alt for a decorative picture', () => {
    expect(render({ alt: '' })).toContain('alt=""');
  });
});
