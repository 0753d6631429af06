import 'server-only';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';
import { extensionOf, type MediaFormat, type VariantFormat, type VariantWidth } from './rules';

// Where pictures live on disk. Every path is built here from parsed parts (a hex hash, a known
// width and format), never from a name a request or an upload supplied. (The turbopackIgnore
// comments keep Next's file tracing from copying the whole project into the build for these paths.)

/** MEDIA_PATH, resolved like DATABASE_PATH against the directory the server runs in. */
export function mediaRoot(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.MEDIA_PATH);
}

export function originalFile(hash: string, format: MediaFormat): string {
  return path.join(/*turbopackIgnore: true*/ mediaRoot(), `${hash}.${extensionOf(format)}`);
}

export function variantFile(hash: string, width: VariantWidth, format: VariantFormat): string {
  return path.join(/*turbopackIgnore: true*/ mediaRoot(), 'variants', `${hash}-${width}.${format}`);
}

/**
 * Writes a whole file or nothing: into a temporary file beside it, then a rename, which POSIX makes
 * atomic. A reader (another request, another process) sees no file or the complete one, never half.
 */
export async function writeFileAtomically(file: string, data: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    await fs.writeFile(temporary, data, { flag: 'wx' });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
