import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptsCoding,
  compressResponse,
  isCompressibleType,
  MIN_COMPRESS_BYTES,
  precompressStatic,
  preferredEncoding,
  serveStaticAsset,
  staticFileOf,
  // @ts-expect-error plain JavaScript module (scripts/server.mjs runs without a TypeScript step)
} from './compression.mjs';

// The production server's compression (lib/http/compression.mjs) behind real HTTP servers: what a
// browser receives decodes to what Next wrote, in the coding it prefers, and only where it pays.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; chunkTimes: number[]; endTime: number };

function request(base: string, urlPath: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<Answer>((resolve, reject) => {
    const req = http.request(`${base}${urlPath}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      const chunkTimes: number[] = [];
      res.on('data', (c: Buffer) => {
        chunks.push(c);
        chunkTimes.push(Date.now());
      });
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), chunkTimes, endTime: Date.now() }),
      );
    });
    req.on('error', reject);
    req.end(method === 'POST' ? 'x=1' : undefined);
  });
}

function decoded(answer: Answer): string {
  const coding = answer.headers['content-encoding'];
  if (coding === 'br') return zlib.brotliDecompressSync(answer.body).toString();
  if (coding === 'gzip') return zlib.gunzipSync(answer.body).toString();
  return answer.body.toString();
}

async function listen(handler: http.RequestListener): Promise<{ base: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('preferredEncoding', () => {
  it('reads Accept-Encoding as browsers and tools write it, brotli first when it is as welcome', () => {
    expect(preferredEncoding('gzip, deflate, br')).toBe('br');
    expect(preferredEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(preferredEncoding('br;q=1.0, gzip;q=0.8, *;q=0.1')).toBe('br');
    expect(preferredEncoding('gzip;q=1.0, br;q=0.5')).toBe('gzip');
    expect(preferredEncoding('gzip, deflate')).toBe('gzip');
    expect(preferredEncoding('GZIP')).toBe('gzip');
    expect(preferredEncoding('*')).toBe('br');
    expect(preferredEncoding('br;q=0, *')).toBe('gzip');
    expect(preferredEncoding('gzip;q=0')).toBeNull();
    expect(preferredEncoding('gzip; q=0.000, identity')).toBeNull();
    expect(preferredEncoding('identity')).toBeNull();
    expect(preferredEncoding('x-gzip-ish')).toBeNull();
    expect(preferredEncoding('')).toBeNull();
    expect(preferredEncoding(undefined)).toBeNull();
    // Whether a fallback coding may be sent: "br" alone does not take gzip.
    expect(acceptsCoding('br', 'gzip')).toBe(false);
    expect(acceptsCoding('br, gzip;q=0', 'gzip')).toBe(false);
    expect(acceptsCoding('br, x-gzip', 'gzip')).toBe(true);
    expect(acceptsCoding('*', 'gzip')).toBe(true);
  });

  it('compresses text of every kind and leaves pictures and woff fonts alone', () => {
    for (const type of [
      'text/html; charset=utf-8',
      'text/x-component',
      'application/javascript',
      'application/rss+xml',
      'image/svg+xml',
      'application/json',
      'font/ttf',
    ])
      expect(isCompressibleType(type), type).toBe(true);
    for (const type of ['image/avif', 'image/jpeg', 'font/woff2', 'application/octet-stream', undefined])
      expect(isCompressibleType(type), String(type)).toBe(false);
  });
});

describe('compressResponse', () => {
  const page = `<!DOCTYPE html><html><body>${'<p>Paragraph of the story.</p>'.repeat(200)}</body></html>`;
  let server: { base: string; close: () => Promise<void> };

  beforeAll(async () => {
    server = await listen((req, res) => {
      compressResponse(req, res);
      const url = req.url ?? '/';
      if (url === '/page') {
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.setHeader('ETag', '"abc"');
        res.setHeader('Vary', 'rsc');
        res.end(page);
      } else if (url === '/streamed') {
        // As Next streams a page: headers, a first chunk flushed at once, the rest later.
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.write(page.slice(0, 3000));
        (res as unknown as { flush: () => void }).flush();
        setTimeout(() => res.end(page.slice(3000)), 300);
      } else if (url === '/unmeasured') {
        // A page whose length is not given and, for a HEAD, not written (a rewritten page's HEAD).
        res.setHeader('Content-Type', 'text/html; charset=utf-8');
        res.end(req.method === 'HEAD' ? undefined : page);
      } else if (url === '/small') {
        res.setHeader('Content-Type', 'text/plain');
        res.end('ok');
      } else if (url === '/picture') {
        res.setHeader('Content-Type', 'image/avif');
        res.end(Buffer.alloc(5000));
      } else if (url === '/missing') {
        res.statusCode = 404;
        res.setHeader('Content-Type', 'text/html');
        res.end(page);
      } else if (url === '/no-transform') {
        res.setHeader('Content-Type', 'text/html');
        res.setHeader('Cache-Control', 'no-transform');
        res.end(page);
      } else {
        res.setHeader('Content-Type', 'text/html');
        res.end(page);
      }
    });
  });
  afterAll(() => server.close());

  it('sends a page in the coding the browser prefers, which decodes to the same text, with Vary and a weak ETag', async () => {
    const plain = await request(server.base, '/page');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(page);
    expect(plain.headers.etag).toBe('"abc"');
    expect(plain.headers.vary).toBe('rsc, Accept-Encoding');

    const br = await request(server.base, '/page', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(decoded(br)).toBe(page);
    expect(br.body.length).toBeLessThan(page.length / 10);
    expect(br.headers.etag).toBe('W/"abc"');
    expect(br.headers.vary).toBe('rsc, Accept-Encoding');

    const gzip = await request(server.base, '/page', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(page);

    const head = await request(server.base, '/page', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(head.headers['content-encoding']).toBe('br');
    expect(head.body.length).toBe(0);
    // A HEAD says what its GET would, even when nothing tells the length.
    const unmeasured = await request(server.base, '/unmeasured', { 'Accept-Encoding': 'br' }, 'HEAD');
    expect(unmeasured.headers['content-encoding']).toBe('br');
    expect((await request(server.base, '/unmeasured', { 'Accept-Encoding': 'br' })).headers['content-encoding']).toBe('br');
  });

  it('keeps a streamed page streaming: the first chunk arrives before the page ends', async () => {
    const answer = await request(server.base, '/streamed', { 'Accept-Encoding': 'br' });
    expect(answer.headers['content-encoding']).toBe('br');
    expect(decoded(answer)).toBe(page);
    expect(answer.chunkTimes.length).toBeGreaterThan(1);
    expect(answer.endTime - answer.chunkTimes[0]!).toBeGreaterThanOrEqual(200);
  });

  it('leaves alone what does not pay: small answers, pictures, errors, no-transform and POSTs', async () => {
    const accept = { 'Accept-Encoding': 'br, gzip' };
    const small = await request(server.base, '/small', accept);
    expect('ok'.length).toBeLessThan(MIN_COMPRESS_BYTES);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('ok');
    const picture = await request(server.base, '/picture', accept);
    expect(picture.headers['content-encoding']).toBeUndefined();
    expect(picture.body.length).toBe(5000);
    for (const urlPath of ['/missing', '/no-transform']) {
      const answer = await request(server.base, urlPath, accept);
      expect(answer.headers['content-encoding'], urlPath).toBeUndefined();
      expect(answer.body.toString()).toBe(page);
    }
    const post = await request(server.base, '/action', accept, 'POST');
    expect(post.headers['content-encoding']).toBeUndefined();
    expect(post.body.toString()).toBe(page);
  });
});

describe('build files', () => {
  const staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-static-'));
  const script = `console.log(${JSON.stringify('a script of the build '.repeat(200))});`;
  let server: { base: string; close: () => Promise<void> };

  beforeAll(async () => {
    fs.mkdirSync(path.join(staticDir, 'chunks'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'chunks', 'app-1a2b.js'), script);
    fs.writeFileSync(path.join(staticDir, 'chunks', 'tiny.js'), 'x=1');
    fs.writeFileSync(path.join(staticDir, 'chunks', 'font.woff2'), Buffer.alloc(4000, 1));
    fs.writeFileSync(path.join(os.tmpdir(), 'outside.js'), 'secret');
    server = await listen(async (req, res) => {
      if (!(await serveStaticAsset(req, res, { staticDir, headers: { 'X-Content-Type-Options': 'nosniff' } }))) {
        res.statusCode = 418;
        res.end('next');
      }
    });
  });
  afterAll(async () => {
    await server.close();
    fs.rmSync(staticDir, { recursive: true, force: true });
  });

  it('are compressed once, beside each file worth it, and a second run writes nothing', async () => {
    expect(await precompressStatic(staticDir)).toBe(2);
    expect(fs.existsSync(path.join(staticDir, 'chunks', 'app-1a2b.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(staticDir, 'chunks', 'app-1a2b.js.gz'))).toBe(true);
    expect(fs.existsSync(path.join(staticDir, 'chunks', 'tiny.js.br'))).toBe(false);
    expect(fs.existsSync(path.join(staticDir, 'chunks', 'font.woff2.br'))).toBe(false);
    expect(await precompressStatic(staticDir)).toBe(0);
    expect(fs.readdirSync(path.join(staticDir, 'chunks')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('are sent in the coding the browser prefers, kept for a year, with a validator per coding', async () => {
    const br = await request(server.base, '/_next/static/chunks/app-1a2b.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toBe('application/javascript; charset=utf-8');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toBe('Accept-Encoding');
    expect(br.headers['x-content-type-options']).toBe('nosniff');
    expect(br.headers['content-length']).toBe(String(br.body.length));
    expect(decoded(br)).toBe(script);

    const gzip = await request(server.base, '/_next/static/chunks/app-1a2b.js', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(script);
    const plain = await request(server.base, '/_next/static/chunks/app-1a2b.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    expect(new Set([br.headers.etag, gzip.headers.etag, plain.headers.etag]).size).toBe(3);
    expect(
      (await request(server.base, '/_next/static/chunks/app-1a2b.js', { 'Accept-Encoding': 'br', 'If-None-Match': br.headers.etag! }))
        .status,
    ).toBe(304);

    // Not worth compressing: sent as it is, whatever the browser takes.
    const tiny = await request(server.base, '/_next/static/chunks/tiny.js', { 'Accept-Encoding': 'br' });
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('x=1');
    const font = await request(server.base, '/_next/static/chunks/font.woff2', { 'Accept-Encoding': 'br' });
    expect(font.headers['content-encoding']).toBeUndefined();
    expect(font.headers.vary).toBeUndefined();
  });

  it('leave to Next whatever is not a plain file under the build folder', async () => {
    for (const urlPath of [
      '/_next/static/chunks/none.js',
      '/_next/static/../outside.js',
      '/_next/static/%2e%2e/outside.js',
      '/_next/static/chunks',
      '/_next/data/x.json',
      '/_next/static/chunks/app-1a2b.exe',
    ]) {
      expect((await request(server.base, urlPath, { 'Accept-Encoding': 'br' })).status, urlPath).toBe(418);
    }
    expect(staticFileOf('/_next/static/%2e%2e/%2e%2e/etc/passwd', staticDir)).toBeNull();
    expect((await request(server.base, '/_next/static/chunks/app-1a2b.js', {}, 'POST')).status).toBe(418);
  });
});
