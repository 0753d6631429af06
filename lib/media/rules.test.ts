import { describe, expect, it } from 'vitest';
import {
  defaultSrc,
  describeRefusal,
  formatFileSize,
  formatMegabytes,
  markdownForImage,
  MAX_UPLOAD_BYTES,
  originalUrl,
  parseMediaFileName,
  parseVariantUrl,
  refusalFromSearchParams,
  refusalToSearchParams,
  srcSet,
  variantUrl,
  type UploadRefusal,
} from './rules';

const HASH = 'a'.repeat(64);

describe('media URLs', () => {
  it('names an original by its hash and one extension per format', () => {
    expect(originalUrl({ hash: HASH, format: 'jpeg' })).toBe(`/media/${HASH}.jpg`);
    expect(originalUrl({ hash: HASH, format: 'png' })).toBe(`/media/${HASH}.png`);
    expect(originalUrl({ hash: HASH, format: 'webp' })).toBe(`/media/${HASH}.webp`);
    expect(originalUrl({ hash: HASH, format: 'avif' })).toBe(`/media/${HASH}.avif`);
  });

  it('names a variant by hash, width and format', () => {
    expect(variantUrl(HASH, 640, 'avif')).toBe(`/media/${HASH}-640.avif`);
    expect(variantUrl(HASH, 1920, 'webp')).toBe(`/media/${HASH}-1920.webp`);
  });

  it('reads back every name it builds', () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      expect(parseMediaFileName(originalUrl({ hash: HASH, format }).slice(7))).toEqual({ kind: 'original', hash: HASH, format });
    }
    expect(parseMediaFileName(`${HASH}-320.webp`)).toEqual({ kind: 'variant', hash: HASH, width: 320, format: 'webp' });
    expect(parseMediaFileName(`${HASH}-1920.avif`)).toEqual({ kind: 'variant', hash: HASH, width: 1920, format: 'avif' });
  });

  it.each([
    ['a short hash', `${'a'.repeat(63)}.jpg`],
    ['a long hash', `${'a'.repeat(65)}.jpg`],
    ['upper-case hex', `${'A'.repeat(64)}.jpg`],
    ['a non-hex character', `${'g'.repeat(64)}.jpg`],
    ['.jpeg (one extension per format)', `${HASH}.jpeg`],
    ['an unknown extension', `${HASH}.gif`],
    ['an upper-case extension', `${HASH}.JPG`],
    ['no extension', HASH],
    ['a width off the ladder', `${HASH}-500.webp`],
    ['a leading zero in the width', `${HASH}-0320.webp`],
    ['a variant in PNG', `${HASH}-640.png`],
    ['a path', `../${HASH}.jpg`],
    ['a trailing slash', `${HASH}.jpg/`],
    ['a query', `${HASH}.jpg?x=1`],
    ['two extensions', `${HASH}.jpg.webp`],
    ['a trailing newline', `${HASH}.jpg\n`],
    ['an empty name', ''],
  ])('refuses %s', (_, name) => {
    expect(parseMediaFileName(name)).toBeNull();
  });

  it('recognises only our own variant URLs in Markdown', () => {
    expect(parseVariantUrl(`/media/${HASH}-960.webp`)).toEqual({ kind: 'variant', hash: HASH, width: 960, format: 'webp' });
    expect(parseVariantUrl(`/media/${HASH}.jpg`)).toBeNull();
    expect(parseVariantUrl(`https://evil.example/media/${HASH}-960.webp`)).toBeNull();
    expect(parseVariantUrl(`/other/${HASH}-960.webp`)).toBeNull();
    expect(parseVariantUrl(`/media/${HASH}-960.webp?x`)).toBeNull();
  });
});

describe('srcSet', () => {
  it('offers every rung below a large picture and stops at the largest rung', () => {
    expect(srcSet({ hash: HASH, width: 4000 }, 'webp')).toBe(
      [320, 480, 640, 960, 1280, 1600, 1920].map((w) => `/media/${HASH}-${w}.webp ${w}w`).join(', '),
    );
  });

  it('never offers more pixels than the picture has: the rung above it is described at its real width', () => {
    expect(srcSet({ hash: HASH, width: 1000 }, 'avif')).toBe(
      `/media/${HASH}-320.avif 320w, /media/${HASH}-480.avif 480w, /media/${HASH}-640.avif 640w, /media/${HASH}-960.avif 960w, /media/${HASH}-1280.avif 1000w`,
    );
  });

  it('ends at the picture when its width is on the ladder', () => {
    expect(srcSet({ hash: HASH, width: 640 }, 'webp')).toBe(
      `/media/${HASH}-320.webp 320w, /media/${HASH}-480.webp 480w, /media/${HASH}-640.webp 640w`,
    );
  });

  it('offers a picture narrower than the smallest rung once, at its own width', () => {
    expect(srcSet({ hash: HASH, width: 200 }, 'webp')).toBe(`/media/${HASH}-320.webp 200w`);
  });

  it('falls back to a mid-size WebP, or the whole picture when it is smaller', () => {
    expect(defaultSrc({ hash: HASH, width: 3000 })).toBe(`/media/${HASH}-960.webp`);
    expect(defaultSrc({ hash: HASH, width: 960 })).toBe(`/media/${HASH}-960.webp`);
    expect(defaultSrc({ hash: HASH, width: 700 })).toBe(`/media/${HASH}-960.webp`);
    expect(defaultSrc({ hash: HASH, width: 500 })).toBe(`/media/${HASH}-640.webp`);
    expect(defaultSrc({ hash: HASH, width: 100 })).toBe(`/media/${HASH}-320.webp`);
  });

  it('lists the rungs up to the one a Markdown picture names', () => {
    expect(srcSet({ hash: HASH, width: 640 }, 'avif')).toBe(
      `/media/${HASH}-320.avif 320w, /media/${HASH}-480.avif 480w, /media/${HASH}-640.avif 640w`,
    );
    expect(srcSet({ hash: HASH, width: 320 }, 'webp')).toBe(`/media/${HASH}-320.webp 320w`);
  });
});

describe('markdownForImage', () => {
  it('names the mid-size WebP, which the article renderer turns into a responsive picture', () => {
    expect(markdownForImage({ hash: HASH, alt: 'A council chamber' })).toBe(`![A council chamber](/media/${HASH}-960.webp)`);
    expect(parseVariantUrl(`/media/${HASH}-960.webp`)).not.toBeNull();
  });

  it('escapes what would end the alt text early, and keeps it on one line', () => {
    expect(markdownForImage({ hash: HASH, alt: 'A [draft] map\\plan\nof the ward' })).toBe(
      `![A \\[draft\\] map\\\\plan of the ward](/media/${HASH}-960.webp)`,
    );
  });
});

describe('formatFileSize', () => {
  it('reads as people write sizes', () => {
    expect(formatFileSize(300)).toBe('1 KB');
    expect(formatFileSize(840 * 1024)).toBe('840 KB');
    expect(formatFileSize(2.44 * 1024 * 1024)).toBe('2.4 MB');
  });
});

describe('upload refusals', () => {
  it('says how big a picture is, rounded up, and what the limit is', () => {
    expect(describeRefusal({ code: 'too-large', bytes: Math.round(12.25 * 1024 * 1024) })).toBe(
      'This picture is 12.3 MB; the limit is 10 MB.',
    );
    expect(formatMegabytes(MAX_UPLOAD_BYTES + 1)).toBe('10.1 MB');
    expect(formatMegabytes(MAX_UPLOAD_BYTES)).toBe('10 MB');
  });

  it('names the formats it takes', () => {
    expect(describeRefusal({ code: 'not-a-picture' })).toBe('This file is not a JPEG, PNG, WebP or AVIF picture.');
  });

  it('says how many pixels a picture has and what to do', () => {
    expect(describeRefusal({ code: 'too-many-pixels', width: 12000, height: 9000 })).toBe(
      'This picture is 12,000 × 9,000 pixels; the limit is 50 megapixels. Make it smaller and upload it again.',
    );
  });

  it.each<UploadRefusal>([
    { code: 'no-file' },
    { code: 'not-a-picture' },
    { code: 'heic' },
    { code: 'animated' },
    { code: 'unreadable' },
    { code: 'too-large', bytes: 123456789 },
    { code: 'too-many-pixels', width: 10000, height: 8000 },
    { code: 'alt-too-long' },
    { code: 'credit-too-long' },
  ])('round-trips %j through a query string', (refusal) => {
    const query = refusalToSearchParams(refusal).toString();
    expect(refusalFromSearchParams(Object.fromEntries(new URLSearchParams(query)))).toEqual(refusal);
    expect(describeRefusal(refusal)).toMatch(/^[A-Z].*\.$/);
  });

  it('ignores a query that names no refusal, or carries anything but plain numbers', () => {
    expect(refusalFromSearchParams({})).toBeNull();
    expect(refusalFromSearchParams({ refused: 'You have been hacked' })).toBeNull();
    expect(refusalFromSearchParams({ refused: 'too-large', bytes: '12 MB' })).toBeNull();
    expect(refusalFromSearchParams({ refused: 'too-large' })).toBeNull();
    expect(refusalFromSearchParams({ refused: 'too-many-pixels', width: '100', height: '-1' })).toBeNull();
    expect(refusalFromSearchParams({ refused: ['heic', 'animated'] })).toEqual({ code: 'heic' });
  });
});

describe('JPEG variants, for email and link previews', () => {
  const hash = 'b'.repeat(64);
  it('are named .jpg and read back as JPEG', () => {
    expect(variantUrl(hash, 640, 'jpeg')).toBe(`/media/${hash}-640.jpg`);
    expect(parseMediaFileName(`${hash}-640.jpg`)).toEqual({ kind: 'variant', hash, width: 640, format: 'jpeg' });
  });
});
