import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { migrateDatabase } from '@/db/migrate';
import type { Media } from '@/db/schema';
import { storeUpload } from './store';
import { ensureVariant, variantsInProgress } from './variants';

// Counts the files written, to show that concurrent requests for one new variant encode it once.
const writes = vi.hoisted(() => ({ files: [] as string[] }));
vi.mock('./files', async (importOriginal) => {
  const original = await importOriginal<typeof import('./files')>();
  return {
    ...original,
    writeFileAtomically: async (file: string, data: Uint8Array) => {
      writes.files.push(file);
      return original.writeFileAtomically(file, data);
    },
  };
});

let picture: Media;

beforeAll(async () => {
  migrateDatabase();
  const bytes = await sharp({ create: { width: 1000, height: 500, channels: 3, background: '#3a6ea5' } })
    .jpeg()
    .toBuffer();
  const result = await storeUpload({ bytes, originalName: 'wide.jpg', uploadedBy: null });
  if (!result.ok) throw new Error(result.message);
  picture = result.media;
});

describe('ensureVariant', () => {
  it('makes a resized AVIF or WebP under MEDIA_PATH/variants, keeping the proportions', async () => {
    const avif = await ensureVariant(picture, 480, 'avif');
    expect(avif).toMatch(new RegExp(`/variants/${picture.hash}-480\\.avif$`));
    expect(await sharp(avif).metadata()).toMatchObject({ format: 'heif', compression: 'av1', width: 480, height: 240 });
    const webp = await ensureVariant(picture, 320, 'webp');
    expect(await sharp(webp).metadata()).toMatchObject({ format: 'webp', width: 320, height: 160 });
  });

  it('never enlarges: a rung wider than the picture is the whole picture', async () => {
    const file = await ensureVariant(picture, 1920, 'webp');
    expect(await sharp(file).metadata()).toMatchObject({ width: 1000, height: 500 });
  });

  it('encodes a new variant once however many ask at the same time, then reads it from disk', async () => {
    writes.files = [];
    const asked = Array.from({ length: 8 }, () => ensureVariant(picture, 640, 'webp'));
    const paths = await Promise.all(asked);
    expect(new Set(paths).size).toBe(1);
    expect(writes.files).toEqual([paths[0]]);
    expect(variantsInProgress()).toBe(0);

    const before = fs.statSync(paths[0]!).mtimeMs;
    await ensureVariant(picture, 640, 'webp');
    expect(writes.files).toHaveLength(1);
    expect(fs.statSync(paths[0]!).mtimeMs).toBe(before);
  });

  it('leaves no temporary file behind', async () => {
    const dir = fs.readdirSync(path.dirname(await ensureVariant(picture, 960, 'avif')));
    expect(dir.filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
