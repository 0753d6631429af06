// The pictures' rules, shared by the server (store, variants, the /media route) and the browser
// (media picker, ResponsiveImage): which files we take, which sizes we make, and what their URLs
// look like. Pure: no I/O and no server-only import, so client components can use it.

/** What we store: the format sharp finds in the file's content, never its name or declared type. */
export const MEDIA_FORMATS = ['jpeg', 'png', 'webp', 'avif'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/**
 * What we serve resized: every browser we support reads WebP, most read AVIF (smaller), and those
 * two are what pages offer (PICTURE_FORMATS). JPEG is for where WebP is not read everywhere: email
 * clients (Outlook) and link previews (Open Graph).
 */
export const VARIANT_FORMATS = ['avif', 'webp', 'jpeg'] as const;
export type VariantFormat = (typeof VARIANT_FORMATS)[number];
export const PICTURE_FORMATS = ['avif', 'webp'] as const satisfies readonly VariantFormat[];

/**
 * A fixed ladder of widths: a free `?w=` would let anyone fill the disk with one file per integer.
 * From a phone's thumbnail to a full-width picture on a large screen.
 */
export const VARIANT_WIDTHS = [320, 480, 640, 960, 1280, 1600, 1920] as const;
export type VariantWidth = (typeof VARIANT_WIDTHS)[number];

/** The width a plain <img> falls back to, and the one Markdown body pictures name. */
export const DEFAULT_VARIANT_WIDTH: VariantWidth = 960;

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/**
 * A whole upload request may be this much bigger than the picture: the multipart envelope and the
 * alt text and credit fields. Also the proxy's body limit (next.config.ts), which would otherwise
 * cut a 10 MB upload short at exactly 10 MB.
 */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/**
 * Decoding costs memory by pixels, not bytes (a 10 MB PNG can hold a billion pixels of one
 * colour). 50 megapixels covers today's high-resolution cameras with room to spare.
 */
export const MAX_INPUT_PIXELS = 50_000_000;

export const MAX_ALT_LENGTH = 300;
export const MAX_CREDIT_LENGTH = 200;
export const MAX_ORIGINAL_NAME_LENGTH = 200;

const EXTENSIONS: Record<MediaFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };
const CONTENT_TYPES: Record<MediaFormat, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };

/** The file extension of a stored original: one per format, so each picture has exactly one URL. */
export function extensionOf(format: MediaFormat): string {
  return EXTENSIONS[format];
}

export function contentTypeOf(format: MediaFormat): string {
  return CONTENT_TYPES[format];
}

/** For a file input's `accept`: a hint to the browser's file chooser; the server checks the content. */
export const ACCEPTED_UPLOAD_TYPES = MEDIA_FORMATS.map(contentTypeOf).join(',');

/** What a page needs to lay out a picture and build its URLs. */
export interface MediaImage {
  hash: string;
  width: number;
  height: number;
  format: MediaFormat;
}

/** A picture from the library, as the article editor and the media picker hold it. */
export interface MediaRef extends MediaImage {
  id: number;
  alt: string;
  credit: string;
}

/** A library entry as the picker lists it: a MediaRef and the name it was uploaded under. */
export interface MediaLibraryItem extends MediaRef {
  originalName: string;
}

/** A library entry's fields, and nothing else of the row it came from. */
export function toLibraryItem({ id, hash, format, width, height, alt, credit, originalName }: MediaLibraryItem): MediaLibraryItem {
  return { id, hash, format, width, height, alt, credit, originalName };
}

/** A library entry as an article holds it: without the file name. */
export function toMediaRef({ id, hash, format, width, height, alt, credit }: MediaLibraryItem): MediaRef {
  return { id, hash, format, width, height, alt, credit };
}

export function originalUrl(image: Pick<MediaImage, 'hash' | 'format'>): string {
  return `/media/${image.hash}.${extensionOf(image.format)}`;
}

export function variantUrl(hash: string, width: VariantWidth, format: VariantFormat): string {
  return `/media/${hash}-${width}.${extensionOf(format)}`;
}

export type MediaFileName =
  { kind: 'original'; hash: string; format: MediaFormat } | { kind: 'variant'; hash: string; width: VariantWidth; format: VariantFormat };

const FILE_NAME = /^([0-9a-f]{64})(?:-([1-9][0-9]{2,3}))?\.([a-z]{3,4})$/;

/**
 * Reads a name under /media/ strictly: 64 lowercase hex characters, then either the original's
 * extension or `-<width>.<avif|webp|jpg>` with a width from the ladder. Anything else is null (a 404):
 * the route never builds a path from a name it has not taken apart.
 */
export function parseMediaFileName(name: string): MediaFileName | null {
  const match = FILE_NAME.exec(name);
  if (!match) return null;
  const hash = match[1]!;
  const widthText = match[2];
  const ext = match[3]!;
  if (widthText === undefined) {
    const format = MEDIA_FORMATS.find((f) => EXTENSIONS[f] === ext);
    return format ? { kind: 'original', hash, format } : null;
  }
  const width = VARIANT_WIDTHS.find((w) => String(w) === widthText);
  const format = VARIANT_FORMATS.find((f) => extensionOf(f) === ext);
  return width && format ? { kind: 'variant', hash, width, format } : null;
}

/** The picture a URL on this site names, when it is one of our /media/ variants; otherwise null. */
export function parseVariantUrl(url: string): Extract<MediaFileName, { kind: 'variant' }> | null {
  if (!url.startsWith('/media/')) return null;
  const parsed = parseMediaFileName(url.slice('/media/'.length));
  return parsed?.kind === 'variant' ? parsed : null;
}

/**
 * The variants worth offering for a picture `width` pixels wide, each with the width it really has:
 * every ladder width below it, then the first one at or above it (variants are never enlarged, so
 * that one is the full picture). A picture narrower than the smallest rung is offered once, at its
 * own width.
 */
function variantCandidates(width: number): { width: VariantWidth; actual: number }[] {
  const out: { width: VariantWidth; actual: number }[] = [];
  for (const w of VARIANT_WIDTHS) {
    if (w < width) out.push({ width: w, actual: w });
    else {
      out.push({ width: w, actual: width });
      break;
    }
  }
  return out;
}

/** The `srcset` of a picture in one format: `/media/<hash>-320.webp 320w, …`. */
export function srcSet(image: Pick<MediaImage, 'hash' | 'width'>, format: VariantFormat): string {
  return variantCandidates(image.width)
    .map((c) => `${variantUrl(image.hash, c.width, format)} ${c.actual}w`)
    .join(', ');
}

/** The plain <img>'s own src: a mid-size WebP (the whole picture when it is smaller than that). */
export function defaultSrc(image: Pick<MediaImage, 'hash' | 'width'>): string {
  const candidates = variantCandidates(image.width);
  const chosen = candidates.find((c) => c.width >= DEFAULT_VARIANT_WIDTH) ?? candidates[candidates.length - 1]!;
  return variantUrl(image.hash, chosen.width, 'webp');
}

/** How wide a picture in an article body is drawn: the text column (`--measure`), or the screen. */
export const BODY_IMAGE_SIZES = '(min-width: 44rem) 42rem, calc(100vw - 2rem)';

/** Markdown for a picture in an article body; brackets and backslashes in the alt text are escaped. */
export function markdownForImage(image: Pick<MediaRef, 'hash' | 'alt'>): string {
  const alt = image.alt.replace(/[\\[\]]/g, (c) => `\\${c}`).replace(/\s+/g, ' ');
  return `![${alt}](${variantUrl(image.hash, DEFAULT_VARIANT_WIDTH, 'webp')})`;
}

/** "12.3 MB", rounded up, so a file just over the limit never reads as exactly the limit. */
export function formatMegabytes(bytes: number): string {
  const mb = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${Number.isInteger(mb) ? mb.toFixed(0) : mb.toFixed(1)} MB`;
}

/** What the upload fields say they take: the same rule the server checks. */
export const UPLOAD_HINT = `JPEG, PNG, WebP or AVIF, up to ${formatMegabytes(MAX_UPLOAD_BYTES)}.`;

/** A file's size for people: "840 KB", "2.4 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Why an upload was refused. Each reason becomes one plain sentence (describeRefusal). */
export type UploadRefusal =
  | { code: 'no-file' }
  | { code: 'not-a-picture' }
  | { code: 'heic' }
  | { code: 'animated' }
  | { code: 'unreadable' }
  | { code: 'too-large'; bytes: number }
  | { code: 'too-many-pixels'; width: number; height: number }
  | { code: 'alt-too-long' }
  | { code: 'credit-too-long' };

type UploadRefusalCode = UploadRefusal['code'];

const count = (n: number) => n.toLocaleString('en-GB');

export function describeRefusal(refusal: UploadRefusal): string {
  switch (refusal.code) {
    case 'no-file':
      return 'Choose a picture to upload.';
    case 'not-a-picture':
      return 'This file is not a JPEG, PNG, WebP or AVIF picture.';
    case 'heic':
      return 'This is a HEIC picture (as iPhones take them). Export it as JPEG and upload that.';
    case 'animated':
      return 'This picture is animated. Upload a still picture.';
    case 'unreadable':
      return 'This picture is damaged or incomplete. Save it again and upload the new file.';
    case 'too-large':
      return `This picture is ${formatMegabytes(refusal.bytes)}; the limit is ${formatMegabytes(MAX_UPLOAD_BYTES)}.`;
    case 'too-many-pixels':
      return `This picture is ${count(refusal.width)} × ${count(refusal.height)} pixels; the limit is ${MAX_INPUT_PIXELS / 1_000_000} megapixels. Make it smaller and upload it again.`;
    case 'alt-too-long':
      return `Keep the alt text under ${MAX_ALT_LENGTH} characters.`;
    case 'credit-too-long':
      return `Keep the credit under ${MAX_CREDIT_LENGTH} characters.`;
  }
}

/**
 * A refusal as query parameters, for the page an upload without JavaScript is sent back to. Only
 * a code and numbers travel, never text, so a link cannot make the dashboard say something else.
 */
export function refusalToSearchParams(refusal: UploadRefusal): URLSearchParams {
  const params = new URLSearchParams({ refused: refusal.code });
  if (refusal.code === 'too-large') params.set('bytes', String(refusal.bytes));
  if (refusal.code === 'too-many-pixels') {
    params.set('width', String(refusal.width));
    params.set('height', String(refusal.height));
  }
  return params;
}

const REFUSAL_CODES: readonly UploadRefusalCode[] = [
  'no-file',
  'not-a-picture',
  'heic',
  'animated',
  'unreadable',
  'too-large',
  'too-many-pixels',
  'alt-too-long',
  'credit-too-long',
];

function positiveInteger(value: string | undefined): number | null {
  return value !== undefined && /^[1-9][0-9]{0,11}$/.test(value) ? Number(value) : null;
}

/** The refusal a page's query names (see refusalToSearchParams), or null. */
export function refusalFromSearchParams(params: Record<string, string | string[] | undefined>): UploadRefusal | null {
  const one = (key: string) => {
    const v = params[key];
    return Array.isArray(v) ? v[0] : v;
  };
  const code = REFUSAL_CODES.find((c) => c === one('refused'));
  if (!code) return null;
  if (code === 'too-large') {
    const bytes = positiveInteger(one('bytes'));
    return bytes === null ? null : { code, bytes };
  }
  if (code === 'too-many-pixels') {
    const width = positiveInteger(one('width'));
    const height = positiveInteger(one('height'));
    return width === null || height === null ? null : { code, width, height };
  }
  return { code };
}

/** The upload route's JSON answer to a fetch caller (the media picker, the enhanced upload form). */
export type UploadAnswer = { ok: true; media: MediaLibraryItem; created: boolean; message: string } | { ok: false; message: string };

/** The library route's JSON answer to the media picker. */
export type LibraryAnswer = { ok: true; items: MediaLibraryItem[] } | { ok: false; message: string };

export function uploadedMessage(name: string, created: boolean): string {
  const called = name ? `“${name}”` : 'The picture';
  return created ? `${called} is uploaded.` : `${called} was already in the library; nothing new was stored.`;
}
