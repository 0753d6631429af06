// A copy of each cached reader page, ready to send, in front of Next's request handler: a small
// shared cache inside the server, which keeps to the same public rules as the shared caches in
// front of it (Varnish, a CDN: lib/http/cache-policy.mjs).
//
// Next serving an article from its cache (lib/cache/next-cache-handler.mjs) still pays for
// routing, header rules, async context, an ETag hashed over the whole page on every request, and,
// for browsers, compression of the whole page (bench/README.md has the figures). This module keeps,
// for each page Next has already answered from its cache, the exact answer Next gave (status,
// headers, body, and its gzip and brotli codings, each made once), and sends it again without
// entering Next. The same URL is sent in several codings, so its Vary always names
// Accept-Encoding. Brotli is made at its best quality off the event loop; until it is ready the
// copy goes out gzipped.
//
// It never decides anything Next did not decide first, and reads only what any cache in front
// could read:
// - a copy is made only of a response Next served from its cache (`x-nextjs-cache: HIT`), status
//   200, shared caches allowed (`s-maxage`), no Set-Cookie, naming its cache tags (Surrogate-Key),
//   for a GET without a query string or router headers (cookies do not matter: a cached page is
//   the same for everyone, which is why Next could cache it);
// - a copy is used until one of those tags is invalidated in any process (the shared
//   cache_invalidations table, as the cache handler reads it) or its s-maxage has passed; then the
//   request goes to Next, which renders or revalidates as usual, and the next HIT makes a new copy.
//   Approving a comment therefore shows as fast as it does without this module.
// - only paths made of plain URL characters, outside /admin, /api, /_next and /dev, are eligible; the
//   proxy (proxy.ts) only acts on /admin, on malformed escapes and on moved articles (whose live
//   pages cannot be cached under the old address), so it is never skipped.
import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { acceptsCoding, compressOnce, preferredEncoding, varyWithEncoding } from '../http/compression.mjs';
import { sharedMaxAge } from '../http/cache-policy.mjs';
import { changedSince } from './tag-clock.mjs';
import { ifNoneMatchIncludes } from './validators.mjs';

const MAX_BYTES = 64 * 1024 * 1024;
/** A page larger than this is left to Next rather than kept whole in memory while it streams. */
const MAX_PAGE_BYTES = 4 * 1024 * 1024;
const PLAIN_PATH = /^\/(?:[A-Za-z0-9._~-]+(?:\/[A-Za-z0-9._~-]+)*)?$/;
const EXCLUDED = /^\/(?:admin|api|_next|dev)(?:\/|$)/;
const ROUTER_HEADERS = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];
// Headers that belong to one response on one connection, or that this module sets itself.
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'etag']);

const copies = new Map();
let bytes = 0;

/** The path of a request this module may answer, or null. */
function eligiblePath(req) {
  if (req.method !== 'GET' && req.method !== 'HEAD') return null;
  const url = req.url ?? '';
  if (url.includes('?') || !PLAIN_PATH.test(url) || EXCLUDED.test(url) || url.includes('..')) return null;
  for (const name of ROUTER_HEADERS) if (req.headers[name] !== undefined) return null;
  return url;
}

/** Whether a copy still stands: none of its tags invalidated since it was made, and not past its s-maxage. */
function isFresh(copy) {
  return Date.now() - copy.madeAt < copy.maxAgeMs && !changedSince(copy.tags, copy.madeAt);
}

function forget(path) {
  const copy = copies.get(path);
  if (!copy) return;
  copies.delete(path);
  bytes -= copy.size;
}

function evictToFit() {
  for (const [oldest] of copies) {
    if (bytes <= MAX_BYTES) break;
    forget(oldest);
  }
}

let brotliRunning = false;

/**
 * Starts making the brotli coding of a copy, off the event loop: until it is ready the copy goes out
 * gzipped. Kept only if the copy is still the current one for its path.
 */
function startBrotli(path, copy) {
  // One at a time: a crawler asking for hundreds of pages must not fill the thread pool that file
  // reads share with slow best-quality jobs. A copy passed over now is picked up on a later request.
  if (copy.brotliStarted || brotliRunning) return;
  copy.brotliStarted = true;
  brotliRunning = true;
  compressOnce(copy.body, 'br')
    .finally(() => (brotliRunning = false))
    .then(
      (br) => {
        if (copies.get(path) !== copy) return;
        copy.br = br;
        copy.size += br.length;
        bytes += br.length;
        evictToFit();
      },
      (error) => console.error('[page-cache] brotli failed for', path, error),
    );
}

/** The body to send for a coding the client takes, made once per copy; null sends it as it is. */
function encodedBody(path, copy, wanted, acceptEncoding) {
  if (wanted === 'br') {
    if (copy.br) return { coding: 'br', body: copy.br };
    startBrotli(path, copy);
  }
  // Until brotli is ready, gzip, but only to a client that takes it ("br" alone does not).
  if (wanted === null || !acceptsCoding(acceptEncoding, 'gzip')) return { coding: null, body: copy.body };
  if (!copy.gzip) {
    copy.gzip = zlib.gzipSync(copy.body, { level: 6 });
    copy.size += copy.gzip.length;
    bytes += copy.gzip.length;
    evictToFit();
  }
  return { coding: 'gzip', body: copy.gzip };
}

function send(req, res, path, copy) {
  const acceptEncoding = req.headers['accept-encoding'];
  const { coding, body } = encodedBody(path, copy, preferredEncoding(acceptEncoding), acceptEncoding);
  // Each coding is its own representation, with its own validator.
  const etag = coding ? `${copy.etag.slice(0, -1)}-${coding}"` : copy.etag;
  if (ifNoneMatchIncludes(req.headers['if-none-match'], etag)) {
    res.writeHead(304, { ETag: etag, 'Cache-Control': copy.headers['cache-control'] ?? 'no-cache', Vary: copy.headers.vary });
    res.end();
    return;
  }
  const headers = { ...copy.headers, ETag: etag, 'Content-Length': String(body.length) };
  if (coding) headers['Content-Encoding'] = coding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Answers the request from a copy when there is a fresh one. Returns false when Next must answer;
 * the caller then passes the request to `remember` and to Next.
 */
export function serveFromCopy(req, res) {
  const path = eligiblePath(req);
  if (path === null) return false;
  const copy = copies.get(path);
  if (!copy) return false;
  if (!isFresh(copy)) {
    forget(path);
    return false;
  }
  // Recently used copies move to the end; the oldest are dropped first when memory is full.
  copies.delete(path);
  copies.set(path, copy);
  send(req, res, path, copy);
  return true;
}

/**
 * Watches Next's answer to an eligible request and keeps a copy when Next served it from its cache
 * for sharing. Call after the wrappers that compress (so that the bytes kept are the page itself)
 * and before the one that sets the cache policy (so that the headers kept are final).
 */
export function remember(req, res) {
  const path = eligiblePath(req);
  if (path === null || req.method !== 'GET') return;
  // A render that read the database just before an invalidation can be served just after it.
  const askedAt = Date.now();
  const chunks = [];
  let size = 0;
  let keeping = true;
  const { write, end } = res;
  const keep = (res, chunk, encoding) => {
    if (!keeping || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    // Next has set the status and headers before the first byte: only a cached 200 is worth holding.
    if (size === 0 && (res.statusCode !== 200 || res.getHeader('x-nextjs-cache') !== 'HIT')) {
      keeping = false;
      return;
    }
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8') : Buffer.from(chunk);
    size += bytes.length;
    if (size > MAX_PAGE_BYTES) {
      keeping = false;
      chunks.length = 0;
    } else chunks.push(bytes);
  };
  res.write = function rememberingWrite(chunk, encoding, callback) {
    keep(this, chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  };
  res.end = function rememberingEnd(chunk, encoding, callback) {
    keep(this, chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  };
  res.once('finish', () => {
    if (!keeping || res.statusCode !== 200 || res.getHeader('x-nextjs-cache') !== 'HIT' || res.hasHeader('set-cookie')) return;
    const maxAge = sharedMaxAge(res.getHeader('cache-control'));
    const tags = String(res.getHeader('surrogate-key') ?? '')
      .split(' ')
      .filter(Boolean);
    if (!maxAge || tags.length === 0 || changedSince(tags, askedAt, { fresh: true })) return;
    const headers = {};
    for (const [name, value] of Object.entries(res.getHeaders())) {
      if (!PER_RESPONSE.has(name) && value !== undefined) headers[name] = value;
    }
    headers.vary = varyWithEncoding(headers.vary);
    const body = Buffer.concat(chunks);
    // Next's own validator when it gave one (weakened if the answer went out compressed), so a
    // browser holding the uncompressed page's validator still gets its 304 from the copy (the
    // copy's gzip and brotli codings have validators of their own).
    const given = String(res.getHeader('etag') ?? '').replace(/^W\//, '');
    const etag = /^"[^"]+"$/.test(given) ? given : `"${crypto.createHash('sha1').update(body).digest('base64url')}"`;
    forget(path);
    const copy = {
      tags,
      madeAt: askedAt,
      maxAgeMs: maxAge * 1000,
      headers,
      body,
      etag,
      gzip: null,
      br: null,
      brotliStarted: false,
      size: body.length,
    };
    copies.set(path, copy);
    bytes += copy.size;
    evictToFit();
  });
}
