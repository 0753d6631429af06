import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import type { Media } from '@/db/schema';
import { fixedSecurityHeaders } from '../security/http-headers.mjs';
import { mediaFileOf, mediaRootFromEnv, serveMediaFile } from './file-server.mjs';
import { mediaRoot } from './files';
import { MEDIA_FORMATS, extensionOf, parseMediaFileName, VARIANT_FORMATS, VARIANT_WIDTHS } from './rules';
import { mediaResponse } from './serve';
import { storeUpload } from './store';

const siteHeaders = Object.fromEntries(fixedSecurityHeaders().map(({ key, value }) => [key, value]));

// The production server's shortcut for pictures on disk (lib/media/file-server.mjs) must answer
// exactly as the /media route would, only faster and with a Content-Length. Here it runs in front
// of the route's own code behind a real HTTP server, as scripts/server.mjs puts it in front of Next.

const HASH = 'a'.repeat(64);
let picture: Media;
let server: http.Server;
let base: string;
let routeCalls = 0;

/** The /media route's answer (app/media/[file]/route.ts), written to a Node response as Next would. */
async function route(req: http.IncomingMessage, res: http.ServerResponse) {
  routeCalls += 1;
  const name = (req.url ?? '').slice('/media/'.length);
  const response = await mediaResponse(
    new Request(`http://localhost${req.url}`, { method: req.method, headers: req.headers as HeadersInit }),
    name,
  );
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(req.method === 'HEAD' ? undefined : Buffer.from(await response.arrayBuffer()));
}

async function fetchHeaders(path: string, init: RequestInit = {}) {
  const response = await fetch(`${base}${path}`, init);
  const body = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, body };
}

beforeAll(async () => {
  migrateDatabase();
  const bytes = await sharp({ create: { width: 700, height: 400, channels: 3, background: '#2d4f73' } })
    .webp()
    .toBuffer();
  const result = await storeUpload({ bytes, originalName: 'blue.webp', uploadedBy: null });
  if (!result.ok) throw new Error(result.message);
  picture = result.media;
  server = http.createServer(async (req, res) => {
    // The site's fixed headers, as scripts/server.mjs passes them.
    if (await serveMediaFile(req, res, { root: mediaRoot(), headers: siteHeaders })) return;
    await route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/media/`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('mediaFileOf', () => {
  const names = [
    ...MEDIA_FORMATS.map((f) => `${HASH}.${extensionOf(f)}`),
    ...VARIANT_WIDTHS.flatMap((w) => VARIANT_FORMATS.map((f) => `${HASH}-${w}.${f}`)),
    ...[100, 319, 321, 500, 999, 1000, 2560, 9999].map((w) => `${HASH}-${w}.webp`),
    ...['jpg', 'png'].map((e) => `${HASH}-640.${e}`),
    `${HASH}.jpeg`,
    `${HASH}.gif`,
    `${HASH}.JPG`,
    `${HASH.toUpperCase()}.jpg`,
    `${HASH.slice(1)}.jpg`,
    `${HASH}a.jpg`,
    `${HASH}-0640.webp`,
    `${HASH}.jpg.webp`,
    `${HASH}.jpg?x=1`,
    `${HASH}.jpg/`,
    `../${HASH}.jpg`,
    '',
  ];

  it.each(names)('agrees with the route about %j', (name) => {
    expect(mediaFileOf(`/media/${name}`, '/m') !== null).toBe(parseMediaFileName(name) !== null);
  });

  it('maps a name to its file under MEDIA_PATH and nowhere else', () => {
    expect(mediaFileOf(`/media/${HASH}.jpg`, '/m')).toMatchObject({ file: `/m/${HASH}.jpg`, type: 'image/jpeg' });
    expect(mediaFileOf(`/media/${HASH}-960.avif`, '/m')).toMatchObject({ file: `/m/variants/${HASH}-960.avif`, type: 'image/avif' });
    expect(mediaFileOf(`/other/${HASH}.jpg`, '/m')).toBeNull();
    expect(mediaFileOf(`/media/sub/${HASH}.jpg`, '/m')).toBeNull();
  });

  it('finds MEDIA_PATH where lib/env and lib/media/files.ts put it', () => {
    expect(mediaRootFromEnv()).toBe(mediaRoot());
  });
});

describe('serveMediaFile in front of the route', () => {
  it('sends an original with the route’s headers, and a Content-Length', async () => {
    routeCalls = 0;
    const fast = await fetchHeaders(`${picture.hash}.webp`);
    expect(routeCalls).toBe(0);
    expect(fast.status).toBe(200);
    expect(fast.headers.get('content-length')).toBe(String(picture.bytes));
    expect(fast.headers.get('x-frame-options')).toBe('DENY');
    const direct = await mediaResponse(new Request(`http://localhost/media/${picture.hash}.webp`), `${picture.hash}.webp`);
    for (const name of ['content-type', 'cache-control', 'etag', 'x-content-type-options']) {
      expect(fast.headers.get(name), name).toBe(direct.headers.get(name));
    }
    expect(fast.body.equals(Buffer.from(await direct.arrayBuffer()))).toBe(true);
  });

  it('leaves a variant not made yet to the route, then sends it itself with the same ETag', async () => {
    routeCalls = 0;
    const first = await fetchHeaders(`${picture.hash}-480.webp`);
    expect(routeCalls).toBe(1);
    expect(first.status).toBe(200);
    const second = await fetchHeaders(`${picture.hash}-480.webp`);
    expect(routeCalls).toBe(1);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(second.headers.get('content-type')).toBe('image/webp');
    expect(second.headers.get('content-length')).toBe(String(second.body.length));
    expect(second.body.equals(first.body)).toBe(true);
  });

  it('answers HEAD with the length and no body, and 304 to a client that has the picture', async () => {
    const head = await fetchHeaders(`${picture.hash}.webp`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(picture.bytes));
    expect(head.body.length).toBe(0);
    const cached = await fetchHeaders(`${picture.hash}.webp`, { headers: { 'If-None-Match': `"${picture.hash}"` } });
    expect(cached.status).toBe(304);
    expect(cached.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it.skipIf(!fs.existsSync('/proc/self/fd'))('closes the file when the client goes away halfway', async () => {
    // Noise does not compress: a PNG of several megabytes, far more than one socket buffer.
    const noise = await sharp(randomBytes(1200 * 1200 * 3), { raw: { width: 1200, height: 1200, channels: 3 } })
      .png()
      .toBuffer();
    const stored = await storeUpload({ bytes: noise, originalName: 'noise.png', uploadedBy: null });
    if (!stored.ok) throw new Error(stored.message);
    const openPictures = () =>
      fs.readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return fs.readlinkSync(`/proc/self/fd/${fd}`).startsWith(mediaRoot());
        } catch {
          return false;
        }
      }).length;
    const before = openPictures();
    await new Promise<void>((resolve, reject) => {
      const req = http.get(`${base}${stored.media.hash}.png`, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
    });
    await expect.poll(openPictures, { timeout: 2000 }).toBe(before);
  });

  it('leaves every other name to the route, which answers 404', async () => {
    routeCalls = 0;
    for (const name of [`${picture.hash}.png`, `${'d'.repeat(64)}.webp`, `${picture.hash}-500.webp`]) {
      expect((await fetchHeaders(name)).status, name).toBe(404);
    }
    expect(routeCalls).toBe(3);
  });
});
