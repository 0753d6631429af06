import 'server-only';
import fs from 'node:fs/promises';
import { ifNoneMatchIncludes } from '@/lib/cache/validators.mjs';
import { MEDIA_CACHE_CONTROL, mediaEtag } from './file-server.mjs';
import { originalFile, variantFile } from './files';
import { getStoredPicture } from './queries';
import { contentTypeOf, extensionOf, parseMediaFileName, type MediaFileName } from './rules';
import { ensureVariant } from './variants';

// The answers of GET and HEAD /media/<file>. Public and the same for everyone: no session, no
// cookie. A name is content-addressed (the hash of the picture), so an answer never changes and
// may be cached for a year by the browser and by every cache in between.

function notFound(): Response {
  return new Response('Not found.', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  });
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
}

async function openIfExists(file: string): Promise<fs.FileHandle | null> {
  try {
    return await fs.open(file, 'r');
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
}

/** An open picture file, or null when the name is not one we serve. */
async function openPicture(name: MediaFileName): Promise<fs.FileHandle | null> {
  if (name.kind === 'variant') {
    // The fast path, and the common one: a variant made before is read without a query.
    const made = await openIfExists(variantFile(name.hash, name.width, name.format));
    if (made) return made;
    const picture = getStoredPicture(name.hash);
    if (!picture) return null;
    return openIfExists(await ensureVariant(picture, name.width, name.format));
  }
  const picture = getStoredPicture(name.hash);
  // One URL per picture: /media/<hash>.png is not an alias for a stored JPEG.
  if (!picture || picture.format !== name.format) return null;
  const file = await openIfExists(originalFile(name.hash, picture.format));
  if (!file) console.error(`[media] ${name.hash} is in the media table but its .${extensionOf(picture.format)} file is missing`);
  return file;
}

/**
 * Answers a request for /media/<fileName>: the picture with its type, length, a year of caching and
 * an ETag; 304 when the client has it; a plain 404 for any name that is not a stored picture.
 */
export async function mediaResponse(request: Request, fileName: string): Promise<Response> {
  const name = parseMediaFileName(fileName);
  if (!name) return notFound();
  const file = await openPicture(name);
  if (!file) return notFound();
  try {
    const { size } = await file.stat();
    const etag = mediaEtag(name.hash, name.kind === 'variant' ? name : null, size);
    const headers = new Headers({
      'Content-Type': contentTypeOf(name.format),
      'Cache-Control': MEDIA_CACHE_CONTROL,
      ETag: etag,
      'X-Content-Type-Options': 'nosniff',
    });
    if (ifNoneMatchIncludes(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
    // Next drops this from a route handler's answer and sends the body chunked; in production,
    // scripts/server.mjs sends files already on disk itself, with it (lib/media/file-server.mjs).
    headers.set('Content-Length', String(size));
    if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
    // Read whole, and the file closed here: a stream Next never finishes reading (the client went
    // away) would hold the file open. In production this route only sends variants it has just
    // made, a few hundred kilobytes; bigger files go out from lib/media/file-server.mjs.
    return new Response(new Uint8Array(await file.readFile()), { status: 200, headers });
  } finally {
    await file.close();
  }
}
