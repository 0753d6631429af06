import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module (scripts/server.mjs runs without a TypeScript step)
import { compressResponse } from './compression.mjs';
// @ts-expect-error plain JavaScript module (scripts/server.mjs runs without a TypeScript step)
import { defersScripts, htmlRewriter, hydrateOnIntent, LOADER, rewriteHtml } from './hydrate-on-intent.mjs';

// The reader pages' script rewriting (lib/http/hydrate-on-intent.mjs): Next's script tags become
// placeholders the loader swaps in, whatever way the page is cut into pieces, and nothing else in
// the page changes. The loader itself runs in the browser journeys (e2e/phones.spec.ts).

/** The head and body Next 16 writes for an App Router page, trimmed to the parts that matter. */
const PAGE = [
  '<!DOCTYPE html><html lang="en-GB"><head><meta charSet="utf-8"/>',
  '<style data-precedence="next">body{margin:0}</style>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page-1.js"/>',
  '<script src="/_next/static/chunks/framework-2.js" async=""></script>',
  '<script src="/_next/static/chunks/turbopack-3.js" async=""></script>',
  '<link rel="preload" as="image" href="/media/lead.avif"/>',
  '<script src="/_next/static/chunks/polyfill-4.js" noModule=""></script>',
  '<script type="application/ld+json">{"headline":"Café <b>"}</script>',
  '<script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/page-1.js"]});</script>',
  '</head><body><main><h1>Le café à Zürich — 10 € 🙂</h1><p>a &lt;script src="/_next/static/chunks/x.js" async=""&gt; in text</p></main>',
  '<script src="/_next/static/chunks/page-1.js" async=""></script>',
  '<script>(self.__next_f=self.__next_f||[]).push([0])</script>',
  '<script src="https://elsewhere.example/x.js" async=""></script>',
  '</body></html>',
].join('');

describe('rewriteHtml', () => {
  const out = rewriteHtml(PAGE);

  it('puts the loader first in <head> and turns each of Next’s script tags into a placeholder, its preloads gone', () => {
    expect(out.startsWith(`<!DOCTYPE html><html lang="en-GB"><head>${LOADER}<meta charSet="utf-8"/>`)).toBe(true);
    expect(out.match(/<script data-ledger-src="([^"]+)"><\/script>/g)).toEqual([
      '<script data-ledger-src="/_next/static/chunks/framework-2.js"></script>',
      '<script data-ledger-src="/_next/static/chunks/turbopack-3.js"></script>',
      '<script data-ledger-src="/_next/static/chunks/page-1.js"></script>',
    ]);
    expect(out).not.toContain('rel="preload" as="script"');
    expect(out).not.toMatch(/<script src="\/_next\/static\/[^"]+" async="">/);
  });

  it('leaves everything else as it was: data scripts, the legacy polyfill, other preloads, the text, other origins', () => {
    const placeholders = (html: string) =>
      html
        .replace(LOADER, '')
        .replace(/<script data-ledger-src="([^"]+)">/g, '<script src="$1" async="">')
        .replace('<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page-1.js"/>', '');
    expect(placeholders(out)).toBe(
      PAGE.replace('<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/page-1.js"/>', ''),
    );
    expect(out).toContain('<script src="/_next/static/chunks/polyfill-4.js" noModule="">');
    expect(out).toContain('<link rel="preload" as="image" href="/media/lead.avif"/>');
    expect(out).toContain('<script src="https://elsewhere.example/x.js" async="">');
    expect(out).toContain('a &lt;script src="/_next/static/chunks/x.js" async=""&gt; in text');
  });

  it('gives the same page however the stream cuts it', () => {
    for (let cut = 1; cut < PAGE.length; cut++) {
      const rewriter = htmlRewriter();
      const pieces = rewriter.push(PAGE.slice(0, cut)) + rewriter.push(PAGE.slice(cut)) + rewriter.flush();
      expect(pieces, `cut at ${cut}`).toBe(out);
    }
    const rewriter = htmlRewriter();
    expect([...PAGE].map((c) => rewriter.push(c)).join('') + rewriter.flush()).toBe(out);
  });

  it('never leaves a placeholder without the loader: a document without <head> is not touched', () => {
    const fragment = '<div><script src="/_next/static/chunks/a.js" async=""></script></div>';
    expect(rewriteHtml(fragment)).toBe(fragment);
  });
});

describe('defersScripts', () => {
  const req = (url: string, method = 'GET') => ({ url, method }) as http.IncomingMessage;

  it('rewrites reader pages, not the dashboard, the API, the local mailbox or a post', () => {
    for (const url of ['/', '/articles/a-story', '/section/procurement?page=2', '/search?q=admin', '/administration-news', '/newsletter'])
      expect(defersScripts(req(url)), url).toBe(true);
    expect(defersScripts(req('/articles/a-story', 'HEAD'))).toBe(true);
    for (const url of ['/admin', '/admin/comments?status=pending', '/api/comments/stamp', '/dev/mail', '/dev'])
      expect(defersScripts(req(url)), url).toBe(false);
    expect(defersScripts(req('/articles/a-story', 'POST'))).toBe(false);
  });
});

describe('hydrateOnIntent behind a real server', () => {
  let server: http.Server;
  let base = '';

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      // In the order scripts/server.mjs installs them: compression first, the rewriting last
      // (outermost). The page copies between them are checked on the built site (e2e/phones.spec.ts).
      compressResponse(req, res);
      hydrateOnIntent(req, res);
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/stream') {
        // Next streams a page in pieces, cut anywhere (here inside a tag and inside a character).
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        const bytes = Buffer.from(PAGE);
        const cuts = [7, 61, 200, 333, 401, bytes.indexOf(Buffer.from('🙂')) + 2, bytes.length];
        let at = 0;
        for (const cut of cuts) {
          res.write(bytes.subarray(at, cut));
          at = cut;
        }
        res.end();
      } else if (url.pathname === '/whole' || url.pathname === '/admin/page') {
        // A cached page: one write, with its length.
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(PAGE) });
        res.end(PAGE);
      } else {
        res.setHeader('Content-Type', 'application/javascript');
        res.end('<head><script src="/_next/static/chunks/a.js" async="">');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = (path: string, headers: Record<string, string> = {}) =>
    new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get(`${base}${path}`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });

  it('sends a streamed page rewritten, every character intact', async () => {
    const { body } = await get('/stream');
    expect(body.toString('utf8')).toBe(rewriteHtml(PAGE));
  });

  it('sends a whole page rewritten with its new length, and compressed as the browser asks', async () => {
    const plain = await get('/whole');
    expect(plain.body.toString('utf8')).toBe(rewriteHtml(PAGE));
    // The length Next gave was the page's before the rewriting: it is dropped (the answer is chunked).
    expect(plain.headers['content-length']).toBeUndefined();
    expect(plain.headers['transfer-encoding']).toBe('chunked');
    const br = await get('/whole', { 'Accept-Encoding': 'br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(zlib.brotliDecompressSync(br.body).toString('utf8')).toBe(rewriteHtml(PAGE));
  });

  it('leaves the dashboard and anything that is not HTML as Next sent it', async () => {
    expect((await get('/admin/page')).body.toString('utf8')).toBe(PAGE);
    expect((await get('/script.js')).body.toString('utf8')).toBe('<head><script src="/_next/static/chunks/a.js" async="">');
  });
});
