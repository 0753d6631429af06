import 'server-only';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { media, type Media } from '@/db/schema';
import { fileExists, originalFile, writeFileAtomically } from './files';
import {
  describeRefusal,
  MAX_ALT_LENGTH,
  MAX_CREDIT_LENGTH,
  MAX_INPUT_PIXELS,
  MAX_ORIGINAL_NAME_LENGTH,
  MAX_UPLOAD_BYTES,
  type MediaFormat,
  type UploadRefusal,
} from './rules';

// An upload becomes a stored picture here. The file is judged by what sharp finds in its bytes,
// never by its name or the type the browser declared; it is turned upright and encoded afresh
// without any metadata (camera, GPS position, editing history, colour profile), so what we publish
// is the picture and nothing else; and it is stored under the sha256 of the stored bytes, so the
// same picture uploaded twice is one file and one row.

export type StoreResult = { ok: true; media: Media; created: boolean } | { ok: false; refusal: UploadRefusal; message: string };

const words = (max: number, code: 'alt-too-long' | 'credit-too-long') =>
  z
    .string()
    .transform((v) => v.replace(/\s+/g, ' ').trim())
    .pipe(z.string().max(max, { error: code }))
    .default('');

const inputSchema = z.object({
  bytes: z.instanceof(Buffer),
  // Shown in the library only; control characters and any folder part are dropped.
  originalName: z.string().transform((name) =>
    (name.split(/[\\/]/).pop() ?? '')
      .replace(/[\u0000-\u001f\u007f-\u009f]/g, '')
      .trim()
      .slice(0, MAX_ORIGINAL_NAME_LENGTH),
  ),
  uploadedBy: z.string().max(254).nullable(),
  alt: words(MAX_ALT_LENGTH, 'alt-too-long'),
  credit: words(MAX_CREDIT_LENGTH, 'credit-too-long'),
});

export type StoreInput = z.input<typeof inputSchema>;

export interface StoreOptions {
  /**
   * Runs in the transaction that inserts a new picture's row (not for a picture already stored),
   * so a log entry exists exactly when the picture does.
   */
  onCreated?: (tx: Tx, media: Media) => void;
}

function refuse(refusal: UploadRefusal): StoreResult {
  return { ok: false, refusal, message: describeRefusal(refusal) };
}

/**
 * The format of the picture in these bytes, from its content. sharp reports AVIF as HEIF (the
 * container) with AV1 compression; HEIF with HEVC compression is an iPhone's HEIC, which browsers
 * cannot show.
 */
function formatOf(metadata: Metadata): MediaFormat | 'heic' | null {
  switch (metadata.format) {
    case 'jpeg':
    case 'png':
    case 'webp':
      return metadata.format;
    case 'heif':
      return metadata.compression === 'av1' ? 'avif' : 'heic';
    default:
      return null;
  }
}

/** Encodes in the format it came in. No withMetadata/keep* call: sharp then writes no EXIF, XMP or ICC. */
function encode(pipeline: Sharp, format: MediaFormat): Sharp {
  switch (format) {
    case 'jpeg':
      return pipeline.jpeg({ quality: 86, progressive: true });
    case 'png':
      return pipeline.png();
    case 'webp':
      return pipeline.webp({ quality: 86 });
    case 'avif':
      // Effort 2 of 9: an upload answers in seconds, not minutes, on a small server.
      return pipeline.avif({ quality: 64, effort: 2 });
  }
}

/**
 * Checks, cleans and stores an uploaded picture. Answers the stored row (the existing one when the
 * same picture is already stored), or a refusal with a sentence that says what to do.
 */
export async function storeUpload(input: StoreInput, options: StoreOptions = {}): Promise<StoreResult> {
  const parsed = inputSchema.safeParse(input);
  if (!parsed.success) {
    const code = parsed.error.issues.map((i) => i.message).find((m) => m === 'alt-too-long' || m === 'credit-too-long');
    if (code) return refuse({ code });
    throw new Error(`storeUpload was called with bad input: ${parsed.error.message}`);
  }
  const { bytes, originalName, uploadedBy, alt, credit } = parsed.data;
  if (bytes.length === 0) return refuse({ code: 'no-file' });
  if (bytes.length > MAX_UPLOAD_BYTES) return refuse({ code: 'too-large', bytes: bytes.length });

  let metadata: Metadata;
  try {
    // Reads the header only; the pixel limit is checked below with the dimensions in hand.
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    return refuse({ code: 'not-a-picture' });
  }
  const format = formatOf(metadata);
  if (format === null) return refuse({ code: 'not-a-picture' });
  if (format === 'heic') return refuse({ code: 'heic' });
  if ((metadata.pages ?? 1) > 1) return refuse({ code: 'animated' });
  const { width = 0, height = 0 } = metadata;
  if (width * height > MAX_INPUT_PIXELS) return refuse({ code: 'too-many-pixels', width, height });

  let stored: { data: Buffer; info: OutputInfo };
  try {
    // The limit again, for the decoder itself: the header's dimensions are the file's own claim.
    const pipeline = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' }).autoOrient();
    stored = await encode(pipeline, format).toBuffer({ resolveWithObject: true });
  } catch {
    return refuse({ code: 'unreadable' });
  }

  const hash = createHash('sha256').update(stored.data).digest('hex');
  const file = originalFile(hash, format);
  // Content-addressed: a file already there holds these very bytes.
  if (!(await fileExists(file))) await writeFileAtomically(file, stored.data);

  // The file is written before its row, so the /media route never finds a row without a file.
  return getDb().transaction(
    (tx) => {
      const existing = tx.select().from(media).where(eq(media.hash, hash)).get();
      if (existing) return { ok: true as const, media: existing, created: false };
      const row = tx
        .insert(media)
        .values({
          hash,
          format,
          width: stored.info.width,
          height: stored.info.height,
          bytes: stored.data.length,
          originalName,
          alt,
          credit,
          uploadedBy,
        })
        .returning()
        .get();
      options.onCreated?.(tx, row);
      return { ok: true as const, media: row, created: true };
    },
    { behavior: 'immediate' },
  );
}
