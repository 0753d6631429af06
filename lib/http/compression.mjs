// Compressed answers from the production server (scripts/server.mjs), brotli where the browser
// takes it, else gzip, without a reverse proxy in front.
//
// Three kinds of answer, three ways, so that nothing on the hot path compresses per request:
// - Next's build output under /_next/static/ (scripts, styles, fonts, SVG) never changes for a
//   build: `precompressStatic` writes a `.br` (quality 11) and a `.gz` beside each file once, and
//   `serveStaticAsset` sends the one the browser takes.
// - Cached reader pages are sent from ready copies (lib/cache/page-cache.mjs), each compressed once
//   per copy with `compressOnce`.
// - Whatever else Next answers to a GET (a page's first render, search, feeds, navigation data) is
//   compressed as it streams by `compressResponse`, at a fast level. Not POSTs: a comment or
//   sign-up's answer is a few hundred bytes, and a zlib stream costs more CPU than the action.
//
// Plain JavaScript: scripts/server.mjs runs without a TypeScript step.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { beforeHead } from './response-head.mjs';
import { openRegularFile, sendOpenFile } from './send-file.mjs';

/** Below this many bytes compression saves less than a packet and costs a zlib context. */
export const MIN_COMPRESS_BYTES = 1024;

const TEXT_TYPE =
  /^(?:text\/|application\/(?:javascript|ecmascript|json|[a-z.+-]*\+json|xml|[a-z.+-]*\+xml|wasm)|image\/svg\+xml|font\/(?:ttf|otf)|application\/vnd\.ms-fontobject)/i;

/** Whether a Content-Type is worth compressing (text of any kind, SVG, uncompressed fonts). */
export function isCompressibleType(contentType) {
  return typeof contentType === 'string' && TEXT_TYPE.test(contentType.trim());
}

/**
 * The coding to answer with for an Accept-Encoding header: 'br' when the client takes brotli at
 * least as gladly as gzip, else 'gzip' when it takes that, else null (identity). `*` stands for
 * any coding not named; `q=0` refuses one.
 */
export function preferredEncoding(header) {
  const weightOf = codingWeights(header);
  const br = weightOf('br');
  const gzip = Math.max(weightOf('gzip'), weightOf('x-gzip'));
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return null;
}

/** Whether the client takes a coding at all (a weight above 0, by name or by `*`). */
export function acceptsCoding(header, coding) {
  const weightOf = codingWeights(header);
  return weightOf(coding) > 0 || (coding === 'gzip' && weightOf('x-gzip') > 0);
}

/** Accept-Encoding as a function from a coding to its weight (0 when refused or not named). */
function codingWeights(header) {
  if (typeof header !== 'string' || header.trim() === '') return () => 0;
  const weights = new Map();
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (!coding) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    weights.set(coding.trim(), Number.isFinite(weight) ? weight : 0);
  }
  return (coding) => (coding === 'x-gzip' ? (weights.get(coding) ?? 0) : (weights.get(coding) ?? weights.get('*') ?? 0));
}

/** Vary as given, with Accept-Encoding added: the same URL is sent in different codings. */
export function varyWithEncoding(vary) {
  const names = String(vary ?? '')
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (!names.some((n) => n.toLowerCase() === 'accept-encoding' || n === '*')) names.push('Accept-Encoding');
  return names.join(', ');
}

/** A strong ETag made weak, as nginx does, once the bytes are a coding of the entity rather than it. */
const weakened = (etag) => (typeof etag === 'string' && etag.startsWith('"') ? `W/${etag}` : etag);

const brotliOptions = (quality, size) => ({
  params: {
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
    [zlib.constants.BROTLI_PARAM_QUALITY]: quality,
    ...(size ? { [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } : {}),
  },
});

const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

/**
 * Compresses a body for keeping (a page copy, a build file): brotli at its best quality and gzip at
 * level 9, off the event loop (zlib's thread pool).
 */
export async function compressOnce(body, encoding) {
  if (encoding === 'br') return brotliAsync(body, brotliOptions(zlib.constants.BROTLI_MAX_QUALITY, body.length));
  return gzipAsync(body, { level: 9 });
}

// ---------------------------------------------------------------------------------------------
// Build files

const STATIC_PREFIX = '/_next/static/';
const STATIC_NAME = /^[A-Za-z0-9._~@%+-]+(?:\/[A-Za-z0-9._~@%+-]+)*$/;
const STATIC_TYPES = {
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  // Not made by Next: the Lighthouse bench's static copy of an article (bench/suites/lighthouse.ts).
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};
/** Build files are named by content (or by the build's id): a year, never revalidated. */
const STATIC_CACHE_CONTROL = 'public, max-age=31536000, immutable';
const CODING_SUFFIX = { br: '.br', gzip: '.gz' };

const isCompressibleFile = (file) => {
  const type = STATIC_TYPES[path.extname(file)];
  return type !== undefined && isCompressibleType(type);
};

async function* filesUnder(dir) {
  let entries;
  try {
    entries = await fs.promises.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesUnder(full);
    else if (entry.isFile()) yield full;
  }
}

/**
 * Writes `<file>.br` and `<file>.gz` beside every compressible build file of MIN_COMPRESS_BYTES or
 * more that lacks them: once per build (a later start finds them). Each is written to a temporary
 * name and renamed, so a server process never sends half a file and two processes may race.
 * Resolves to the number of files written.
 */
export async function precompressStatic(staticDir) {
  let written = 0;
  for await (const file of filesUnder(staticDir)) {
    if (!isCompressibleFile(file)) continue;
    const body = await fs.promises.readFile(file);
    if (body.length < MIN_COMPRESS_BYTES) continue;
    for (const [encoding, suffix] of Object.entries(CODING_SUFFIX)) {
      const target = file + suffix;
      if (fs.existsSync(target)) continue;
      const temporary = `${target}.${process.pid}.${crypto.randomUUID()}.tmp`;
      await fs.promises.writeFile(temporary, await compressOnce(body, encoding));
      await fs.promises.rename(temporary, target);
      written += 1;
    }
  }
  return written;
}

/** The build file a /_next/static/ request names, or null when the path is not a plain one. */
export function staticFileOf(urlPath, staticDir) {
  if (!urlPath.startsWith(STATIC_PREFIX)) return null;
  const rest = urlPath.slice(STATIC_PREFIX.length);
  if (!STATIC_NAME.test(rest) || rest.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  let decoded;
  try {
    decoded = decodeURIComponent(rest);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment === '..')) return null;
  const type = STATIC_TYPES[path.extname(decoded)];
  if (!type) return null;
  const file = path.join(staticDir, decoded);
  return file.startsWith(staticDir + path.sep) ? { file, type } : null;
}

/**
 * Sends a build file from `.next/static`, precompressed when the browser takes it and the file was
 * compressed (otherwise as it is), with `headers` (the site's security headers). Resolves false,
 * having sent nothing, when Next must answer (no such file, or not a GET or HEAD).
 */
export async function serveStaticAsset(req, res, { staticDir, headers = {} }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const target = staticFileOf((req.url ?? '').split('?')[0], staticDir);
  if (!target) return false;
  const compressible = isCompressibleType(target.type);
  const encoding = compressible ? preferredEncoding(req.headers['accept-encoding']) : null;
  const candidates = encoding
    ? [
        [target.file + CODING_SUFFIX[encoding], encoding],
        [target.file, null],
      ]
    : [[target.file, null]];
  for (const [file, coding] of candidates) {
    const opened = await openRegularFile(file);
    if (!opened) continue;
    const { handle, stat } = opened;
    await sendOpenFile(req, res, handle, {
      size: stat.size,
      // One validator per coding: the bytes differ.
      etag: `"${stat.size.toString(36)}-${Math.trunc(stat.mtimeMs).toString(36)}${coding ? `-${coding}` : ''}"`,
      headers: { ...headers, 'Cache-Control': STATIC_CACHE_CONTROL, ...(compressible ? { Vary: 'Accept-Encoding' } : {}) },
      contentHeaders: { 'Content-Type': target.type, ...(coding ? { 'Content-Encoding': coding } : {}) },
    });
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Everything else Next answers to a GET

/** A chunk given to res.write or res.end, as bytes (a string comes with its encoding, or utf8). */
const toBuffer = (chunk, encoding) =>
  typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk;

/** The fast levels for answers compressed as they stream: a few percent larger, several times cheaper. */
const STREAM_BROTLI_QUALITY = 4;
const STREAM_GZIP_LEVEL = 6;

/**
 * Makes `res` compress what Next writes to it, when the request is a GET, the answer a 200 of a
 * text type without a coding of its own, not marked `no-transform`, and not known to be smaller than
 * MIN_COMPRESS_BYTES. Streaming is kept: Next calls `res.flush()` after each chunk it writes (the
 * contract of the `compression` middleware), which flushes the coder. Call before handing the
 * request to Next.
 */
export function compressResponse(req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return;
  const encoding = preferredEncoding(req.headers['accept-encoding']);
  const { write, end } = res;
  let coder = null;
  let decided = false;

  function decide(knownLength) {
    if (decided) return;
    decided = true;
    const type = res.getHeader('content-type');
    if (res.statusCode !== 200 || !isCompressibleType(type)) return;
    res.setHeader('Vary', varyWithEncoding(res.getHeader('vary')));
    if (!encoding || res.hasHeader('content-encoding')) return;
    if (/\bno-transform\b/i.test(String(res.getHeader('cache-control') ?? ''))) return;
    const declared = Number(res.getHeader('content-length') ?? knownLength ?? Infinity);
    if (declared < MIN_COMPRESS_BYTES) return;
    res.removeHeader('Content-Length');
    res.setHeader('Content-Encoding', encoding);
    if (res.hasHeader('etag')) res.setHeader('ETag', weakened(res.getHeader('etag')));
    if (req.method === 'HEAD') return;
    coder =
      encoding === 'br' ? zlib.createBrotliCompress(brotliOptions(STREAM_BROTLI_QUALITY)) : zlib.createGzip({ level: STREAM_GZIP_LEVEL });
    coder.on('data', (chunk) => {
      if (!write.call(res, chunk)) coder.pause();
    });
    res.on('drain', () => coder.resume());
    coder.on('drain', () => res.emit('drain'));
    coder.on('end', () => end.call(res));
    coder.on('error', (error) => res.destroy(error));
    // A reader who goes away mid-page: the coder is not left waiting for a drain that never comes.
    res.once('close', () => coder?.destroy());
  }

  beforeHead(res, () => decide());
  res.write = function patchedWrite(chunk, encodingOrCallback, callback) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!coder) return write.call(this, chunk, encodingOrCallback, callback);
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    return coder.write(toBuffer(chunk, encodingOrCallback), done);
  };
  res.end = function patchedEnd(chunk, encodingOrCallback, callback) {
    if (typeof chunk === 'function') return this.end(undefined, undefined, chunk);
    if (!this.headersSent) {
      // A HEAD has no body to measure: it is answered as its GET would be.
      const size =
        req.method === 'HEAD' ? undefined : chunk === undefined || chunk === null ? 0 : toBuffer(chunk, encodingOrCallback).length;
      decide(size);
      this.writeHead(this.statusCode);
    }
    if (!coder) return end.call(this, chunk, encodingOrCallback, callback);
    const done = typeof encodingOrCallback === 'function' ? encodingOrCallback : callback;
    if (done) this.once('finish', done);
    if (chunk !== undefined && chunk !== null) coder.write(toBuffer(chunk, encodingOrCallback));
    coder.end();
    return this;
  };
  res.flush = function flush() {
    coder?.flush();
  };
}
