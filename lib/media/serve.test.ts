import fs from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import type { Media } from '@/db/schema';
import { originalFile, variantFile } from './files';
import { mediaResponse } from './serve';
import { storeUpload } from './store';

// The /media route's answers (app/media/[file]/route.ts passes the file name straight here).

// Counts the media-table reads, to show a variant already on disk is served without one.
const lookups = vi.hoisted(() => ({ n: 0 }));
vi.mock('./queries', async (importOriginal) => {
  const original = await importOriginal<typeof import('./queries')>();
  return {
    ...original,
    getStoredPicture: (hash: string) => {
      lookups.n += 1;
      return original.getStoredPicture(hash);
    },
  };
});

let picture: Media;
const request = (name: string, init: RequestInit = {}) => mediaResponse(new Request(`http://localhost/media/${name}`, init), name);

beforeAll(async () => {
  migrateDatabase();
  const bytes = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#7a1f2b' } })
    .png()
    .toBuffer();
  const result = await storeUpload({ bytes, originalName: 'red.png', uploadedBy: null });
  if (!result.ok) throw new Error(result.message);
  picture = result.media;
});

describe('GET /media/<hash>.<ext>', () => {
  it('sends the original with its type, length, a year of immutable caching and an ETag', async () => {
    const response = await request(`${picture.hash}.png`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toBe(`"${picture.hash}"`);
    expect(response.headers.get('set-cookie')).toBeNull();
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(body.equals(fs.readFileSync(originalFile(picture.hash, 'png')))).toBe(true);
  });

  it('answers 304 to a client that has it', async () => {
    const response = await request(`${picture.hash}.png`, { headers: { 'If-None-Match': `"other", W/"${picture.hash}"` } });
    expect(response.status).toBe(304);
    expect(response.headers.get('etag')).toBe(`"${picture.hash}"`);
    expect(await response.text()).toBe('');
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await request(`${picture.hash}.png`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(Number(response.headers.get('content-length'))).toBe(picture.bytes);
    expect(response.body).toBeNull();
  });

  it.each([
    ['a hash that is not in the media table', `${'b'.repeat(64)}.png`],
    ['a stored picture under another format’s extension', () => `${picture.hash}.jpg`],
    ['a malformed name', 'not-a-picture.png'],
    ['a path outside MEDIA_PATH', '..%2F..%2Fsite.db'],
    ['an upper-case hash', () => `${picture.hash.toUpperCase()}.png`],
  ])('answers a plain 404 to %s', async (_, name) => {
    const response = await request(typeof name === 'function' ? name() : name);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toBe('Not found.');
  });
});

describe('GET /media/<hash>-<width>.<avif|webp>', () => {
  it('makes a variant on the first request and serves it', async () => {
    const name = `${picture.hash}-480.avif`;
    expect(fs.existsSync(variantFile(picture.hash, 480, 'avif'))).toBe(false);
    const response = await request(name);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/avif');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await response.arrayBuffer());
    expect(Number(response.headers.get('content-length'))).toBe(body.length);
    expect(await sharp(body).metadata()).toMatchObject({ format: 'heif', compression: 'av1', width: 480, height: 360 });
    expect(fs.existsSync(variantFile(picture.hash, 480, 'avif'))).toBe(true);
  });

  it('reads a variant made before from disk without asking the database', async () => {
    await request(`${picture.hash}-320.webp`);
    lookups.n = 0;
    const response = await request(`${picture.hash}-320.webp`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    const etag = response.headers.get('etag');
    expect(etag).toMatch(new RegExp(`^"${picture.hash}-320-webp-[0-9a-z]+"$`));
    await response.arrayBuffer();
    expect(lookups.n).toBe(0);
    expect((await request(`${picture.hash}-320.webp`, { headers: { 'If-None-Match': etag! } })).status).toBe(304);
  });

  it('makes no file for a picture that is not stored', async () => {
    const hash = 'c'.repeat(64);
    expect((await request(`${hash}-640.webp`)).status).toBe(404);
    expect(fs.existsSync(variantFile(hash, 640, 'webp'))).toBe(false);
  });

  it.each([`-500.webp`, `-640.png`, `-640.jpeg`, `-0640.webp`])(
    'answers 404 to a variant name off the ladder: <hash>%s',
    async (suffix) => {
      expect((await request(`${picture.hash}${suffix}`)).status).toBe(404);
    },
  );
});
