import 'server-only';
import sharp, { type Sharp } from 'sharp';
import { fileExists, originalFile, variantFile, writeFileAtomically } from './files';
import { MAX_INPUT_PIXELS, type MediaFormat, type VariantFormat, type VariantWidth } from './rules';

// Resized copies of a stored picture, made on the first request for each and kept on disk under
// MEDIA_PATH/variants/, so every later request is a file read. The ladder of widths and formats is
// fixed (lib/media/rules.ts), so a picture has at most one file per width and format, whoever asks.

/**
 * Encoder settings. AVIF at effort 2 of 9 is several times faster than the default and a little
 * bigger; a reader's first request waits for it, so speed wins. Changing these changes new files
 * only: delete MEDIA_PATH/variants to remake the old ones.
 */
function encode(pipeline: Sharp, format: VariantFormat): Sharp {
  if (format === 'avif') return pipeline.avif({ quality: 55, effort: 2 });
  if (format === 'jpeg') return pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 80, mozjpeg: true });
  return pipeline.webp({ quality: 78, effort: 4 });
}

// Two readers asking for the same new variant at once share one encoding, in this process. (Two
// processes may both encode it; the atomic rename makes the last one win with identical bytes.)
const pending = ((globalThis as { __ledgerMediaVariants?: Map<string, Promise<string>> }).__ledgerMediaVariants ??= new Map());

async function generate(source: string, target: string, width: VariantWidth, format: VariantFormat): Promise<string> {
  const data = await encode(
    sharp(source, { limitInputPixels: MAX_INPUT_PIXELS }).resize({ width, withoutEnlargement: true }),
    format,
  ).toBuffer();
  await writeFileAtomically(target, data);
  return target;
}

/**
 * The path of a picture's variant, made first if it is not on disk yet. The picture must be stored
 * (its original file exists); the caller has checked that it is in the media table.
 */
export async function ensureVariant(
  picture: { hash: string; format: MediaFormat },
  width: VariantWidth,
  format: VariantFormat,
): Promise<string> {
  const target = variantFile(picture.hash, width, format);
  if (await fileExists(target)) return target;
  let job = pending.get(target);
  if (!job) {
    job = generate(originalFile(picture.hash, picture.format), target, width, format).finally(() => pending.delete(target));
    pending.set(target, job);
  }
  return job;
}

/** How many variants are being made right now in this process (for tests). */
export function variantsInProgress(): number {
  return pending.size;
}
