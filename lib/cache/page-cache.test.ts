import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import * as schema from '@/db/schema';
import LedgerCacheHandler from './next-cache-handler.mjs';
// @ts-expect-error plain JavaScript module, see above
import { remember, serveFromCopy } from './page-cache.mjs';

// The page copies in front of Next (lib/cache/page-cache.mjs), with the real cache handler on this
// test file's own SQLite database, behind a real HTTP server. A stand-in plays Next's request
// handler: it answers from the cache handler the way Next does (x-nextjs-cache HIT or MISS) and
// counts how often it was asked, so each test can tell whether Next or a copy answered. Like Next,
// it sends the headers stored with the cached page, where the handler names the page's tags.

const ROUTE = 'abc123';
const keyOf = (path: string) => `/route-cache/APP_PAGE/${ROUTE}/$${path}`;
const pageHtml = (path: string, version: number) => `<!DOCTYPE html><html><body><h1>${path}</h1><p>version ${version}</p></body></html>`;

type Handler = {
  get(key: string, ctx?: unknown): Promise<{ value: { html: string; headers: Record<string, string> } } | null>;
  set(key: string, value: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tags: string[]): Promise<void>;
};

let handler: Handler;
let server: http.Server;
let base: string;
let nextCalls = 0;
let version = 0;
/** What the stand-in for Next does for a path: `page` renders and caches, anything else 404s. */
const routes = new Map<string, { revalidate: number | false; setCookie?: boolean; status?: number; tags?: string }>();

async function standInForNext(req: http.IncomingMessage, res: http.ServerResponse) {
  nextCalls += 1;
  const url = new URL(req.url ?? '/', 'http://x');
  const path = url.pathname === '/' ? '/page/1' : url.pathname;
  const route = routes.get(path);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  // What Next sends with compression off: no Accept-Encoding in it.
  res.setHeader('Vary', 'rsc, next-router-state-tree');
  if (!route) {
    res.statusCode = 404;
    res.end('not found');
    return;
  }
  const cached = await handler.get(keyOf(path));
  let value = cached?.value;
  res.setHeader('x-nextjs-cache', value ? 'HIT' : 'MISS');
  if (!value) {
    version += 1;
    value = {
      html: pageHtml(path, version),
      headers: { 'x-next-cache-tags': route.tags ?? `_N_T_/layout,_N_T_${path},article:${path}` },
    };
    // Next sends the entry it has just stored, with the headers the handler added to it.
    const entry = { kind: 'APP_PAGE', ...value, rscData: Buffer.from('rsc'), status: 200 };
    await handler.set(keyOf(path), entry, { cacheControl: { revalidate: route.revalidate, expire: undefined } });
    value = entry;
  }
  const { html } = value;
  for (const [name, header] of Object.entries(value.headers)) if (name !== 'x-next-cache-tags') res.setHeader(name, header);
  if (route.setCookie) res.setHeader('Set-Cookie', 'a=b');
  res.setHeader('Cache-Control', `s-maxage=${route.revalidate === false ? 31536000 : route.revalidate}`);
  res.setHeader('Content-Type', 'text/html; charset=utf-8');
  res.setHeader('ETag', '"from-next"');
  res.statusCode = route.status ?? 200;
  res.end(req.method === 'HEAD' ? undefined : html);
}

async function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    const req = http.request(`${base}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Asks twice so that Next has answered from its cache once (the response a copy is made of). */
async function warm(path: string) {
  await get(path);
  await get(path);
}

/** Lets the cache handler's 200 ms poll of cache_invalidations come round. */
const afterSync = () => new Promise((resolve) => setTimeout(resolve, 250));

beforeAll(async () => {
  migrateDatabase();
  handler = new LedgerCacheHandler({}) as unknown as Handler;
  server = http.createServer((req, res) => {
    if (serveFromCopy(req, res)) return;
    remember(req, res);
    void standInForNext(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  routes.clear();
  nextCalls = 0;
});

describe('page copies', () => {
  it('answers a page again without Next once Next has served it from its cache, with the same bytes and headers', async () => {
    routes.set('/articles/one', { revalidate: false });
    const miss = await get('/articles/one');
    const hit = await get('/articles/one');
    expect(nextCalls).toBe(2);
    expect(miss.headers['x-nextjs-cache']).toBe('MISS');
    expect(hit.headers['x-nextjs-cache']).toBe('HIT');

    const copy = await get('/articles/one');
    expect(nextCalls).toBe(2);
    expect(copy.status).toBe(200);
    expect(copy.body.toString()).toBe(hit.body.toString());
    expect(copy.headers['x-nextjs-cache']).toBe('HIT');
    expect(copy.headers['x-content-type-options']).toBe('nosniff');
    expect(copy.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(copy.headers['cache-control']).toBe('s-maxage=31536000');
    // The page's own tags, for shared caches to purge by; not Next's bookkeeping ones.
    expect(copy.headers['surrogate-key']).toBe('article:/articles/one');
    expect(copy.headers.xkey).toBe('article:/articles/one');
    expect(hit.headers['surrogate-key']).toBe('article:/articles/one');
    expect(copy.headers['content-length']).toBe(String(hit.body.length));
    expect(copy.headers['set-cookie']).toBeUndefined();
    // Next's validator, so a browser holding it gets a 304 from the copy too.
    expect(copy.headers.etag).toBe('"from-next"');
  });

  it('keeps a copy per address: the front page, which Next renders as /page/1', async () => {
    routes.set('/page/1', { revalidate: false });
    await warm('/');
    const copy = await get('/');
    expect(nextCalls).toBe(2);
    expect(copy.body.toString()).toContain('<h1>/page/1</h1>');
  });

  it('sends a brotli or gzip copy to clients that accept one, 304 to a matching If-None-Match, and no body to HEAD', async () => {
    routes.set('/articles/two', { revalidate: false });
    await warm('/articles/two');
    const plain = await get('/articles/two');
    const gzipped = await get('/articles/two', { 'Accept-Encoding': 'gzip, deflate' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    // Brotli is made off the event loop: until it is ready a client taking only brotli gets the page
    // as it is, one taking gzip too gets gzip; later ones get brotli.
    const brOnly = await get('/articles/two', { 'Accept-Encoding': 'br' });
    expect(brOnly.headers['content-encoding'] ?? 'identity').toMatch(/^(identity|br)$/);
    expect((brOnly.headers['content-encoding'] === 'br' ? zlib.brotliDecompressSync(brOnly.body) : brOnly.body).toString()).toBe(
      plain.body.toString(),
    );
    const first = await get('/articles/two', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(first.headers['content-encoding']).toMatch(/^(gzip|br)$/);
    await expect
      .poll(async () => (await get('/articles/two', { 'Accept-Encoding': 'gzip, deflate, br' })).headers['content-encoding'])
      .toBe('br');
    const brotli = await get('/articles/two', { 'Accept-Encoding': 'br' });
    expect(zlib.brotliDecompressSync(brotli.body).toString()).toBe(plain.body.toString());
    expect(brotli.headers['content-length']).toBe(String(brotli.body.length));
    expect(new Set([plain.headers.etag, gzipped.headers.etag, brotli.headers.etag]).size).toBe(3);
    expect((await get('/articles/two', { 'If-None-Match': brotli.headers.etag!, 'Accept-Encoding': 'br' })).status).toBe(304);
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(plain.body.toString());
    expect(gzipped.headers.etag).not.toBe(plain.headers.etag);

    // One URL, two encodings: a shared cache in front must know the answer depends on it.
    for (const answer of [plain, gzipped, brotli]) expect(answer.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding');
    const refused = await get('/articles/two', { 'Accept-Encoding': 'gzip;q=0, identity' });
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(refused.body.toString()).toBe(plain.body.toString());

    const notModified = await get('/articles/two', { 'If-None-Match': plain.headers.etag! });
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
    expect(notModified.headers.vary).toBe('rsc, next-router-state-tree, Accept-Encoding');
    expect((await get('/articles/two', { 'If-None-Match': '*' })).status).toBe(304);
    // The gzip copy has its own validator.
    expect((await get('/articles/two', { 'If-None-Match': plain.headers.etag!, 'Accept-Encoding': 'gzip' })).status).toBe(200);
    expect((await get('/articles/two', { 'If-None-Match': gzipped.headers.etag!, 'Accept-Encoding': 'gzip' })).status).toBe(304);
    const changedElsewhere = await get('/articles/two', { 'If-None-Match': '"something-else"' });
    expect(changedElsewhere.status).toBe(200);

    const head = await get('/articles/two', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(String(plain.body.length));
    expect(head.body.length).toBe(0);
    expect(nextCalls).toBe(2);
  });

  it('stops using a copy as soon as one of its tags is invalidated, in this process or another', async () => {
    routes.set('/articles/three', { revalidate: false });
    routes.set('/articles/four', { revalidate: false });
    await warm('/articles/three');
    await warm('/articles/four');
    const before = (await get('/articles/three')).body.toString();
    expect(nextCalls).toBe(4);

    // Another process (or the moderation CLI) records the invalidation in the shared table.
    const other = drizzle({ client: new Database(process.env.DATABASE_PATH!), schema });
    other
      .insert(schema.cacheInvalidations)
      .values({ tag: 'article:/articles/three', invalidatedAt: Date.now() })
      .onConflictDoUpdate({ target: schema.cacheInvalidations.tag, set: { invalidatedAt: Date.now() } })
      .run();
    other.$client.close();
    await afterSync();

    const after = await get('/articles/three');
    expect(nextCalls).toBe(5);
    expect(after.headers['x-nextjs-cache']).toBe('MISS');
    expect(after.body.toString()).not.toBe(before);
    // Other pages keep their copies.
    await get('/articles/four');
    expect(nextCalls).toBe(5);

    // In this process: the handler's own revalidateTag.
    await warm('/articles/three');
    const calls = nextCalls;
    await handler.revalidateTag(['article:/articles/four']);
    await get('/articles/four');
    expect(nextCalls).toBe(calls + 1);
  });

  it('hands the request back to Next once the page is past its s-maxage', async () => {
    routes.set('/articles/timed', { revalidate: 1 });
    await warm('/articles/timed');
    await get('/articles/timed');
    expect(nextCalls).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 1050));
    await get('/articles/timed');
    expect(nextCalls).toBe(3);
  });

  it('never copies what Next did not serve as a cached, tagged 200 without cookies', async () => {
    routes.set('/articles/cookie', { revalidate: false, setCookie: true });
    routes.set('/articles/gone', { revalidate: false, status: 404 });
    // A page that names no tags could never be purged.
    routes.set('/articles/untagged', { revalidate: false, tags: '_N_T_/layout' });
    for (const path of ['/articles/cookie', '/articles/gone', '/articles/unknown', '/articles/untagged']) {
      await warm(path);
      const calls = nextCalls;
      await get(path);
      expect(nextCalls, path).toBe(calls + 1);
    }
  });

  it('leaves requests it may not answer to Next: queries, router requests, staff and API paths, odd paths, other methods', async () => {
    for (const path of ['/articles/five', '/admin/comments', '/api/comments/stamp', '/articles/Five%20x', '/page/1', '/articles/five/']) {
      routes.set(path, { revalidate: false });
    }
    const cases: [string, Record<string, string>, string][] = [
      ['/articles/five?page=2', {}, 'GET'],
      ['/articles/five', { RSC: '1' }, 'GET'],
      ['/articles/five', { 'Next-Router-Prefetch': '1' }, 'GET'],
      ['/articles/five', { 'Next-Action': 'abc' }, 'GET'],
      ['/articles/five', {}, 'POST'],
      ['/admin/comments', {}, 'GET'],
      ['/api/comments/stamp', {}, 'GET'],
      ['/articles/Five%20x', {}, 'GET'],
      ['/articles/five/', {}, 'GET'],
    ];
    await warm('/articles/five');
    for (const [path, headers, method] of cases) {
      await get(path, headers, method);
      const calls = nextCalls;
      await get(path, headers, method);
      expect(nextCalls, `${method} ${path} ${JSON.stringify(headers)}`).toBe(calls + 1);
    }
    // The plain request still comes from the copy.
    const calls = nextCalls;
    await get('/articles/five');
    expect(nextCalls).toBe(calls);
  });
});
