// What every response says to caches: one rule for the Node server, the page copies, the route
// handlers that build their own answers (feeds), and the shipped Varnish tier (deploy/varnish).
//
// - A reader page the same for everyone (Next rendered it for its cache, or a feed built from
//   cached reads) is `public` for shared caches for as long as Next keeps it, revalidated by
//   browsers on every visit (ETag, so a 304), served stale by a shared cache for a minute while it
//   refetches and for a day while the origin fails. Its `Surrogate-Key` (and `xkey`, Varnish's
//   name) lists the cache tags it was built from; invalidating a tag purges it (lib/cache/purges.ts).
// - Staff, API and action answers are `private, no-store`: nothing signed-in or per-request may sit
//   in a shared cache.
//
// Plain JavaScript: scripts/server.mjs and lib/cache/tag-clock.mjs load it without a
// TypeScript step (types in cache-policy.d.mts).
import { beforeHead } from './response-head.mjs';

/** How long a shared cache may keep serving a page after its time while it fetches the new one. */
export const STALE_WHILE_REVALIDATE_S = 60;
/** How long a shared cache may keep serving a page while the origin answers with errors or not at all. */
export const STALE_IF_ERROR_S = 86_400;
/** A page that says "not found" may become an article: shared caches keep it a minute at most. */
export const NOT_FOUND_MAX_S = 60;
export const PRIVATE_NO_STORE = 'private, no-store';

/** The dashboard, the API and the local mailbox: answers that depend on who asks, never reader pages. */
const STAFF_PATH = /^\/(?:admin|api|dev)(?:[/?#]|$)/;

/** Whether a path (with or without its query) is the dashboard's, the API's or the local mailbox's. */
export function isStaffPath(path) {
  return typeof path === 'string' && STAFF_PATH.test(path);
}

/**
 * Cache tags Next adds for its own bookkeeping (per route and layout: `_N_T_/…`). They name no
 * data, and no write of ours invalidates them, so they are kept out of purges and surrogate keys.
 */
const isNextBookkeeping = (tag) => tag.startsWith('_N_T_');

/** The tags worth naming to shared caches, without duplicates, in their first order. */
export function publicTags(tags) {
  const list = typeof tags === 'string' ? tags.split(',') : Array.from(tags ?? []);
  const seen = new Set();
  for (const raw of list) {
    const tag = String(raw).trim();
    if (tag && !/\s/.test(tag) && !isNextBookkeeping(tag)) seen.add(tag);
  }
  return [...seen];
}

/** The Surrogate-Key value for a list of tags (space-separated, as Fastly and Varnish's xkey read it), or null. */
export function surrogateKeyOf(tags) {
  const list = publicTags(tags);
  return list.length > 0 ? list.join(' ') : null;
}

/** Cache-Control for an answer shared caches may keep `seconds` (browsers revalidate every time). */
export function sharedCacheControl(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  return `public, max-age=0, s-maxage=${s}, stale-while-revalidate=${STALE_WHILE_REVALIDATE_S}, stale-if-error=${STALE_IF_ERROR_S}`;
}

/** The s-maxage (seconds) a Cache-Control value gives shared caches, or null when it gives none or is private. */
export function sharedMaxAge(cacheControl) {
  const value = String(cacheControl ?? '').toLowerCase();
  if (/\b(?:private|no-store|no-cache)\b/.test(value)) return null;
  const match = /(?:^|[\s,])s-maxage=(\d+)/.exec(value);
  return match ? Number(match[1]) : null;
}

/** Headers for an answer built from cached reads tagged `tags`, kept by shared caches `seconds`. */
export function sharedCacheHeaders(tags, seconds) {
  const key = surrogateKeyOf(tags);
  return { 'Cache-Control': sharedCacheControl(seconds), ...(key ? { 'Surrogate-Key': key, xkey: key } : {}) };
}

/**
 * The Cache-Control a response should carry, given the request and what Next set, or undefined to
 * leave it as it is: private paths and every non-GET become `private, no-store` (unless already
 * no-store); a reader answer Next made cacheable for shared caches gets the shared policy, with a
 * short life when it is not a 200.
 */
export function cacheControlFor({ method, path, status, cacheControl }) {
  const current = cacheControl === undefined ? '' : String(cacheControl);
  if ((method !== 'GET' && method !== 'HEAD') || isStaffPath(path)) {
    return /\bno-store\b/i.test(current) ? undefined : PRIVATE_NO_STORE;
  }
  const seconds = sharedMaxAge(current);
  if (seconds === null) return undefined;
  // A 304 stands for the 200 it confirms.
  if (status === 200 || status === 304) return sharedCacheControl(seconds);
  if (status === 404 || status === 410) return sharedCacheControl(Math.min(seconds, NOT_FOUND_MAX_S));
  // Anything else (a redirect Next rendered, an error) is not for keeping.
  return 'no-cache';
}

/**
 * Makes `res` carry the cache policy when its head is written: call before the other wrappers
 * that act on the head (compression, page copies) so that they see the final headers.
 */
export function applyCachePolicy(req, res) {
  const path = (req.url ?? '/').split('?')[0];
  beforeHead(res, () => {
    let value = cacheControlFor({ method: req.method, path, status: res.statusCode, cacheControl: res.getHeader('cache-control') });
    // An answer that sets a cookie is someone's own, whatever else it says.
    if (res.hasHeader('set-cookie') && (value ?? String(res.getHeader('cache-control') ?? '')).includes('public')) value = PRIVATE_NO_STORE;
    if (value !== undefined) res.setHeader('Cache-Control', value);
    // Tags only on what shared caches may keep.
    if (sharedMaxAge(res.getHeader('cache-control')) === null) {
      res.removeHeader('Surrogate-Key');
      res.removeHeader('xkey');
    }
  });
}
