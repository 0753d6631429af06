import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyCachePolicy,
  cacheControlFor,
  publicTags,
  sharedCacheControl,
  sharedCacheHeaders,
  sharedMaxAge,
  surrogateKeyOf,
} from './cache-policy.mjs';

const NEXT_ISR = 's-maxage=3600, stale-while-revalidate=31532400';
const NEXT_DYNAMIC = 'private, no-cache, no-store, max-age=0, must-revalidate';
const SHARED_HOUR = 'public, max-age=0, s-maxage=3600, stale-while-revalidate=60, stale-if-error=86400';

describe('cache tags for shared caches', () => {
  it("keeps the site's tags in order, once each, and drops Next's bookkeeping and anything with a space", () => {
    expect(publicTags('_N_T_/layout,sections,_N_T_/articles/x,article:x,sections, tag:a ')).toEqual(['sections', 'article:x', 'tag:a']);
    expect(publicTags(['article:x', 'bad tag', ''])).toEqual(['article:x']);
    expect(surrogateKeyOf('_N_T_/layout')).toBeNull();
    expect(surrogateKeyOf(['listings', 'sections'])).toBe('listings sections');
  });

  it('gives answers built from tagged reads both header names and the shared policy', () => {
    expect(sharedCacheHeaders(['listings'], 600)).toEqual({
      'Cache-Control': 'public, max-age=0, s-maxage=600, stale-while-revalidate=60, stale-if-error=86400',
      'Surrogate-Key': 'listings',
      xkey: 'listings',
    });
    expect(sharedCacheHeaders([], 600)).toEqual({ 'Cache-Control': sharedCacheControl(600) });
  });

  it('reads s-maxage only from values that allow shared caches', () => {
    expect(sharedMaxAge(NEXT_ISR)).toBe(3600);
    expect(sharedMaxAge(SHARED_HOUR)).toBe(3600);
    expect(sharedMaxAge(NEXT_DYNAMIC)).toBeNull();
    expect(sharedMaxAge('public, max-age=60')).toBeNull();
    expect(sharedMaxAge(undefined)).toBeNull();
  });
});

describe('the Cache-Control each answer carries', () => {
  const reader = (status: number, cacheControl: unknown, path = '/articles/x', method = 'GET') =>
    cacheControlFor({ method, path, status, cacheControl });

  it('turns a page Next cached into the shared policy: browsers revalidate, caches keep it and serve it stale on errors', () => {
    expect(reader(200, NEXT_ISR)).toBe(SHARED_HOUR);
    expect(reader(304, NEXT_ISR, '/', 'HEAD')).toBe(SHARED_HOUR);
    expect(reader(200, 's-maxage=31536000')).toBe(sharedCacheControl(31536000));
  });

  it('keeps a "not found" a minute at most (it may be published soon), and nothing else that is not a 200', () => {
    expect(reader(404, 's-maxage=31536000')).toBe(sharedCacheControl(60));
    expect(reader(410, 's-maxage=30')).toBe(sharedCacheControl(30));
    expect(reader(500, NEXT_ISR)).toBe('no-cache');
  });

  it('leaves answers Next made per request, or that say nothing about shared caches, as they are', () => {
    expect(reader(200, NEXT_DYNAMIC, '/search')).toBeUndefined();
    expect(reader(200, 'public, max-age=0, must-revalidate', '/robots.txt')).toBeUndefined();
    expect(reader(308, 'no-cache')).toBeUndefined();
    expect(reader(200, undefined)).toBeUndefined();
  });

  it('makes staff, API, mailbox and action answers private and unstored, whatever they said', () => {
    expect(reader(200, NEXT_ISR, '/admin/comments')).toBe('private, no-store');
    expect(reader(200, 'public, max-age=60', '/api/comments/stamp')).toBe('private, no-store');
    expect(reader(200, undefined, '/dev/mail')).toBe('private, no-store');
    expect(reader(303, NEXT_ISR, '/articles/x', 'POST')).toBe('private, no-store');
    expect(reader(200, NEXT_DYNAMIC, '/admin')).toBeUndefined();
    expect(reader(200, 'no-store', '/api/newsletter/confirm')).toBeUndefined();
    // Only whole path segments: an article about the admin team is a reader page.
    expect(reader(200, NEXT_ISR, '/administrators')).toBe(SHARED_HOUR);
  });
});

describe('applyCachePolicy on a real response', () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      applyCachePolicy(req, res);
      res.setHeader('Surrogate-Key', 'article:x');
      res.setHeader('xkey', 'article:x');
      if (req.url === '/articles/cookie') res.setHeader('Set-Cookie', 'theme=dark');
      if (req.url === '/articles/x') {
        // Headers given to writeHead win over setHeader in Node: the rule must still apply.
        res.writeHead(200, { 'Cache-Control': NEXT_ISR, 'Content-Type': 'text/plain' });
        res.end('page');
      } else {
        res.setHeader('Cache-Control', NEXT_ISR);
        res.end('answer');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('rewrites the header whether it was set before or given to writeHead, and keeps the tags on a shared answer', async () => {
    const page = await fetch(`${base}/articles/x`);
    expect(page.headers.get('cache-control')).toBe(SHARED_HOUR);
    expect(page.headers.get('surrogate-key')).toBe('article:x');
    expect(await page.text()).toBe('page');
  });

  it('never lets a shared cache keep an answer that sets a cookie', async () => {
    const answer = await fetch(`${base}/articles/cookie`);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(answer.headers.get('surrogate-key')).toBeNull();
  });

  it('drops the tags from a private answer: no cache in front may keep it', async () => {
    const staff = await fetch(`${base}/admin/x`);
    expect(staff.headers.get('cache-control')).toBe('private, no-store');
    expect(staff.headers.get('surrogate-key')).toBeNull();
    expect(staff.headers.get('xkey')).toBeNull();
  });
});
