// Pictures already on disk, sent by the production server (scripts/server.mjs) straight from
// MEDIA_PATH, in front of Next.
//
// Why not only the route (app/media/[file]/route.ts): Next drops the Content-Length a route handler
// sets and streams its body chunked (next/dist/server/send-response.js), and for a picture a
// browser wants the length (progress, and a HEAD that says how big it is). This also spares every
// picture request Next's routing. It answers only when the file is there; otherwise Next's route
// makes the variant, or answers 404, as in development where this module is not used.
//
// It never decides anything the route would not: the same strict names (lib/media/rules.ts, checked
// against this module by file-server.test.ts), the same headers and ETags. A file under MEDIA_PATH
// exists only for a stored picture (lib/media/store.ts writes it just before its row, and variants
// are made from stored pictures only), so finding the file is finding the picture. Plain JavaScript:
// scripts/server.mjs runs without a TypeScript step.
import path from 'node:path';
import { openRegularFile, sendOpenFile } from '../http/send-file.mjs';

const VARIANT_WIDTHS = [320, 480, 640, 960, 1280, 1600, 1920];
const VARIANT_EXTENSIONS = ['avif', 'webp', 'jpg'];
/** The format a variant's extension names, as lib/media/rules.ts spells it (ETags use it). */
const FORMAT_OF_EXTENSION = { avif: 'avif', webp: 'webp', jpg: 'jpeg' };
const CONTENT_TYPES = { jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif' };
const NAME = /^\/media\/([0-9a-f]{64})(?:-([1-9][0-9]{2,3}))?\.(jpg|png|webp|avif)$/;
/** A picture's name is its content's hash: its answer never changes, so any cache may keep it a year. */
export const MEDIA_CACHE_CONTROL = 'public, max-age=31536000, immutable';

/**
 * A picture's ETag: an original's bytes are its hash; a variant's are fixed by its name and the
 * encoder's settings, and its size tells one encoder version from another.
 */
export function mediaEtag(hash, variant, size) {
  return variant ? `"${hash}-${variant.width}-${variant.format}-${size.toString(36)}"` : `"${hash}"`;
}

/** Where pictures go when MEDIA_PATH is not set: a `media` folder beside the database. lib/env.ts uses it too. */
export function defaultMediaPath(databasePath) {
  return path.join(path.dirname(databasePath), 'media');
}

/** MEDIA_PATH as lib/env.ts reads it, resolved like lib/media/files.ts (the server reads it before Next loads). */
export function mediaRootFromEnv(env = process.env) {
  const databasePath = env.DATABASE_PATH?.trim() || './data/site.db';
  return path.resolve(process.cwd(), env.MEDIA_PATH?.trim() || defaultMediaPath(databasePath));
}

/** The file a request path names, with its type and ETag maker, or null when it is not a picture name. */
export function mediaFileOf(urlPath, root) {
  const match = NAME.exec(urlPath);
  if (!match) return null;
  const [, hash, width, ext] = match;
  const type = CONTENT_TYPES[ext];
  if (width === undefined) return { file: path.join(root, `${hash}.${ext}`), type, etag: () => mediaEtag(hash, null, 0) };
  if (!VARIANT_WIDTHS.includes(Number(width)) || !VARIANT_EXTENSIONS.includes(ext)) return null;
  return {
    file: path.join(root, 'variants', `${hash}-${width}.${ext}`),
    type,
    etag: (size) => mediaEtag(hash, { width: Number(width), format: FORMAT_OF_EXTENSION[ext] }, size),
  };
}

/**
 * Sends the picture a GET or HEAD asks for when its file is on disk, with `headers` (the site's
 * security headers, which Next would have added) and the route's own. Resolves false, having sent
 * nothing, when Next must answer.
 */
export async function serveMediaFile(req, res, { root, headers = {} }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const target = mediaFileOf(req.url ?? '', root);
  if (!target) return false;
  const opened = await openRegularFile(target.file);
  if (!opened) return false;
  const { size } = opened.stat;
  await sendOpenFile(req, res, opened.handle, {
    size,
    etag: target.etag(size),
    headers: { ...headers, 'Cache-Control': MEDIA_CACHE_CONTROL },
    contentHeaders: { 'Content-Type': target.type },
  });
  return true;
}
